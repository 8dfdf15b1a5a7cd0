using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SafeguardGen.Benchmarks;

/// <summary>
/// What the load benchmark reads from the app's pages, by pattern: the pages are the app's own Razor output, with
/// attributes in double quotes, so a full HTML parser is not needed.
/// </summary>
internal static partial class Html
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The page's antiforgery token (every form of one response carries the same), or null.</summary>
    public static string? Token(string html)
    {
        foreach (var tag in Tags(html))
        {
            if (tag.Attributes.GetValueOrDefault("name") == TokenField && tag.Attributes.TryGetValue("value", out var value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The rows of the record's history table (one per change of an answer), or -1 when the page has none and does not say so.</summary>
    public static int HistoryRows(string html)
    {
        var table = HistoryTable().Match(html);
        if (!table.Success)
        {
            return html.Contains("No answer has been given yet.", StringComparison.Ordinal) ? 0 : -1;
        }

        return Row().Count(table.Groups[1].Value);
    }

    /// <summary>Every <c>input</c> and <c>textarea</c> tag: its element name and its attributes, decoded.</summary>
    public static IEnumerable<(string Element, IReadOnlyDictionary<string, string> Attributes)> Tags(string html)
    {
        foreach (Match tag in FormTag().Matches(html))
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match attribute in Attribute().Matches(tag.Groups[2].Value))
            {
                attributes.TryAdd(attribute.Groups[1].Value, WebUtility.HtmlDecode(attribute.Groups[2].Value));
            }

            yield return (tag.Groups[1].Value, attributes);
        }
    }

    [GeneratedRegex("<(input|textarea)\\b([^>]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex FormTag();

    [GeneratedRegex("([A-Za-z_:][-A-Za-z0-9_:.]*)=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    [GeneratedRegex("<table class=\"table history\">.*?<tbody>(.*?)</tbody>", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex HistoryTable();

    [GeneratedRegex("<tr[ >]", RegexOptions.CultureInvariant)]
    private static partial Regex Row();
}

/// <summary>One form control of a question: <c>radio</c>, <c>checkbox</c>, <c>date</c>, <c>text</c> or <c>textarea</c>, its field name and its value.</summary>
internal sealed record Control(string Kind, string Name, string Value);

/// <summary>
/// The Questions page's form: the question asked, the assessment's version the page was read at, the antiforgery
/// token and the controls. The field names carry the question's ID: <c>q:&lt;id&gt;</c>, and <c>q:&lt;id&gt;:none</c>
/// for "None" of a list.
/// </summary>
internal sealed record QuestionForm(string QuestionId, string Version, string Token, IReadOnlyList<Control> Controls)
{
    /// <summary>The form on the page, or null when the page has no question form.</summary>
    public static QuestionForm? Parse(string html)
    {
        string? question = null;
        string? version = null;
        string? token = null;
        var controls = new List<Control>();
        foreach (var (element, attributes) in Html.Tags(html))
        {
            var name = attributes.GetValueOrDefault("name");
            var value = attributes.GetValueOrDefault("value") ?? string.Empty;
            switch (name)
            {
                case "question":
                    question = value;
                    break;
                case "version":
                    version = value;
                    break;
                case Html.TokenField:
                    token ??= value;
                    break;
                case not null when name.StartsWith("q:", StringComparison.Ordinal):
                    controls.Add(new Control(element == "textarea" ? "textarea" : attributes.GetValueOrDefault("type") ?? "text", name, value));
                    break;
            }
        }

        return question is null || version is null || token is null || controls.Count == 0 ? null : new QuestionForm(question, version, token, controls);
    }

    /// <summary>
    /// What a caseworker would enter for the question: the sample's answer when it has one that the controls can
    /// take, else a plain default for the kind of control (no, the first option, none, 1, a date, a sentence).
    /// Returns the fields to post and the JSON value the app must then keep for the question.
    /// </summary>
    public (List<KeyValuePair<string, string>> Fields, string Expected) Answer(JsonElement? sample)
    {
        var name = "q:" + QuestionId;
        var own = Controls.Where(c => c.Name == name).ToList();
        var hasNone = Controls.Any(c => c.Name == name + ":none");
        var fields = new List<KeyValuePair<string, string>>();
        string expected;
        switch (own.FirstOrDefault()?.Kind)
        {
            case "radio" when own.Select(c => c.Value).Order(StringComparer.Ordinal).SequenceEqual(["no", "yes"]):
                var yes = sample?.ValueKind == JsonValueKind.True;
                fields.Add(new(name, yes ? "yes" : "no"));
                expected = yes ? "true" : "false";
                break;
            case "radio":
                var option = sample is { ValueKind: JsonValueKind.String } given && own.Any(c => c.Value == given.GetString()) ? given.GetString()! : own[0].Value;
                fields.Add(new(name, option));
                expected = JsonSerializer.Serialize(option);
                break;
            case "checkbox":
                var wanted = sample is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().Select(e => e.ToString()).ToHashSet(StringComparer.Ordinal) : [];

                // The checkboxes come in the checklist's order, which is the order the app keeps.
                var chosen = own.Select(c => c.Value).Where(wanted.Contains).ToList();
                fields.AddRange(chosen.Count == 0 ? [new(name + ":none", "none")] : chosen.Select(c => new KeyValuePair<string, string>(name, c)));
                expected = JsonSerializer.Serialize(chosen);
                break;
            case "date":
                var date = sample is { ValueKind: JsonValueKind.String } day ? day.GetString()! : "2026-01-15";
                fields.Add(new(name, date));
                expected = JsonSerializer.Serialize(date);
                break;
            case "text":
                // The one-line text input is the number control.
                var number = sample is { ValueKind: JsonValueKind.Number } amount ? amount.GetRawText() : "1";
                fields.Add(new(name, number));
                expected = number;
                break;
            case "textarea" when hasNone:
                // A list of texts, numbers or dates: one item a line, or "None".
                if (sample is { ValueKind: JsonValueKind.Array } items && items.GetArrayLength() > 0)
                {
                    fields.Add(new(name, string.Join("\n", items.EnumerateArray().Select(i => i.ToString()))));
                    expected = items.GetRawText();
                }
                else
                {
                    fields.Add(new(name + ":none", "none"));
                    expected = "[]";
                }

                break;
            case "textarea":
                var text = sample is { ValueKind: JsonValueKind.String } words ? words.GetString()! : "Checked against the case file by the load test.";
                fields.Add(new(name, text));
                expected = JsonSerializer.Serialize(text);
                break;
            default:
                throw new InvalidOperationException("Question " + QuestionId + " has no control the load test knows: " + string.Join(", ", own.Select(c => c.Kind)));
        }

        return (fields, expected);
    }
}
