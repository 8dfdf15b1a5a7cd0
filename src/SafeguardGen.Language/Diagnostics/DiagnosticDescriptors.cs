using System.Collections.Generic;
using System.Linq;

namespace SafeguardGen.Language.Diagnostics;

/// <summary>
/// Every diagnostic the language reports. IDs are stable: never renumber or reuse one.
/// Each has a page in dsl-spec/diagnostics/ with a failing and a fixed example.
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Lexical = "Lexical";
    private const string Syntax = "Syntax";
    private const string Names = "Names";
    private const string Kinds = "Kinds";
    private const string Questions = "Questions";
    private const string Coverage = "Coverage";
    private const string Translation = "Translation";
    private const string Handlers = "Handlers";
    private const string Scenarios = "Scenarios";
    private const string Documentation = "Documentation";
    private const string Sources = "Sources";
    private const string Comparisons = "Comparisons";
    private const string Internal = "Internal";

    public static readonly DiagnosticDescriptor UnexpectedCharacter = Error("SG0001", "Unexpected character", "Unexpected character {0}; remove it or put it inside a string", Lexical);
    public static readonly DiagnosticDescriptor UnterminatedString = Error("SG0002", "Unterminated string", "String is not closed before the {0}; add the closing {1}", Lexical);
    public static readonly DiagnosticDescriptor InvalidEscape = Error("SG0003", "Invalid escape sequence", "Invalid escape sequence '{0}'; use \\\", \\\\, \\n, \\r, \\t or \\u{{hex}}", Lexical);
    public static readonly DiagnosticDescriptor UnterminatedComment = Error("SG0004", "Unterminated block comment", "Block comment is not closed; add '*/'", Lexical);
    public static readonly DiagnosticDescriptor BidirectionalControl = Error("SG0005", "Bidirectional control character", "Bidirectional control character U+{0} ({1}) can make text read differently from how it is parsed (Trojan Source, CVE-2021-42574); remove it", Lexical);
    public static readonly DiagnosticDescriptor FileTooLarge = Error("SG0006", "File too large", "File has {0} characters; the limit is {1}. Split it into several files joined with 'import'", Lexical);
    public static readonly DiagnosticDescriptor InvalidLiteral = Error("SG0007", "Invalid literal", "'{0}' is not a valid {1}; write {2}", Lexical);
    public static readonly DiagnosticDescriptor TooManyErrors = Warning("SG0008", "Too many errors", "This file has more than {0} errors; later ones are not reported. Fix these first", Lexical);

    public static readonly DiagnosticDescriptor InvalidUtf8 = Error("SG0009", "Invalid UTF-8", "The bytes here ({0}) are not valid UTF-8; save the file as UTF-8, or retype the character that should be here", Lexical);

    public static readonly DiagnosticDescriptor UnreadableFile = Error("SG0010", "File cannot be read", "'{0}' cannot be read: {1}; make it a readable .treaty file or leave it out of the inputs", Lexical);

    public static readonly DiagnosticDescriptor ExpectedToken = Error("SG0100", "Expected token", "Expected {0} but found {1}", Syntax);
    public static readonly DiagnosticDescriptor ExpectedDeclaration = Error("SG0101", "Expected a declaration", "Expected a declaration (import, instrument, kind, fact, safeguard, measure, profile, checklist, scenario, baseline or comparison) but found {0}", Syntax);
    public static readonly DiagnosticDescriptor UnknownProperty = Error("SG0102", "Unknown property", "'{0}' is not a property of a {1}; {2}", Syntax);
    public static readonly DiagnosticDescriptor NestingTooDeep = Error("SG0103", "Nesting too deep", "Condition is nested more than {0} levels deep; simplify it or split it into facts", Syntax);
    public static readonly DiagnosticDescriptor DuplicateProperty = Error("SG0104", "Duplicate property", "{0} '{1}' already has {2}; remove this one", Syntax);
    public static readonly DiagnosticDescriptor MissingHeader = Error("SG0105", "Missing treaty header", "A .treaty file must begin with a treaty header; add 'treaty <name> {{ title \"...\" }}' at the top", Syntax);
    public static readonly DiagnosticDescriptor MissingProperty = Error("SG0106", "Missing property", "{0} '{1}' has no {2}; add {3}", Syntax);

    public static readonly DiagnosticDescriptor UnresolvedName = Error("SG0200", "Unresolved name", "No {0} named '{1}' is declared in treaty '{2}' or its imports{3}", Names);
    public static readonly DiagnosticDescriptor DuplicateDeclaration = Error("SG0201", "Duplicate declaration", "'{0}' is already declared in {1} (line {2}); rename one of them", Names);
    public static readonly DiagnosticDescriptor DuplicateTreaty = Error("SG0202", "Duplicate treaty", "Treaty '{0}' is also declared in '{1}'; treaty names must be unique across files", Names);
    public static readonly DiagnosticDescriptor UnresolvedImport = Error("SG0203", "Unresolved import", "No input file declares treaty '{0}'{1}; add the file that declares it or correct the name", Names);
    public static readonly DiagnosticDescriptor ImportCycle = Error("SG0204", "Import cycle", "Import cycle: {0}; remove one of these imports", Names);
    public static readonly DiagnosticDescriptor AmbiguousName = Error("SG0205", "Ambiguous name", "'{0}' is declared in both '{1}' and '{2}'; qualify it, e.g. '{1}.{0}'", Names);
    public static readonly DiagnosticDescriptor TreatyNotImported = Error("SG0206", "Treaty not imported", "'{0}' refers to treaty '{1}', which this file does not import; add 'import {1}'", Names);
    public static readonly DiagnosticDescriptor WrongKindOfName = Error("SG0207", "Wrong kind of declaration", "'{0}' is a {1}, but a {2} is expected here", Names);

    public static readonly DiagnosticDescriptor UnknownKind = Error("SG0210", "Unknown safeguard kind", "'{0}' is not a safeguard kind; use a built-in kind ({1}) or declare it with 'kind {0} {{ title \"...\" }}'", Kinds);
    public static readonly DiagnosticDescriptor InvalidKindQualifier = Error("SG0211", "Invalid kind qualifier", "Kind '{0}' {1}", Kinds);
    public static readonly DiagnosticDescriptor KindShadowsBuiltIn = Error("SG0212", "Kind redeclares a built-in kind", "'{0}' is a built-in kind and cannot be declared again; use it as it is or choose another name", Kinds);

    public static readonly DiagnosticDescriptor TypeMismatch = Error("SG0220", "Type mismatch in condition", "{0}", Questions);
    public static readonly DiagnosticDescriptor UnknownOption = Error("SG0221", "Unknown option", "'{0}' is not an option of question '{1}'; its options are {2}", Questions);
    public static readonly DiagnosticDescriptor CriterionDoesNotFit = Error("SG0222", "Criterion does not fit the answer type", "'satisfied-by {0}' does not fit a {1} question; use {2}", Questions);
    public static readonly DiagnosticDescriptor NoCriterion = Error("SG0223", "Safeguard cannot be satisfied", "Safeguard '{0}' has no question with 'satisfied-by', so it can never be satisfied; add 'satisfied-by' to one of its questions", Questions);
    public static readonly DiagnosticDescriptor OptionsDoNotFit = Error("SG0224", "Options do not fit the question", "{0} '{1}' {2}", Questions);
    public static readonly DiagnosticDescriptor AmbiguousPrecedence = Error("SG0225", "Exceptions with the same priority", "Exceptions '{0}' and '{1}' of safeguard '{2}' both have priority {3}; give them distinct priorities so that precedence is clear", Questions);
    public static readonly DiagnosticDescriptor ConditionNotYesNo = Error("SG0226", "Condition is not yes/no", "'{1}' is a {0}, not a yes/no condition; compare it with a value, e.g. '{1} == ...'", Questions);
    public static readonly DiagnosticDescriptor UnknownAnswerType = Error("SG0227", "Unknown answer type", "'{0}' is not {1}; use one of {2}{3}", Questions);

    public static readonly DiagnosticDescriptor MissingProfileRequirement = Error("SG0230", "Measure does not cover its profile", "Measure '{0}' does not cover {1}, required by profile '{2}'; add a safeguard that covers {3} to the measure's safeguards", Coverage);
    public static readonly DiagnosticDescriptor QuestionOutsideChecklist = Error("SG0231", "Condition reads a question the checklist does not ask", "Safeguard '{0}' depends on question '{1}', which checklist '{2}' does not ask; add safeguard '{3}' to measure '{4}' or to the checklist's 'include'", Coverage);
    public static readonly DiagnosticDescriptor RepeatedSafeguard = Warning("SG0232", "Safeguard listed twice", "Safeguard '{0}' is already listed in {1} '{2}'; remove the repetition", Coverage);

    public static readonly DiagnosticDescriptor GeneratedTypeCollision = Error("SG0250", "Generated C# types collide", "Checklist '{0}' generates the C# {1} '{2}', which {3}; rename one of the checklists, or give their treaties different namespaces", Coverage);
    public static readonly DiagnosticDescriptor ReservedNamespace = Error("SG0251", "Reserved namespace", "Checklist '{0}' would be generated in namespace '{1}', which is reserved for SafeguardGen's own types; declare another namespace in the treaty header, e.g. 'namespace MyOrganisation.Checklists'", Coverage);

    public static readonly DiagnosticDescriptor MissingTranslation = Error("SG0240", "Missing translation", "{0} has no {1} in '{2}', a language this file declares; add {3}", Translation);
    public static readonly DiagnosticDescriptor UndeclaredLanguage = Error("SG0241", "Undeclared language", "Language '{0}' is not declared in this file's header; {1}", Translation);
    public static readonly DiagnosticDescriptor InvalidLanguageTag = Error("SG0242", "Invalid language tag", "'{0}' is not a language tag; use a BCP 47 tag such as fr, es, zh, ar or ru", Translation);

    public static readonly DiagnosticDescriptor QuestionNotAsked = Error("SG0260", "Question not asked by the checklist", "Checklist '{0}' does not ask '{1}'{2}", Scenarios);
    public static readonly DiagnosticDescriptor AnswerDoesNotFit = Error("SG0261", "Answer does not fit the question", "{0} does not answer the {1} question '{2}'; write {3}", Scenarios);
    public static readonly DiagnosticDescriptor DuplicateAnswer = Error("SG0262", "Question answered twice", "Question '{0}' is already answered in scenario '{1}' (line {2}); remove one of the answers", Scenarios);
    public static readonly DiagnosticDescriptor SafeguardNotInChecklist = Error("SG0263", "Safeguard not in the checklist", "Checklist '{0}' has no safeguard '{1}'{2}", Scenarios);
    public static readonly DiagnosticDescriptor OutcomeOnlyForGrounds = Error("SG0264", "'holds' is said of a ground for refusal", "Safeguard '{0}' is not a ground for refusal, so '{1}' does not apply to it; expect 'satisfied' or 'not-satisfied'", Scenarios);
    public static readonly DiagnosticDescriptor ScenarioExpectsNothing = Error("SG0265", "Scenario expects nothing", "Scenario '{0}' expects nothing, so it can never fail; add 'expect decision …', 'expect outcome …' or 'expect still-needed …'", Scenarios);
    public static readonly DiagnosticDescriptor AnswersFileUnreadable = Error("SG0266", "Answers file cannot be read", "Answers file '{0}' cannot be read: {1}; give the path of a request file relative to this .treaty file", Scenarios);
    public static readonly DiagnosticDescriptor AnswersFileInvalid = Error("SG0267", "Answers file is not a request", "{0}", Scenarios);
    public static readonly DiagnosticDescriptor AnswersFileOtherChecklist = Error("SG0268", "Answers file is for another checklist", "The answers file is for checklist '{0}', but {1} is for checklist '{2}'; read a request of the same checklist", Scenarios);

    public static readonly DiagnosticDescriptor VerifiedCitationWithoutSource = Error("SG0270", "Verified citation names no source", "Citation '{0}' is marked verified but names no source; say which text the wording was checked against, with 'source \"…\"' in the citation's block or in instrument '{1}'", Sources);
    public static readonly DiagnosticDescriptor InvalidWebAddress = Error("SG0274", "Invalid web address", "'{0}' is not a web address a reader can open; give the official text's address in full, starting with https://", Sources);
    public static readonly DiagnosticDescriptor VerifiedCitationWithoutQuote = Warning("SG0271", "Verified citation quotes nothing", "Citation '{0}' is marked verified but quotes nothing; add 'quote \"…\"' with the wording that was checked, in the citation's block", Sources);
    public static readonly DiagnosticDescriptor HedgedRequirementMadeAbsolute = Warning("SG0272", "Hedged provision required in every case", "Safeguard '{0}' rests on treaty text hedged '{1}', yet it blocks every request; give it a 'when' saying where the provision requires it, make it advisory, or state another basis ('human-rights-law' or 'policy')", Sources);
    public static readonly DiagnosticDescriptor ScopeExpectedWithoutScope = Error("SG0273", "Decision cannot be reached", "Scenario '{0}' expects 'outside-instrument', but measure '{1}' of checklist '{2}' has no 'scope', so every case is within the instrument; add 'scope <condition>' to the measure or expect another decision", Scenarios);

    public static readonly DiagnosticDescriptor MissingJudgement = Error("SG0280", "Comparison leaves a requirement unjudged", "Comparison '{0}' does not judge {1} of baseline '{2}'; add a judgement for {3}, e.g. 'judge {4} equivalent|stronger|weaker|hedged|absent {{ rationale \"…\" }}'", Comparisons);
    public static readonly DiagnosticDescriptor HedgedJudgementWithoutHedge = Error("SG0281", "Hedged judgement records no hedge", "Judgement of '{0}' says 'hedged' but records no hedge; add 'hedge as-appropriate|subject-to-domestic-law|may|within-means \"<the provision's words>\"', or name a counterpart safeguard that records one", Comparisons);
    public static readonly DiagnosticDescriptor JudgementCitesNothing = Warning("SG0282", "Judgement cites nothing of the instrument", "Judgement of '{0}' says '{1}' but cites nothing of '{2}'; add 'cite {2} article …' where the instrument provides it, or a counterpart safeguard that cites it", Comparisons);
    public static readonly DiagnosticDescriptor JudgementContradictsGround = Warning("SG0283", "Judgement contradicts the grounds' strength", "Judgement of '{0}' says '{1}', but the baseline's ground for refusal is {2} and the instrument's is {3}; judge it '{4}'", Comparisons);
    public static readonly DiagnosticDescriptor GroundOnOrdinaryRequirement = Error("SG0284", "'ground' is said of a ground for refusal", "Requirement '{0}' of baseline '{1}' is not a ground for refusal, so 'ground {2}' does not apply to it; remove it, or give the requirement 'ground mandatory' or 'ground optional' in the baseline", Comparisons);

    public static readonly DiagnosticDescriptor TemplateSyntaxError = Error("SG0500", "Template syntax error", "Template '{0}' cannot be parsed: {1}; fix the template", Documentation);
    public static readonly DiagnosticDescriptor TemplateRuntimeError = Error("SG0501", "Template runtime error", "Template '{0}' failed while rendering: {1}; fix the template", Documentation);

    public static readonly DiagnosticDescriptor UnhandledSafeguard = Error("SG1001", "Safeguard has no handler", "Class '{0}' handles checklist '{1}' but has no handler for safeguard '{2}'; add a method '[HandlesSafeguard(\"{3}\")] void {4}(SafeguardResult result)'", Handlers);
    public static readonly DiagnosticDescriptor HandlerNamesNoSafeguard = Error("SG1002", "Handler names no safeguard of the checklist", "'{0}' is not a safeguard of checklist '{1}'{2}", Handlers);
    public static readonly DiagnosticDescriptor UnknownChecklist = Error("SG1003", "Unknown checklist", "No .treaty file of this project declares checklist '{0}'{1}; name it by its qualified name, e.g. 'budapest.extradition-review'", Handlers);
    public static readonly DiagnosticDescriptor HandlerSignature = Error("SG1004", "Handler has the wrong signature", "Handler '{0}' must return void and take one parameter of type SafeguardGen.SafeguardResult", Handlers);
    public static readonly DiagnosticDescriptor HandlerClassShape = Error("SG1005", "Handler class cannot be extended", "Class '{0}' must be a top-level, non-generic partial class so that SafeguardGen can add its Handle method; {1}", Handlers);
    public static readonly DiagnosticDescriptor DuplicateHandler = Error("SG1006", "Safeguard handled twice", "Safeguard '{0}' is already handled by '{1}'; remove one of the handlers", Handlers);

    public static readonly DiagnosticDescriptor InternalError = Error("SG0900", "Internal error", "Internal error while {0}: {1}; the file could not be fully checked. Please report this", Internal);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticDescriptors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, System.StringComparer.Ordinal)
        .ToArray();

    private static DiagnosticDescriptor Error(string id, string title, string format, string category) => new(id, title, format, DiagnosticSeverity.Error, category);

    private static DiagnosticDescriptor Warning(string id, string title, string format, string category) => new(id, title, format, DiagnosticSeverity.Warning, category);
}
