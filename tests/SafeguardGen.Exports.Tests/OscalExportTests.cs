using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using NJsonSchema;
using SafeguardGen.Exports.Oscal;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Text;
using SafeguardGen.Testing;

namespace SafeguardGen.Exports.Tests;

/// <summary>
/// Every example exports to the four OSCAL models, and every export validates against NIST's OSCAL 1.2.1 JSON
/// schemas; the exports are the same bytes whatever the order of files, the culture or the line ends.
/// </summary>
public sealed class OscalExportTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly string SchemaFolder = Path.GetFullPath(Path.Combine(TestProcess.RepositoryRoot, "..", "shared", "reference", "oscal"));

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(() => new Dictionary<string, JsonSchema>(StringComparer.Ordinal)
    {
        ["catalog"] = JsonSchema.FromFileAsync(Path.Combine(SchemaFolder, "oscal_catalog_schema.json")).GetAwaiter().GetResult(),
        ["profile"] = JsonSchema.FromFileAsync(Path.Combine(SchemaFolder, "oscal_profile_schema.json")).GetAwaiter().GetResult(),
        ["mapping-collection"] = JsonSchema.FromFileAsync(Path.Combine(SchemaFolder, "oscal_mapping_schema.json")).GetAwaiter().GetResult(),
        ["assessment-results"] = JsonSchema.FromFileAsync(Path.Combine(SchemaFolder, "oscal_assessment-results_schema.json")).GetAwaiter().GetResult(),
    });

    private static IEnumerable<SourceText> ExampleSources() =>
        new[] { "treaties", "comparisons" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(TestProcess.RepositoryRoot, "examples", folder), "*.treaty"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SourceText("examples/" + Path.GetFileName(Path.GetDirectoryName(p)) + "/" + Path.GetFileName(p), File.ReadAllText(p)));

    private static readonly Lazy<TreatyModel> Model = new(() =>
    {
        var result = TreatyCompiler.Compile(ExampleSources());
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Model;
    });

    private static string RequestsFolder => Path.Combine(TestProcess.RepositoryRoot, "examples", "AssessmentApp", "requests");

    /// <summary>Every document the examples export: catalogs, profiles, mappings, and the results of every example request.</summary>
    internal static List<ExportedFile> ExportAll(TreatyModel model, IEnumerable<(string Path, string Text)> requests)
    {
        var files = new List<ExportedFile>();
        files.AddRange(OscalCatalog.ExportAll(model, Time));
        files.AddRange(OscalProfile.ExportAll(model, Time).Files);
        files.AddRange(OscalMapping.ExportAll(model, Time));
        foreach (var (path, text) in requests)
        {
            var id = JsonDocument.Parse(text).RootElement.GetProperty("checklist").GetString();
            var checklist = model.Treaties.SelectMany(t => t.Checklists).Single(c => c.Name.ToString() == id);
            var (file, diagnostics) = OscalResults.Export(model, checklist, path, text, Time);
            Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
            files.Add(file!);
        }

        return files;
    }

    private static IEnumerable<(string Path, string Text)> Requests() =>
        Directory.GetFiles(RequestsFolder, "*.json").Concat(Directory.GetFiles(Path.Combine(TestProcess.RepositoryRoot, "examples", "scenarios", "requests"), "*.json"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("requests/" + Path.GetFileName(p), File.ReadAllText(p)));

    private static readonly Lazy<List<ExportedFile>> Exported = new(() => ExportAll(Model.Value, Requests()));

    private static ICollection<NJsonSchema.Validation.ValidationError> Validate(string content)
    {
        using var document = JsonDocument.Parse(content);
        var root = document.RootElement.EnumerateObject().Single().Name;
        return Schemas.Value[root].Validate(content);
    }

    public static TheoryData<string> Documents() => new(Exported.Value.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_export_of_the_examples_validates_against_nists_oscal_schemas(string name)
    {
        var errors = Validate(Exported.Value.Single(f => f.Name == name).Content);

        Assert.True(errors.Count == 0, name + ":\n" + string.Join("\n", errors));
    }

    [Fact]
    public void The_examples_export_to_all_four_models()
    {
        var roots = Exported.Value.Select(f => JsonDocument.Parse(f.Content).RootElement.EnumerateObject().Single().Name).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(new[] { "assessment-results", "catalog", "mapping-collection", "profile" }, roots);
    }

    [Theory]
    [InlineData("\"uuid\": \"", "\"uuid\": \"x")]
    [InlineData("\"oscal-version\": \"1.2.1\"", "\"oscal-version\": 121")]
    [InlineData("\"id\": \"", "\"id\": \"1 ")]
    [InlineData("\"last-modified\": \"2026-11-23T10:00:00Z\"", "\"last-modified\": \"2026-11-23\"")]
    public void A_broken_export_fails_validation_so_the_validator_cannot_pass_everything(string find, string replace)
    {
        var catalog = Exported.Value.First(f => f.Name == "budapest.catalog.json").Content;
        var at = catalog.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0);

        var broken = catalog.Substring(0, at) + replace + catalog.Substring(at + find.Length);

        Assert.NotEmpty(Validate(broken));
    }

    [Fact]
    public void A_version_7_uuid_is_rejected_by_the_schema_and_the_exports_use_version_5()
    {
        var catalog = Exported.Value.First(f => f.Name == "budapest.catalog.json").Content;
        var uuid = JsonDocument.Parse(catalog).RootElement.GetProperty("catalog").GetProperty("uuid").GetString()!;

        Assert.Equal('5', uuid[14]);
        Assert.NotEmpty(Validate(catalog.Replace(uuid, uuid.Substring(0, 14) + "7" + uuid.Substring(15), StringComparison.Ordinal)));
    }

    [Fact]
    public void Uuids_are_rfc_9562_version_5_name_based_uuids()
    {
        // The DNS namespace and "www.example.com": the worked example of version 5 UUIDs, computed independently.
        Assert.Equal("2ed6657d-e927-568b-95e1-2665a8aea6a2", OscalFormat.NameBasedForTesting(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
    }

    [Fact]
    public void Exports_are_byte_identical_across_runs_file_orders_cultures_and_line_ends()
    {
        var first = Exported.Value;
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            var reversed = TreatyCompiler.Compile(ExampleSources().Reverse().Select(s => new SourceText(s.Path, s.Content.Replace("\n", "\r\n", StringComparison.Ordinal)))).Model;
            var again = ExportAll(reversed, Requests().Reverse().Select(r => (r.Path, r.Text.Replace("\n", "\r\n", StringComparison.Ordinal))));

            Assert.Equal(first.Select(f => f.Name).Order(StringComparer.Ordinal), again.Select(f => f.Name).Order(StringComparer.Ordinal));
            foreach (var file in first)
            {
                Assert.Equal(file.Content, again.Single(f => f.Name == file.Name).Content);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Every_map_uses_an_oscal_relationship_and_points_at_controls_that_exist()
    {
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var catalog in Exported.Value.Where(f => f.Name.EndsWith(".catalog.json", StringComparison.Ordinal)))
        {
            ids[catalog.Name] = Ids(JsonDocument.Parse(catalog.Content).RootElement).ToHashSet(StringComparer.Ordinal);
        }

        var maps = 0;
        foreach (var mapping in Exported.Value.Where(f => f.Name.EndsWith(".mapping.json", StringComparison.Ordinal)))
        {
            foreach (var set in JsonDocument.Parse(mapping.Content).RootElement.GetProperty("mapping-collection").GetProperty("mappings").EnumerateArray())
            {
                var sources = ids[set.GetProperty("source-resource").GetProperty("href").GetString()!];
                var targets = ids[set.GetProperty("target-resource").GetProperty("href").GetString()!];
                foreach (var map in set.GetProperty("maps").EnumerateArray())
                {
                    maps++;
                    Assert.Contains(map.GetProperty("relationship").GetString(), OscalMapping.AllowedRelationships);
                    Assert.All(map.GetProperty("sources").EnumerateArray(), s => Assert.Contains(s.GetProperty("id-ref").GetString()!, sources));
                    Assert.All(map.GetProperty("targets").EnumerateArray(), t => Assert.Contains(t.GetProperty("id-ref").GetString()!, targets));
                }
            }
        }

        Assert.Equal(Model.Value.Treaties.SelectMany(t => t.Comparisons).Sum(c => c.Judgements.Count), maps);
    }

    [Fact]
    public void Hedged_and_weaker_judgements_keep_their_finer_meaning_as_qualifiers_and_a_property()
    {
        var mapping = JsonDocument.Parse(Exported.Value.Single(f => f.Name == "uncc-vs-budapest.uncc-against-article-15.mapping.json").Content).RootElement;
        var maps = mapping.GetProperty("mapping-collection").GetProperty("mappings")[0].GetProperty("maps").EnumerateArray().ToList();
        var supervision = maps.Single(m => m.GetProperty("targets")[0].GetProperty("id-ref").GetString() == "baseline--article-15--independent-supervision");

        Assert.Equal("intersects-with", supervision.GetProperty("relationship").GetString());
        Assert.Equal("has-requirement", supervision.GetProperty("qualifiers")[0].GetProperty("predicate").GetString());
        Assert.Contains("subject to domestic law", supervision.GetProperty("qualifiers")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(supervision.GetProperty("props").EnumerateArray(), p => p.GetProperty("name").GetString() == "relationship" && p.GetProperty("value").GetString() == "hedged");
        Assert.Equal("subset-of", maps.Single(m => m.GetProperty("targets")[0].GetProperty("id-ref").GetString() == "baseline--article-15--adequate-protection").GetProperty("relationship").GetString());
    }

    [Fact]
    public void Ids_are_unique_within_each_catalog()
    {
        foreach (var catalog in Exported.Value.Where(f => f.Name.EndsWith(".catalog.json", StringComparison.Ordinal)))
        {
            var ids = Ids(JsonDocument.Parse(catalog.Content).RootElement).ToList();
            Assert.True(ids.Count == ids.Distinct(StringComparer.Ordinal).Count(), catalog.Name + ": " + string.Join(", ", ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)));
        }
    }

    [Fact]
    public void A_ground_that_holds_reads_as_applying_and_not_applicable_and_unanswered_keep_their_meaning()
    {
        var results = JsonDocument.Parse(Exported.Value.Single(f => f.Name == "extradition-persecution.results.json").Content).RootElement;
        var findings = results.GetProperty("assessment-results").GetProperty("results")[0].GetProperty("findings").EnumerateArray().ToList();
        var outcomes = findings.Select(f => f.GetProperty("props").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "outcome").GetProperty("value").GetString()).ToList();

        Assert.All(findings, f => Assert.Equal("urn:safeguardgen:oscal", f.GetProperty("props")[0].GetProperty("ns").GetString()));
        Assert.Contains(findings, f => f.GetProperty("props").EnumerateArray().Any(p => p.GetProperty("name").GetString() == "ground") && f.GetProperty("description").GetString()!.StartsWith("The ground for refusal ", StringComparison.Ordinal));
        Assert.Subset(new HashSet<string?> { "satisfied", "not-satisfied", "not-applicable", "unanswered" }, outcomes.ToHashSet());
    }

    private static IEnumerable<string> Ids(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "id" && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return property.Value.GetString()!;
                }

                foreach (var id in Ids(property.Value))
                {
                    yield return id;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var id in Ids(item))
                {
                    yield return id;
                }
            }
        }
    }
}
