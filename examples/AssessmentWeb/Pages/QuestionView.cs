using System.Linq;
using SafeguardGen.Examples.AssessmentWeb.Assessing;

namespace SafeguardGen.Examples.AssessmentWeb.Pages;

/// <summary>One question as a form control.</summary>
/// <param name="Page">The assessment page.</param>
/// <param name="Question">The question.</param>
/// <param name="Value">The answer to show, as JSON, or null.</param>
/// <param name="Error">What is wrong with what was posted, or null.</param>
/// <param name="AllowClear">Whether "Not answered" can be chosen (changing an answer, the all-questions view).</param>
/// <param name="IsPageHeading">Whether the question is the page's heading (one question a page).</param>
/// <param name="Form">The form as posted when it had a problem, so what the user entered is shown again, not lost.</param>
public sealed record QuestionView(AssessmentPage Page, QuestionInfo Question, string? Value, string? Error, bool AllowClear, bool IsPageHeading, Microsoft.AspNetCore.Http.IFormCollection? Form = null)
{
    /// <summary>The options or yes/no to show chosen.</summary>
    public System.Collections.Generic.IReadOnlySet<string> Chosen => Form is null
        ? Show.Chosen(Value)
        : new System.Collections.Generic.HashSet<string>(Form[Name].Where(v => v is not null).Select(v => v!), System.StringComparer.Ordinal);

    /// <summary>Whether "None" is ticked.</summary>
    public bool NoneChosen => Form is null ? Value == "[]" : Form[NoneName].Count > 0;

    /// <summary>The text to show in a text box.</summary>
    public string Text => Form is null ? Show.FormValue(Value) : Form[Name].ToString();

    public string ElementId => AnswerForm.ElementId(Page.Checklist, Question);

    public string Name => AnswerForm.FieldName(Question);

    public string NoneName => AnswerForm.NoneFieldName(Question);
}
