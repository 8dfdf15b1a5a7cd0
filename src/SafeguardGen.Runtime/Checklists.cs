using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SafeguardGen;

/// <summary>A generated checklist, for code that handles checklists by their ID (an assessment service, a UI).</summary>
public interface IChecklist
{
    /// <summary>The checklist's qualified name, e.g. "budapest.extradition-review".</summary>
    string Id { get; }

    /// <summary>Its title.</summary>
    LocalizedText Title { get; }

    /// <summary>The languages its texts are available in, its own first.</summary>
    IReadOnlyList<string> Languages { get; }

    /// <summary>Its safeguards, in order.</summary>
    IReadOnlyList<SafeguardInfo> Safeguards { get; }

    /// <summary>The facts about the request its conditions read.</summary>
    IReadOnlyList<QuestionInfo> Facts { get; }

    /// <summary>The type of its answers.</summary>
    Type AnswersType { get; }

    /// <summary>
    /// The JSON Schema (draft 2020-12) of its answers: what <see cref="ValidateJson"/> accepts, for forms and apps
    /// in other languages.
    /// </summary>
    string AnswersSchema { get; }

    /// <summary>Its rules as data, for the runtime's evaluator and the scenario runner.</summary>
    ChecklistRules Rules { get; }

    /// <summary>Validates answers given as JSON, in the shape of <see cref="AnswersType"/>.</summary>
    /// <exception cref="JsonException">The JSON does not fit the answers' shape.</exception>
    AssessmentResult ValidateJson(string json);
}

/// <summary>Marks a class that handles every safeguard of a checklist; the build fails while one is unhandled.</summary>
/// <param name="checklist">The checklist's qualified name, e.g. "budapest.extradition-review".</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ChecklistHandlerAttribute(string checklist) : Attribute
{
    /// <summary>The checklist's qualified name.</summary>
    public string Checklist { get; } = checklist;
}

/// <summary>Marks the method that handles one safeguard; it takes the safeguard's <see cref="SafeguardResult"/>.</summary>
/// <param name="safeguard">The safeguard's name, qualified by its treaty when the checklist holds two of that name.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class HandlesSafeguardAttribute(string safeguard) : Attribute
{
    /// <summary>The safeguard's name.</summary>
    public string Safeguard { get; } = safeguard;
}
