using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Html;
using SafeguardGen.Docs;

namespace SafeguardGen.Examples.AssessmentWeb.Assessing;

/// <summary>
/// Texts of a checklist and of users as HTML: encoded by construction, tagged with their language and
/// direction, and marked when shown in the checklist's own language for want of a translation.
/// </summary>
public static class Show
{
    /// <summary>A checklist text in <paramref name="language"/>, or in its own language marked "not translated".</summary>
    public static IHtmlContent Text(LocalizedText? text, string language, IChecklist? checklist = null)
    {
        if (text is null)
        {
            return HtmlString.Empty;
        }

        var (shown, translated) = LanguageShown(text, language, checklist);
        var html = Tagged(SafeHtml.Text(text.Get(language)), shown, "span");
        return new HtmlString(translated ? html : html + " " + NotTranslated(language));
    }

    /// <summary>Guidance Markdown in <paramref name="language"/> as HTML, marked when not translated.</summary>
    public static IHtmlContent Guidance(LocalizedText? text, string language, IChecklist? checklist = null)
    {
        if (text is null)
        {
            return HtmlString.Empty;
        }

        var (shown, translated) = LanguageShown(text, language, checklist);
        var html = Tagged(SafeHtml.Guidance(text.Get(language)), shown, "div");
        return new HtmlString(translated ? html : html + "<p>" + NotTranslated(language) + "</p>");
    }

    /// <summary>Words of the runtime's wording tables (a decision, an outcome, an explanation line) in <paramref name="language"/>.</summary>
    public static IHtmlContent Words(string text, string language) => new HtmlString(Tagged(SafeHtml.Text(text), Wording.Has(language) ? language : "en", "span"));

    /// <summary>A stored answer written out for a reader: Yes or No, an option's label, a date, a number, the text.</summary>
    public static IHtmlContent Answer(QuestionInfo question, string? json, string language, IChecklist? checklist = null)
    {
        if (json is null)
        {
            return new HtmlString("<span class=\"unanswered\">Not answered</span>");
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            return Item(question, root, language, checklist);
        }

        if (root.GetArrayLength() == 0)
        {
            return new HtmlString(question.Type == AnswerType.Choice ? "None of these" : "None");
        }

        var builder = new StringBuilder("<ul class=\"answer-list\">");
        foreach (var item in root.EnumerateArray())
        {
            builder.Append("<li>").Append(ToHtml(Item(question, item, language, checklist))).Append("</li>");
        }

        return new HtmlString(builder.Append("</ul>").ToString());
    }

    /// <summary>An answer as plain text, for the value of a form control: one item a line.</summary>
    public static string FormValue(string? json) => string.Join("\n", FormItems(json));

    /// <summary>The options (or yes, no) a stored answer holds, for checked boxes and radios.</summary>
    public static IReadOnlySet<string> Chosen(string? json) => new HashSet<string>(FormItems(json), StringComparer.Ordinal);

    /// <summary>A stored answer's items as a form posts them: "yes" or "no", an option's ID, a text, a date, a number.</summary>
    private static List<string> FormItems(string? json)
    {
        if (json is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root]).Select(value => value.ValueKind switch
        {
            JsonValueKind.True => "yes",
            JsonValueKind.False => "no",
            JsonValueKind.String => value.GetString()!,
            _ => value.GetRawText(),
        }).ToList();
    }

    /// <summary>The language a checklist text is shown in: <paramref name="language"/> when translated, else the checklist's own.</summary>
    private static (string Shown, bool Translated) LanguageShown(LocalizedText text, string language, IChecklist? checklist)
    {
        var own = checklist?.Languages[0] ?? "en";
        var translated = language == own || text.Languages.Contains(language, StringComparer.OrdinalIgnoreCase);
        return (translated ? language : own, translated);
    }

    /// <summary>A time as people read it in a record: UTC, to the minute, the same in every culture.</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static IHtmlContent Item(QuestionInfo question, JsonElement value, string language, IChecklist? checklist) => value.ValueKind switch
    {
        JsonValueKind.True => new HtmlString("Yes"),
        JsonValueKind.False => new HtmlString("No"),
        JsonValueKind.String when question.Type == AnswerType.Choice =>
            question.Options.FirstOrDefault(o => o.Id == value.GetString()) is { } option ? Text(option.Label, language, checklist) : new HtmlString(WebUtility.HtmlEncode(value.GetString())),
        JsonValueKind.String when question.Type == AnswerType.Text =>
            new HtmlString("<span class=\"text-answer\">" + SafeHtml.Text(value.GetString()) + "</span>"),
        _ => new HtmlString(SafeHtml.Text(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())),
    };

    private static string Tagged(string html, string language, string element) =>
        "<" + element + " lang=\"" + WebUtility.HtmlEncode(language) + "\" dir=\"" + (Languages.RightToLeft(language) ? "rtl" : "ltr") + "\">" + html + "</" + element + ">";

    private static string NotTranslated(string language) =>
        "<small class=\"not-translated\">(not translated into " + WebUtility.HtmlEncode(Languages.Name(language)) + ")</small>";

    private static string ToHtml(IHtmlContent content)
    {
        using var writer = new System.IO.StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
