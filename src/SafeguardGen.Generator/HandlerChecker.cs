using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SafeguardGen.Language.Emit;
using SafeguardGen.Language.Syntax;
using D = SafeguardGen.Language.Diagnostics.DiagnosticDescriptors;

namespace SafeguardGen.Generator;

/// <summary>
/// The second half of "a missing safeguard is a compile-time error": a class that handles a checklist must
/// handle every one of its safeguards, and each handler must name one of them.
/// </summary>
internal static class HandlerChecker
{
    public static void Run(SourceProductionContext output, HandlerClass handler, SafeguardGen.Language.Text.EquatableArray<ChecklistSignature> checklists, string? helpLinkBase)
    {
        var checklist = checklists.FirstOrDefault(c => c.Id == handler.Checklist);
        if (checklist is null)
        {
            var suggestion = checklists.Select(c => c.Id).FirstOrDefault(id => id.EndsWith("." + handler.Checklist, System.StringComparison.Ordinal))
                ?? Suggestions.Closest(handler.Checklist, checklists.Select(c => c.Id));
            output.ReportDiagnostic(TreatyGenerator.Create(D.UnknownChecklist, helpLinkBase, handler.ChecklistArgument ?? handler.NameLocation, handler.Checklist, suggestion is null ? string.Empty : " (did you mean '" + suggestion + "'?)"));
            return;
        }

        if (handler.ShapeProblem is not null)
        {
            output.ReportDiagnostic(TreatyGenerator.Create(D.HandlerClassShape, helpLinkBase, handler.NameLocation, handler.DisplayName, handler.ShapeProblem));
            return;
        }

        var handled = new Dictionary<string, HandlerMethod>(System.StringComparer.Ordinal);
        var misnamed = false;
        foreach (var method in handler.Methods)
        {
            var safeguard = Resolve(checklist, method.Safeguard);
            if (safeguard is null)
            {
                var candidates = checklist.Safeguards.Select(Simple).Concat(checklist.Safeguards);
                var suggestion = Suggestions.Closest(method.Safeguard, candidates);
                output.ReportDiagnostic(TreatyGenerator.Create(D.HandlerNamesNoSafeguard, helpLinkBase, method.Argument ?? method.NameLocation, method.Safeguard, checklist.Id, suggestion is null ? "; its safeguards are " + string.Join(", ", checklist.Safeguards) : "; did you mean '" + suggestion + "'?"));
                misnamed = true;
                continue;
            }

            if (handled.TryGetValue(safeguard, out var first))
            {
                output.ReportDiagnostic(TreatyGenerator.Create(D.DuplicateHandler, helpLinkBase, method.Argument ?? method.NameLocation, safeguard, first.Name));
                continue;
            }

            handled.Add(safeguard, method);
            if (!method.SignatureIsValid)
            {
                output.ReportDiagnostic(TreatyGenerator.Create(D.HandlerSignature, helpLinkBase, method.NameLocation, method.Name));
            }
        }

        // A misnamed handler was meant for one of the unhandled safeguards: one mistake, one diagnostic.
        foreach (var safeguard in checklist.Safeguards.Where(s => !handled.ContainsKey(s) && !misnamed))
        {
            var simple = Simple(safeguard);
            var name = checklist.Safeguards.Count(s => Simple(s) == simple) > 1 ? safeguard : simple;
            output.ReportDiagnostic(TreatyGenerator.Create(D.UnhandledSafeguard, helpLinkBase, handler.NameLocation, handler.DisplayName, checklist.Id, safeguard, name, CSharpNames.Pascal(simple)));
        }

        // Handle is emitted even while some handlers are in error, calling those that are right, so that the
        // build reports the handler mistakes and not also every call to Handle.
        output.AddSource(HintName(handler), Microsoft.CodeAnalysis.Text.SourceText.From(Emit(handler, checklist, handled), System.Text.Encoding.UTF8));
    }

    private static string Simple(string qualified) => qualified.Substring(qualified.IndexOf('.') + 1);

    /// <summary>A handler may name a safeguard by its qualified name, or by its simple name when that is unique in the checklist.</summary>
    private static string? Resolve(ChecklistSignature checklist, string name)
    {
        if (checklist.Safeguards.Contains(name))
        {
            return name;
        }

        var matches = checklist.Safeguards.Where(s => Simple(s) == name).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>Unique ignoring case (C# names are not), and never equal to a checklist's hint name, which has no capital.</summary>
    private static string HintName(HandlerClass handler) => Language.Emit.CSharpNames.HintStem((handler.Namespace is null ? string.Empty : handler.Namespace + ".") + handler.Name) + ".Handlers.g.cs";

    private static string Emit(HandlerClass handler, ChecklistSignature checklist, Dictionary<string, HandlerMethod> handled)
    {
        var w = new System.Text.StringBuilder();
        var modifier = handler.IsStatic ? "static " : string.Empty;
        w.Append("// <auto-generated/>\n#nullable enable\n\n");
        var indent = string.Empty;
        if (handler.Namespace is not null)
        {
            w.Append("namespace ").Append(handler.Namespace).Append("\n{\n");
            indent = "    ";
        }

        w.Append(indent).Append(modifier).Append("partial class ").Append(handler.Name).Append('\n').Append(indent).Append("{\n");
        w.Append(indent).Append("    /// <summary>Calls this class's handler of every safeguard of checklist '").Append(CSharpLiterals.Xml(checklist.Id)).Append("' with that safeguard's result.</summary>\n");
        w.Append(indent).Append("    [global::System.CodeDom.Compiler.GeneratedCode(\"SafeguardGen\", \"").Append(CSharpEmitter.Version).Append("\")]\n");
        w.Append(indent).Append("    public ").Append(modifier).Append("void Handle(global::SafeguardGen.AssessmentResult result)\n");
        w.Append(indent).Append("    {\n");
        w.Append(indent).Append("        global::System.ArgumentNullException.ThrowIfNull(result);\n");
        w.Append(indent).Append("        if (!string.Equals(result.Checklist, ").Append(CSharpLiterals.Str(checklist.Id)).Append(", global::System.StringComparison.Ordinal))\n");
        w.Append(indent).Append("        {\n");
        w.Append(indent).Append("            throw new global::System.ArgumentException(\"Expected a result of checklist '").Append(checklist.Id).Append("', not '\" + result.Checklist + \"'.\", nameof(result));\n");
        w.Append(indent).Append("        }\n\n");
        w.Append(indent).Append("        foreach (var safeguard in result.Safeguards)\n");
        w.Append(indent).Append("        {\n");
        w.Append(indent).Append("            switch (safeguard.Safeguard.Id)\n");
        w.Append(indent).Append("            {\n");
        foreach (var id in checklist.Safeguards.Where(id => handled.TryGetValue(id, out var method) && method.SignatureIsValid))
        {
            w.Append(indent).Append("                case ").Append(CSharpLiterals.Str(id)).Append(":\n");
            w.Append(indent).Append("                    ").Append(handled[id].Name).Append("(safeguard);\n");
            w.Append(indent).Append("                    break;\n");
        }

        w.Append(indent).Append("            }\n");
        w.Append(indent).Append("        }\n");
        w.Append(indent).Append("    }\n");
        w.Append(indent).Append("}\n");
        if (handler.Namespace is not null)
        {
            w.Append("}\n");
        }

        return w.ToString();
    }
}
