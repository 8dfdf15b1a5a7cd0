using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using SafeguardGen.Language.Formatting;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Tests;

public sealed class FormatterTests
{
    /// <summary>Every example treaty, and every .treaty example on a diagnostic page, as groups compiled together.</summary>
    public static TheoryData<string> Groups()
    {
        var data = new TheoryData<string> { "examples" };
        foreach (var page in Directory.GetFiles(Path.Combine(Support.RepositoryRoot, "dsl-spec", "diagnostics"), "SG*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(page) + " failing");
            data.Add(Path.GetFileNameWithoutExtension(page) + " fixed");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Formatting_changes_neither_the_model_nor_the_diagnostics_and_a_second_pass_changes_nothing(string group)
    {
        var files = FilesOf(group);
        var formatted = new List<(string Path, string Text)>();
        foreach (var (path, text) in files)
        {
            var once = TreatyFormatter.Format(path, text);
            if (!once.Formatted)
            {
                // A file with syntax errors is left as it is, and says why.
                Assert.NotEmpty(once.Errors);
                formatted.Add((path, text));
                continue;
            }

            var twice = TreatyFormatter.Format(path, once.Text!);
            Assert.Equal(once.Text, twice.Text);
            formatted.Add((path, once.Text!));
        }

        var before = Support.Compile(files.ToArray());
        var after = Support.Compile(formatted.ToArray());
        Assert.Equal(ModelText.Of(before.Model), ModelText.Of(after.Model));
        Assert.Equal(before.Diagnostics.Select(d => d.Id + " " + d.Message), after.Diagnostics.Select(d => d.Id + " " + d.Message));
    }

    [Fact]
    public void Every_example_is_in_the_canonical_layout()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(Support.RepositoryRoot, "examples"), "*.treaty", SearchOption.AllDirectories).Where(p => !p.Replace('\\', '/').Contains("/bin/", StringComparison.Ordinal) && !p.Replace('\\', '/').Contains("/obj/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(path);
            var result = TreatyFormatter.Format(path, text);
            Assert.True(result.Text == text.Replace("\r\n", "\n"), path + " is not in the canonical layout: run 'safeguard format examples'.");
        }
    }

    [Fact]
    public void Indentation_spacing_and_blank_lines_become_canonical()
    {
        const string messy = "treaty  demo{title \"Demo\"\n        reference \"ETS 185\"}\nsafeguard legal-basis:legality {\n\n\n title \"Legal basis\"\n\tcite demo article 15 ( 1 )( b )\n\n\n\n question q : yes-no { ask \"Provided by law?\" satisfied-by yes }\n\n\n   when common . x in(a , b)and not y\n}   \n\n\n";
        const string expected = """
            treaty demo {
              title "Demo"
              reference "ETS 185"
            }

            safeguard legal-basis : legality {
              title "Legal basis"
              cite demo article 15(1)(b)

              question q : yes-no {
                ask "Provided by law?"
                satisfied-by yes
              }

              when common.x in (a, b) and not y
            }

            """;

        var result = TreatyFormatter.Format("demo.treaty", messy);

        Assert.Equal(expected.Replace("\r\n", "\n"), result.Text);
    }

    [Fact]
    public void Comments_and_raw_strings_are_kept_exactly_as_written()
    {
        const string source = """"
            // The header.
            /* A block
               comment. */
            treaty demo { // after the brace
              title "Demo" /* inline */ reference "ETS 185"
                 // before the brace
            }
            safeguard s : legality {
              guidance   """
                Line one,
                  indented line two.
                """
              title "S"
            }
            // The end.
            """";
        const string expected = """"
            // The header.
            /* A block
               comment. */
            treaty demo { // after the brace
              title "Demo" /* inline */
              reference "ETS 185"
              // before the brace
            }

            safeguard s : legality {
              guidance """
                Line one,
                  indented line two.
                """
              title "S"
            }

            // The end.

            """";

        var result = TreatyFormatter.Format("demo.treaty", source);

        Assert.Equal(expected.Replace("\r\n", "\n"), result.Text);
    }

    [Fact]
    public void A_condition_broken_across_lines_and_translated_option_labels_are_indented_as_continuations()
    {
        const string source = "treaty t {\n}\nfact f : choice {\noption a \"A\"\n@fr \"A fr\"\n}\nsafeguard s : legality {\nwhen f == a or\nf == a\n}\n";
        const string expected = "treaty t {\n}\n\nfact f : choice {\n  option a \"A\"\n      @fr \"A fr\"\n}\n\nsafeguard s : legality {\n  when f == a or\n      f == a\n}\n";

        Assert.Equal(expected, TreatyFormatter.Format("demo.treaty", source).Text);
    }

    [Fact]
    public void A_file_with_a_syntax_error_is_not_formatted_and_the_error_says_why()
    {
        var result = TreatyFormatter.Format("demo.treaty", "treaty demo {\n  title \"Demo\n}\n");

        Assert.False(result.Formatted);
        Assert.Contains(result.Errors, d => d.IsError);
    }

    [Fact]
    public void Windows_line_endings_give_the_same_layout_as_unix_ones()
    {
        var unix = "treaty demo {\n  title \"Demo\"\n\n\n  reference \"ETS 185\"\n}\n";

        Assert.Equal(TreatyFormatter.Format("demo.treaty", unix).Text, TreatyFormatter.Format("demo.treaty", unix.Replace("\n", "\r\n")).Text);
    }

    private static List<(string Path, string Text)> FilesOf(string group)
    {
        if (group == "examples")
        {
            return Support.ExampleFiles().ToList();
        }

        var id = group.Split(' ')[0];
        var page = DiagnosticPageTests.Page.Read(Path.Combine(Support.RepositoryRoot, "dsl-spec", "diagnostics", id + ".md"));
        return (group.EndsWith("fixed", StringComparison.Ordinal) ? page.FixedFiles : page.FailingFiles)
            .Where(f => f.Path.EndsWith(".treaty", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>The bound model as text, without where each part was written: what formatting must not change.</summary>
    private static class ModelText
    {
        public static string Of(object model)
        {
            var builder = new StringBuilder();
            Write(builder, model, 0);
            return builder.ToString();
        }

        private static void Write(StringBuilder builder, object? value, int depth)
        {
            Assert.True(depth < 64, "The model is deeper than any model should be.");
            switch (value)
            {
                case null:
                    builder.Append("null");
                    return;
                case string text:
                    builder.Append('"').Append(text).Append('"');
                    return;
                case SourceLocation or TextSpan:
                    builder.Append('@');
                    return;
                case IEnumerable items:
                    builder.Append('[');
                    foreach (var item in items)
                    {
                        Write(builder, item, depth + 1);
                        builder.Append(',');
                    }

                    builder.Append(']');
                    return;
            }

            var type = value.GetType();
            if (type.IsPrimitive || type.IsEnum || value is decimal)
            {
                builder.Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
            }

            builder.Append(type.Name).Append('{');
            // Stored properties only: a computed one repeats what they hold, and some are valid only for one kind of value.
            var stored = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && type.GetField("<" + p.Name + ">k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance) is not null)
                .OrderBy(p => p.Name, StringComparer.Ordinal);
            foreach (var property in stored)
            {
                builder.Append(property.Name).Append('=');
                Write(builder, property.GetValue(value), depth + 1);
                builder.Append(';');
            }

            builder.Append('}');
        }
    }
}
