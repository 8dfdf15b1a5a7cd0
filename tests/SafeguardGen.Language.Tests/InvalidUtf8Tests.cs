using System;
using System.Linq;
using System.Text;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Tests;

/// <summary>The shared UTF-8 decoder: every invalid sequence becomes one U+FFFD whose place is reported as SG0009.</summary>
public sealed class InvalidUtf8Tests
{
    private const string Treaty = """
        treaty demo {
          title "Demo"
          reference "ETS 185"
        }

        safeguard legal-basis : legality {
          title "Procès"
          cite demo article 15
          question provided-by-law : yes-no {
            ask "Is the power provided for by law?"
            satisfied-by yes
          }
        }
        """;

    [Fact]
    public void A_byte_that_is_not_utf8_gives_SG0009_at_its_position()
    {
        var bytes = Encoding.Latin1.GetBytes(Treaty);

        var result = TreatyCompiler.Compile([new SourceText("example.treaty", Utf8Text.Decode(bytes))]);

        Assert.Equal(
            ["example.treaty(7,14): error SG0009: The bytes here (0xE8) are not valid UTF-8; save the file as UTF-8, or retype the character that should be here"],
            Support.Lines(result.Diagnostics));
    }

    [Fact]
    public void The_same_text_saved_as_utf8_with_or_without_a_bom_gives_no_diagnostic()
    {
        var bytes = Encoding.UTF8.GetBytes(Treaty);

        Assert.Empty(TreatyCompiler.Compile([new SourceText("example.treaty", Utf8Text.Decode(bytes))]).Diagnostics);
        Assert.Empty(TreatyCompiler.Compile([new SourceText("example.treaty", Utf8Text.Decode([0xEF, 0xBB, 0xBF, .. bytes]))]).Diagnostics);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xC0, 0xAF, 0x62 }, "a\uFFFD\uFFFDb", "0xC0|0xAF")]                  // overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "\uFFFD\uFFFD\uFFFD", "0xED|0xA0|0x80")]               // a surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, "\uFFFD\uFFFD\uFFFD\uFFFD", "0xF4|0x90|0x80|0x80")] // above U+10FFFF
    [InlineData(new byte[] { 0xE2, 0x82, 0x41 }, "\uFFFDA", "0xE2 0x82")]                                 // truncated '€': one maximal subpart
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, "\U0001F600", "")]                                // valid, outside the BMP
    public void Invalid_sequences_are_replaced_as_the_unicode_standard_and_dotnet_replace_them(byte[] bytes, string text, string invalid)
    {
        var decoded = Utf8Text.Decode(bytes);

        Assert.Equal(text, decoded.Text);
        Assert.Equal(Encoding.UTF8.GetString(bytes), decoded.Text);
        Assert.Equal(invalid, string.Join("|", decoded.Invalid.Select(i => i.Bytes)));
        Assert.All(decoded.Invalid, i => Assert.Equal('\uFFFD', decoded.Text[i.Offset]));
    }

    [Fact]
    public void Decoding_stops_one_character_past_the_limit()
    {
        var decoded = Utf8Text.Decode(Encoding.UTF8.GetBytes(new string('a', 100)), 100, maxChars: 10);

        Assert.True(decoded.Truncated);
        Assert.Equal(11, decoded.Text.Length);
    }
}
