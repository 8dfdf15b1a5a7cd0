using System.Linq;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Tests;

public sealed class CompilerTests
{
    /// <summary>A declaration that claims to be an instrument but is not one: a tree the parser never builds.</summary>
    private sealed record MalformedInstrument(IdentifierSyntax Name, TextSpan Span) : DeclarationSyntax("instrument", Name, Span, false);

    [Fact]
    public void An_internal_failure_while_binding_becomes_SG0900_at_the_start_of_the_first_file()
    {
        var parsed = TreatyCompiler.Parse("example.treaty", Support.Header + Support.LegalBasis.Replace("cite demo", "cite odd", System.StringComparison.Ordinal));
        var malformed = parsed with
        {
            Syntax = parsed.Syntax with
            {
                Declarations = parsed.Syntax.Declarations.Append(new MalformedInstrument(new IdentifierSyntax("odd", default), default)).ToEquatableArray(),
            },
        };

        var result = TreatyCompiler.Bind([malformed]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SG0900", diagnostic.Id);
        Assert.StartsWith("example.treaty(1,1): error SG0900: Internal error while binding: InvalidCastException:", diagnostic.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Binding_no_files_gives_an_empty_model_and_no_diagnostic()
    {
        var result = TreatyCompiler.Bind([]);

        Assert.Empty(result.Model.Treaties);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void An_empty_file_is_reported_as_missing_its_header_at_line_one()
    {
        var diagnostic = Assert.Single(Support.Compile(string.Empty).Diagnostics);

        Assert.Equal("example.treaty(1,1): error SG0105: A .treaty file must begin with a treaty header; add 'treaty <name> { title \"...\" }' at the top", diagnostic.ToString());
    }

    [Fact]
    public void Parse_results_of_equal_text_are_equal_values_so_a_generator_can_cache_them()
    {
        var a = TreatyCompiler.Parse("a.treaty", Support.Header + Support.LegalBasis);
        var b = TreatyCompiler.Parse("a.treaty", Support.Header + Support.LegalBasis);
        var c = TreatyCompiler.Parse("a.treaty", Support.Header + Support.LegalBasis.Replace("Legal basis", "Legal basis.", System.StringComparison.Ordinal));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }
}
