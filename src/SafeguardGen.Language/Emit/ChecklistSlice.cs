using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Emit;

/// <summary>
/// Everything needed to emit one checklist, and nothing more: an equatable value, so the generator re-emits a
/// checklist only when something it depends on changes.
/// </summary>
public sealed record ChecklistSlice(
    Checklist Checklist,
    string TreatyName,
    string? DeclaredNamespace,
    EquatableArray<string> Languages,
    EquatableArray<Safeguard> Safeguards,
    EquatableArray<Question> Facts,
    string? DefaultNamespace = null,
    Condition? Scope = null,
    string Instrument = "")
{
    /// <summary>The header's namespace, else <c>&lt;DefaultNamespace&gt;.&lt;Treaty&gt;</c>.</summary>
    public string Namespace => CSharpNames.Namespace(DeclaredNamespace, TreatyName, DefaultNamespace);

    public string Id => Checklist.Name.ToString();

    /// <summary>The generated file's name, unique ignoring case (see <see cref="CSharpNames.HintName"/>).</summary>
    public string HintName => CSharpNames.HintName(Id);

    public string ChecklistClass => ClassStem + "Checklist";

    public string AnswersClass => ClassStem + "Answers";

    public string FullChecklistClass => "global::" + Namespace + "." + ChecklistClass;

    /// <summary>Where each of the checklist's answers lives in its answers JSON.</summary>
    public AnswerPaths CreatePaths() => new(Checklist.Name, Safeguards.Select(s => s.Name), Facts.Select(f => f.Owner));

    private string ClassStem
    {
        get
        {
            var stem = CSharpNames.Pascal(Checklist.Name.Name);
            return stem.EndsWith("Checklist", System.StringComparison.Ordinal) ? stem.Substring(0, stem.Length - "Checklist".Length) : stem;
        }
    }

    /// <param name="model">The bound model.</param>
    /// <param name="defaultNamespace">Where treaties that declare no namespace go: <c>&lt;defaultNamespace&gt;.&lt;Treaty&gt;</c>.</param>
    public static IEnumerable<ChecklistSlice> From(TreatyModel model, string? defaultNamespace = null)
    {
        var index = model.CreateIndex();
        foreach (var treaty in model.Treaties)
        {
            foreach (var slice in Of(treaty, index))
            {
                yield return slice with { DefaultNamespace = defaultNamespace };
            }
        }
    }

    /// <summary>The checklists of one treaty, their safeguards and facts looked up in <paramref name="index"/> (which must hold its imports).</summary>
    public static IEnumerable<ChecklistSlice> Of(Treaty treaty, ModelIndex index)
    {
        foreach (var checklist in treaty.Checklists)
        {
            var safeguards = checklist.Safeguards.Select(index.FindSafeguard).Where(s => s is not null).Select(s => s!);
            var facts = checklist.Facts.Select(index.FindFact).Where(f => f is not null).Select(f => f!);
            var measure = index.FindMeasure(checklist.Measure);
            var instrument = index.FindTreaty(checklist.Measure.Treaty)?.Reference ?? checklist.Measure.Treaty;
            yield return new ChecklistSlice(checklist, treaty.Name, treaty.Namespace, treaty.Languages, safeguards.ToEquatableArray(), facts.ToEquatableArray(), Scope: measure?.Scope, Instrument: instrument);
        }
    }
}

/// <summary>What a C# handler of a checklist needs to know: its ID, class and safeguard IDs (qualified and simple).</summary>
public sealed record ChecklistSignature(string Id, string FullChecklistClass, EquatableArray<string> Safeguards)
{
    public static ChecklistSignature From(ChecklistSlice slice) =>
        new(slice.Id, slice.FullChecklistClass, slice.Safeguards.Select(g => g.Name.ToString()).ToEquatableArray());
}
