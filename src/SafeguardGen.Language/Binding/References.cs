using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Binding;

/// <summary>What sort of thing a name stands for.</summary>
public enum SymbolSort
{
    Treaty,
    Instrument,
    Kind,
    Fact,
    Safeguard,
    Question,
    Option,
    Measure,
    Profile,
    Checklist,
    Scenario,
    Baseline,
    Requirement,
    Comparison,
}

/// <summary>
/// A declared thing, by sort and full name: <c>budapest.supervision</c>, a safeguard's question
/// <c>budapest.supervision.supervisor</c>, its option <c>budapest.supervision.supervisor.judge</c>, a fact's option
/// <c>common.data-obtained.traffic-data</c>. A built-in kind has no treaty: <c>legality</c>.
/// </summary>
public sealed record SymbolKey(SymbolSort Sort, string Name)
{
    public override string ToString() => Sort + " " + Name;

    /// <summary>The sort of a top-level declaration by its keyword, or null for a keyword that declares none.</summary>
    public static SymbolSort? SortOf(string keyword) => keyword switch
    {
        "instrument" => SymbolSort.Instrument,
        "kind" => SymbolSort.Kind,
        "fact" => SymbolSort.Fact,
        "safeguard" => SymbolSort.Safeguard,
        "measure" => SymbolSort.Measure,
        "profile" => SymbolSort.Profile,
        "checklist" => SymbolSort.Checklist,
        "scenario" => SymbolSort.Scenario,
        "baseline" => SymbolSort.Baseline,
        "comparison" => SymbolSort.Comparison,
        _ => null,
    };
}

/// <summary>
/// A name written in a file and what the binder resolved it to. <see cref="Span"/> covers the one identifier that
/// names the symbol: in <c>common.echr</c>, <c>echr</c> refers to the instrument and <c>common</c> to the treaty.
/// </summary>
public sealed record NameReference(string Path, TextSpan Span, SymbolKey Symbol);
