using System;
using System.Collections.Generic;
using System.Text;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Emit;

/// <summary>C# names from .treaty names: <c>dual-criminality</c> becomes <c>DualCriminality</c>.</summary>
public static class CSharpNames
{
    /// <summary>C#'s reserved words, which a namespace part must escape with '@'. Pascal-cased names never meet them.</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while", "__arglist", "__makeref", "__reftype", "__refvalue",
    };

    /// <summary>The generated file's hint name for a checklist ID: <see cref="HintStem"/> and <c>.g.cs</c>.</summary>
    public static string HintName(string checklistId) => HintStem(checklistId) + ".g.cs";

    /// <summary>
    /// A name made safe to be part of a hint name and unique ignoring case (<see cref="FileNames.CaseSafe"/>):
    /// Roslyn compares hint names without case, and a clash makes the whole generator fail (CS8785). Its output
    /// has no capital, so a stem never meets a fixed name with capitals such as <c>SafeguardChecklists.g.cs</c>
    /// or the suffix <c>.Handlers.g.cs</c>.
    /// </summary>
    public static string HintStem(string name) => FileNames.CaseSafe(name);

    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c == '-' || c == '_' || c == '.')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>
    /// A namespace from the header's, else <c>&lt;defaultNamespace&gt;.&lt;Treaty&gt;</c> (by default
    /// <c>SafeguardGen.Treaties.&lt;Treaty&gt;</c>); each part made a valid identifier.
    /// </summary>
    public static string Namespace(string? declared, string treaty, string? defaultNamespace = null)
    {
        if (string.IsNullOrEmpty(declared))
        {
            declared = (string.IsNullOrEmpty(defaultNamespace) ? "SafeguardGen.Treaties" : defaultNamespace!.Trim('.')) + "." + Pascal(treaty);
        }

        var parts = declared!.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].IndexOf('-') >= 0 ? Pascal(parts[i]) : Keywords.Contains(parts[i]) ? "@" + parts[i] : parts[i];
        }

        return string.Join(".", parts);
    }
}

/// <summary>Hands out member names unique within one C# type, in a deterministic order.</summary>
internal sealed class NameTable
{
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    public NameTable(params string[] reserved)
    {
        foreach (var name in reserved)
        {
            used.Add(name);
        }
    }

    /// <summary>The preferred name, else the name with the given qualifier in front, else with a number after.</summary>
    public string Claim(string preferred, string qualifier)
    {
        if (used.Add(preferred))
        {
            return preferred;
        }

        var qualified = qualifier + preferred;
        if (used.Add(qualified))
        {
            return qualified;
        }

        for (var i = 2; ; i++)
        {
            var numbered = qualified + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (used.Add(numbered))
            {
                return numbered;
            }
        }
    }
}
