using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Formatting;
using SafeguardGen.Language.Text;
using StreamJsonRpc;

namespace SafeguardGen.LanguageServer.Tests;

/// <summary>One test per feature, each through the protocol as an editor speaks it, against a copy of the examples.</summary>
public sealed class LanguageServerTests
{
    private const string Budapest = "treaties/budapest.treaty";
    private const string Common = "treaties/common.treaty";

    [Fact]
    public async Task Opening_the_examples_shows_no_diagnostic_in_any_file()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        await client.OpenAsync(Budapest);

        var budapest = await client.DiagnosticsAsync(Budapest);
        await client.RequestAsync<Hover?>("textDocument/hover", Position(client, Budapest, "legal-basis"));

        Assert.Empty(budapest.Diagnostics);
        Assert.True(client.Published.Count >= 10, "Every file of the folder is checked, open or not.");
        Assert.All(client.Published.Values, p => Assert.Empty(p.Diagnostics));
    }

    [Fact]
    public async Task A_typo_shows_exactly_the_diagnostic_the_check_command_shows_at_the_same_place()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        var typo = client.Text(Budapest).Replace("safeguard legal-basis : legality {", "safeguard legal-basis : legalty {", StringComparison.Ordinal);
        await client.OpenAsync(Budapest);
        await client.DiagnosticsAsync(Budapest);

        await client.ChangeAsync(Budapest, typo, 2);
        var published = await client.DiagnosticsAsync(Budapest, p => p.Diagnostics.Count > 0);

        // What 'safeguard check' run in the workspace folder prints, from the same library entry point.
        var files = Directory.GetFiles(Path.Combine(client.Root, "treaties"), "*.treaty")
            .Select(f => Path.GetRelativePath(client.Root, f).Replace('\\', '/'))
            .Select(p => TreatyCompiler.Parse(p, p == Budapest ? typo : client.Text(p)));
        var expected = TreatyCompiler.Bind(files).Diagnostics.Where(d => d.Location.Path == Budapest).ToList();

        var diagnostic = Assert.Single(published.Diagnostics);
        var check = Assert.Single(expected);
        Assert.Equal("SG0210", diagnostic.Code);
        Assert.Equal(check.Id, diagnostic.Code);
        Assert.Equal(check.Message, diagnostic.Message);
        Assert.Equal((check.Location.Start.Line, check.Location.Start.Column), (diagnostic.Range.Start.Line + 1, diagnostic.Range.Start.Character + 1));
        Assert.Equal((check.Location.End.Line, check.Location.End.Column), (diagnostic.Range.End.Line + 1, diagnostic.Range.End.Character + 1));
        Assert.Equal(1, diagnostic.Severity);
        Assert.Equal("https://example.org/diagnostics/SG0210.md", diagnostic.CodeDescription?.Href);
        Assert.Equal(2, published.Version);
    }

    [Fact]
    public async Task An_edit_to_an_imported_file_rechecks_the_files_that_import_it()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        await client.OpenAsync(Common);
        await client.DiagnosticsAsync(Budapest);

        // Renaming the fact by hand breaks every file that reads it.
        await client.ChangeAsync(Common, client.Text(Common).Replace("fact data-obtained :", "fact data-gathered :", StringComparison.Ordinal), 2);
        var budapest = await client.DiagnosticsAsync(Budapest, p => p.Diagnostics.Count > 0);

        Assert.Contains(budapest.Diagnostics, d => d.Code == "SG0200" && d.Message.Contains("data-obtained", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hover_on_a_safeguard_shows_its_title_kinds_basis_and_citations_with_status_and_quoted_wording()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        await client.OpenAsync(Budapest);
        await client.DiagnosticsAsync(Budapest);

        var hover = await client.RequestAsync<Hover?>("textDocument/hover", Position(client, Budapest, "safeguard legal-basis", "safeguard ".Length + 2));

        Assert.NotNull(hover);
        var text = hover!.Contents.Value;
        Assert.Equal("markdown", hover.Contents.Kind);
        Assert.Contains("Power provided for by accessible domestic law that protects human rights", text, StringComparison.Ordinal);
        Assert.Contains("legality", text, StringComparison.Ordinal);
        Assert.Contains("Basis: the treaty's text", text, StringComparison.Ordinal);
        Assert.Contains("ETS 185, Art\\. 15\\(1\\) — verified", text, StringComparison.Ordinal);
        Assert.Contains("> Each Party shall ensure", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_on_a_kind_and_on_a_question_says_what_they_are_in_words()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        await client.OpenAsync(Budapest);
        await client.DiagnosticsAsync(Budapest);

        var kind = await client.RequestAsync<Hover?>("textDocument/hover", Position(client, Budapest, "supervision : oversight(independent)", "supervision : ".Length + 1));
        var question = await client.RequestAsync<Hover?>("textDocument/hover", Position(client, Budapest, "question supervisor", "question ".Length + 1));
        var fact = await client.RequestAsync<Hover?>("textDocument/hover", Position(client, Budapest, "common.data-obtained contains", "common.".Length + 1));

        Assert.Contains("Judicial or independent oversight", kind!.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("Qualifiers: `judicial`, `independent`", kind.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("Who supervises the use of the power in this case?", question!.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("Answer: one of\\: A judge or court; Another independent authority; No independent supervision", question.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("Answer: any number of\\: Subscriber information", fact!.Contents.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_escapes_markup_written_in_a_treaty()
    {
        const string text = "treaty t {\n  title \"T\"\n}\n\nkind k {\n  title \"[click](javascript:alert(1)) <img src=x> *bold*\"\n}\n\nsafeguard s : k {\n  title \"S\"\n}\n";
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        await client.OpenAsync("hostile.treaty", text);
        await client.DiagnosticsAsync("hostile.treaty");

        var hover = await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier(client.Uri("hostile.treaty")), LspClient.PositionOf(text, ": k", 2)));

        Assert.Contains("\\[click\\]\\(javascript\\:alert\\(1\\)\\) \\<img src=x\\> \\*bold\\*", hover!.Contents.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Go_to_definition_finds_instruments_facts_options_and_questions_across_files()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        await client.OpenAsync(Budapest);
        await client.DiagnosticsAsync(Budapest);
        var common = client.Text(Common);

        var instrument = await client.RequestAsync<Location[]>("textDocument/definition", Position(client, Budapest, "cite common.echr", "cite common.".Length + 1));
        var fact = await client.RequestAsync<Location[]>("textDocument/definition", Position(client, Budapest, "common.data-obtained contains", "common.".Length + 3));
        var option = await client.RequestAsync<Location[]>("textDocument/definition", Position(client, Budapest, "contains traffic-data", "contains ".Length + 2));
        var treaty = await client.RequestAsync<Location[]>("textDocument/definition", Position(client, Budapest, "cite common.echr", "cite ".Length + 1));

        Assert.Equal(new Location(client.Uri(Common), RangeOf(common, "instrument echr", "instrument ".Length, "echr".Length)), Assert.Single(instrument));
        Assert.Equal(new Location(client.Uri(Common), RangeOf(common, "fact data-obtained", "fact ".Length, "data-obtained".Length)), Assert.Single(fact));
        Assert.Equal(new Location(client.Uri(Common), RangeOf(common, "option traffic-data", "option ".Length, "traffic-data".Length)), Assert.Single(option));
        Assert.Equal(new Location(client.Uri(Common), RangeOf(common, "treaty common", "treaty ".Length, "common".Length)), Assert.Single(treaty));
    }

    [Fact]
    public async Task Find_references_lists_every_use_across_files_and_imports()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        await client.OpenAsync(Common);
        await client.DiagnosticsAsync(Common);

        var references = await client.RequestAsync<Location[]>("textDocument/references", new ReferenceParams(new TextDocumentIdentifier(client.Uri(Common)), LspClient.PositionOf(client.Text(Common), "fact data-obtained", "fact ".Length + 2), new ReferenceContext(true)));
        var withoutDeclaration = await client.RequestAsync<Location[]>("textDocument/references", new ReferenceParams(new TextDocumentIdentifier(client.Uri(Common)), LspClient.PositionOf(client.Text(Common), "fact data-obtained", "fact ".Length + 2), new ReferenceContext(false)));

        var uses = client.Text(Budapest).Split("common.data-obtained").Length - 1;
        Assert.True(uses >= 2);
        Assert.Equal(uses, references.Count(r => r.Uri == client.Uri(Budapest)));
        Assert.Contains(references, r => r.Uri == client.Uri(Common));
        Assert.Equal(references.Length - 1, withoutDeclaration.Length);
        Assert.Contains(references, r => r.Uri.EndsWith("uncc.treaty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Completion_offers_what_the_grammar_expects_where_the_cursor_is()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        var text = client.Text(Budapest);
        await client.OpenAsync(Budapest);
        await client.DiagnosticsAsync(Budapest);

        async Task<string[]> At(string edited, string marker)
        {
            await client.ChangeAsync(Budapest, edited, 2);
            var list = await client.RequestAsync<CompletionList>("textDocument/completion", new TextDocumentPositionParams(new TextDocumentIdentifier(client.Uri(Budapest)), LspClient.PositionOf(edited, marker, marker.Length)));
            return list.Items.Select(i => i.Label).ToArray();
        }

        var basis = await At(text.Replace("  basis treaty\n", "  basis \n", StringComparison.Ordinal), "  basis ");
        var item = await At(text.Replace("  basis treaty\n", "  \n", StringComparison.Ordinal), "safeguard legal-basis : legality {\n  title \"Power provided for by accessible domestic law that protects human rights\"\n  ");
        var kinds = await At(text.Replace("safeguard legal-basis : legality {", "safeguard legal-basis : le {", StringComparison.Ordinal), "safeguard legal-basis : le");
        var options = await At(text.Replace("satisfied-by any-of judge, independent-authority", "satisfied-by any-of ", StringComparison.Ordinal), "satisfied-by any-of ");
        var conditionOptions = await At(text.Replace("when common.data-obtained contains traffic-data or", "when common.data-obtained contains  or", StringComparison.Ordinal), "when common.data-obtained contains ");
        var members = await At(text.Replace("cite common.echr article 8", "cite common. article 8", StringComparison.Ordinal), "cite common.");

        Assert.Equal(new[] { "treaty", "human-rights-law", "policy" }, basis);
        Assert.Contains("cite", item);
        Assert.Contains("question", item);
        Assert.Contains("legality", kinds);
        Assert.Contains("refusal-ground", kinds);
        Assert.Equal(new[] { "judge", "independent-authority", "none" }, options);
        Assert.Equal(new[] { "subscriber-information", "traffic-data", "content-data" }, conditionOptions);
        Assert.Contains("echr", members);
        Assert.Contains("data-obtained", members);
    }

    [Fact]
    public async Task Rename_changes_every_use_across_files_and_refuses_a_name_that_collides()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        await client.OpenAsync(Budapest);
        await client.DiagnosticsAsync(Budapest);
        var position = Position(client, Budapest, "safeguard proportionality", "safeguard ".Length + 1);

        var range = await client.RequestAsync<Range?>("textDocument/prepareRename", position);
        var edit = await client.RequestAsync<WorkspaceEdit>("textDocument/rename", new RenameParams(position.TextDocument, position.Position, "proportionate-use"));
        var clash = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync<WorkspaceEdit>("textDocument/rename", new RenameParams(position.TextDocument, position.Position, "supervision")));
        var invalid = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync<WorkspaceEdit>("textDocument/rename", new RenameParams(position.TextDocument, position.Position, "two words")));

        Assert.Equal(RangeOf(client.Text(Budapest), "safeguard proportionality", "safeguard ".Length, "proportionality".Length), range);
        var inBudapest = edit.Changes[client.Uri(Budapest)];
        Assert.All(edit.Changes.Values.SelectMany(e => e), e => Assert.Equal("proportionate-use", e.NewText));

        // The declaration and each measure that lists it, and the scenarios that expect its outcome.
        Assert.True(inBudapest.Count >= 5);
        Assert.Contains(edit.Changes.Keys, k => k.EndsWith("budapest-scenarios.treaty", StringComparison.Ordinal) || k.EndsWith("uncc-vs-budapest-article-15.treaty", StringComparison.Ordinal));
        Assert.Contains("'supervision' is already the name of safeguard 'budapest.supervision'", clash.Message, StringComparison.Ordinal);
        Assert.Contains("is not a name", invalid.Message, StringComparison.Ordinal);

        // Applying the edits leaves the workspace without a diagnostic.
        var opened = new List<string>();
        foreach (var (uri, edits) in edit.Changes)
        {
            var relative = Path.GetRelativePath(client.Root, new Uri(uri).LocalPath).Replace('\\', '/');
            await client.OpenAsync(relative, Apply(client.Text(relative), edits), 3);
            opened.Add(relative);
        }

        // Messages are handled in order, so once the last file's new version is checked, so is every other.
        await client.DiagnosticsAsync(opened[^1], p => p.Version == 3);
        Assert.All(client.Published.Values, p => Assert.Empty(p.Diagnostics));
    }

    [Fact]
    public async Task The_outline_nests_questions_and_options_and_workspace_symbols_find_declarations_by_name_or_title()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        await client.OpenAsync(Budapest);
        await client.DiagnosticsAsync(Budapest);

        var outline = await client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(new TextDocumentIdentifier(client.Uri(Budapest))));
        var found = await client.RequestAsync<SymbolInformation[]>("workspace/symbol", new WorkspaceSymbolParams("torture"));

        Assert.Equal("budapest", outline[0].Name);
        var supervision = Assert.Single(outline, s => s.Name == "supervision");
        Assert.Equal(5, supervision.Kind);
        var supervisor = Assert.Single(supervision.Children!);
        Assert.Equal(new[] { "judge", "independent-authority", "none" }, supervisor.Children!.Select(c => c.Name));
        Assert.Contains(outline, s => s.Name == "production-order-review" && s.Kind == 2);
        Assert.Contains(found, s => s.ContainerName == "common.torture-risk" && s.Location.Uri == client.Uri(Common));
    }

    [Fact]
    public async Task Code_actions_apply_the_fixes_the_diagnostics_suggest()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        var text = client.Text(Budapest).Replace("safeguard legal-basis : legality {", "safeguard legal-basis : legalty {", StringComparison.Ordinal)
            .Replace("import ets24\n", string.Empty, StringComparison.Ordinal);
        await client.OpenAsync(Budapest, text);
        var published = await client.DiagnosticsAsync(Budapest, p => p.Diagnostics.Count > 0);

        var all = new List<CodeAction>();
        foreach (var diagnostic in published.Diagnostics)
        {
            all.AddRange(await client.RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(client.Uri(Budapest)), diagnostic.Range, new CodeActionContext(new[] { diagnostic }))));
        }

        var change = Assert.Single(all, a => a.Title == "Change to 'legality'");
        Assert.Equal("legality", Assert.Single(change.Edit.Changes[client.Uri(Budapest)]).NewText);
        // Each use of the treaty not imported offers the same import; one is applied.
        var import = all.First(a => a.Title == "Add 'import ets24'").Edit.Changes[client.Uri(Budapest)];

        var fixedText = Apply(text, change.Edit.Changes[client.Uri(Budapest)].Concat(import).ToList());
        await client.ChangeAsync(Budapest, fixedText, 2);
        Assert.Empty((await client.DiagnosticsAsync(Budapest, p => p.Version == 2)).Diagnostics);
    }

    [Fact]
    public async Task A_code_action_adds_a_safeguard_of_the_kind_a_profile_requires_to_the_measure()
    {
        // The failing example of SG0230's page: the measure lists no safeguard of kind 'oversight'.
        var page = File.ReadAllText(Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "dsl-spec", "diagnostics", "SG0230.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = page.IndexOf("```treaty\n", StringComparison.Ordinal) + "```treaty\n".Length;
        var text = page.Substring(start, page.IndexOf("```", start, StringComparison.Ordinal) - start);
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        await client.OpenAsync("demo.treaty", text);
        var diagnostic = (await client.DiagnosticsAsync("demo.treaty")).Diagnostics.Single(d => d.Code == "SG0230");

        var actions = await client.RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(client.Uri("demo.treaty")), diagnostic.Range, null));

        var add = Assert.Single(actions);
        Assert.Equal("Add 'supervision' (oversight) to the measure's safeguards", add.Title);
        await client.ChangeAsync("demo.treaty", Apply(text, add.Edit.Changes[client.Uri("demo.treaty")]), 2);
        Assert.Empty((await client.DiagnosticsAsync("demo.treaty", p => p.Version == 2)).Diagnostics);
    }

    [Fact]
    public async Task Code_lenses_run_a_checklists_scenarios_and_open_its_docs_page()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        await client.OpenAsync(Budapest);
        await client.DiagnosticsAsync(Budapest);

        var lenses = await client.RequestAsync<CodeLens[]>("textDocument/codeLens", new CodeLensParams(new TextDocumentIdentifier(client.Uri(Budapest))));
        var run = Assert.Single(lenses, l => l.Command.Title == "Run scenarios" && l.Command.Arguments![1].ToString() == "budapest.production-order-review");
        var docs = Assert.Single(lenses, l => l.Command.Title == "Open docs page" && l.Command.Arguments![0].ToString() == "budapest.production-order-review");
        var ran = await client.RequestAsync<string>("workspace/executeCommand", new { command = run.Command.CommandName, arguments = run.Command.Arguments });
        var opened = await client.RequestAsync<string>("workspace/executeCommand", new { command = docs.Command.CommandName, arguments = docs.Command.Arguments });

        Assert.Matches("^All [0-9]+ scenarios of checklist 'budapest.production-order-review' pass\\.$", ran);
        Assert.Contains(client.Messages, m => m.Message == ran);
        Assert.EndsWith("/en/budapest.production-order-review.html", opened, StringComparison.Ordinal);
        Assert.True(File.Exists(new Uri(opened).LocalPath));
        Assert.Equal(opened, Assert.Single(client.ShownDocuments).Uri);
    }

    [Fact]
    public async Task A_failing_scenario_is_reported_by_the_code_lens_command_with_its_reason()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        const string scenarios = "scenarios/budapest-scenarios.treaty";
        var text = client.Text(scenarios);
        var first = text.IndexOf("expect decision proceed", StringComparison.Ordinal);
        Assert.True(first >= 0);
        await client.OpenAsync(scenarios, text.Substring(0, first) + "expect decision must-refuse" + text.Substring(first + "expect decision proceed".Length));
        await client.DiagnosticsAsync(scenarios);

        var ran = await client.RequestAsync<string>("workspace/executeCommand", new { command = TreatyLanguageServer.RunScenariosCommand, arguments = new[] { "checklist", "budapest.production-order-review" } });

        Assert.Matches("^1 of [0-9]+ scenarios of checklist 'budapest.production-order-review' failed:", ran);
        Assert.Contains("Expected the decision MustRefuse, but it is Proceed.", ran, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Formatting_gives_the_same_text_as_the_format_command_and_leaves_a_broken_file_alone()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        const string messy = "treaty  demo{title \"Demo\"\n reference \"ETS 185\"}\n\n\n\nkind k{title \"K\"}\n";
        await client.OpenAsync("demo.treaty", messy);
        await client.DiagnosticsAsync("demo.treaty");

        var edits = await client.RequestAsync<TextEdit[]>("textDocument/formatting", new DocumentFormattingParams(new TextDocumentIdentifier(client.Uri("demo.treaty")), null));
        await client.ChangeAsync("demo.treaty", "treaty demo {\n  title \"Demo\n}\n", 2);
        await client.DiagnosticsAsync("demo.treaty", p => p.Version == 2);
        var broken = await client.RequestAsync<TextEdit[]>("textDocument/formatting", new DocumentFormattingParams(new TextDocumentIdentifier(client.Uri("demo.treaty")), null));

        Assert.Equal(TreatyFormatter.Format("demo.treaty", messy).Text, Apply(messy, edits));
        Assert.Empty(broken);
    }

    [Fact]
    public async Task Closing_an_edited_document_restores_the_file_on_disk_and_its_diagnostics()
    {
        await using var client = await LspClient.StartAsync(LspClient.CopyOfExamples());
        await client.OpenAsync(Budapest, client.Text(Budapest).Replace("basis treaty", "basis treatyy", StringComparison.Ordinal));
        await client.DiagnosticsAsync(Budapest, p => p.Diagnostics.Count > 0);

        await client.NotifyAsync("textDocument/didClose", new DidCloseTextDocumentParams(new TextDocumentIdentifier(client.Uri(Budapest))));

        Assert.Empty((await client.DiagnosticsAsync(Budapest, p => p.Diagnostics.Count == 0)).Diagnostics);
    }

    private static TextDocumentPositionParams Position(LspClient client, string relative, string text, int offset = 0) =>
        new(new TextDocumentIdentifier(client.Uri(relative)), LspClient.PositionOf(client.Text(relative), text, offset));

    private static Range RangeOf(string document, string text, int offset, int length) =>
        new(LspClient.PositionOf(document, text, offset), LspClient.PositionOf(document, text, offset + length));

    /// <summary>Applies edits the way an editor does: all against the original text, from the last to the first.</summary>
    private static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var lines = LineMap.Create(string.Empty, text);
        int Offset(Position p) => lines.LineStarts[p.Line] + p.Character;
        foreach (var edit in edits.OrderByDescending(e => Offset(e.Range.Start)))
        {
            text = text.Substring(0, Offset(edit.Range.Start)) + edit.NewText + text.Substring(Offset(edit.Range.End));
        }

        return text;
    }
}
