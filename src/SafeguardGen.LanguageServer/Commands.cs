using System;
using System.Globalization;
using System.IO;
using System.Linq;
using SafeguardGen.Docs;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Services;
using SafeguardGen.Scenarios;

namespace SafeguardGen.LanguageServer;

/// <summary>What the code lenses run: the scenarios of a checklist (or one scenario), and the docs page of a checklist.</summary>
internal static class Commands
{
    /// <summary>Runs the scenarios of a checklist, or one scenario, as 'safeguard test' would; the message says what passed and why any failed.</summary>
    public static string RunScenarios(EditorWorkspace workspace, string what, string name)
    {
        var errors = workspace.Files.Sum(f => f.Diagnostics.Count(d => d.IsError));
        if (errors > 0)
        {
            return "No scenarios run: fix the " + Count(errors, "error") + " in the workspace first.";
        }

        var model = workspace.Model;
        var rules = ModelRules.Build(model);
        var scenarios = ModelScenarios.From(model).Where(s => what == "checklist" ? s.Checklist == name : s.Id == name).ToList();
        if (scenarios.Count == 0)
        {
            return what == "checklist"
                ? "Checklist '" + name + "' has no scenarios; declare one with 'scenario <name> { checklist " + name.Substring(name.IndexOf('.') + 1) + " … expect decision … }'."
                : "No scenario '" + name + "' in the workspace.";
        }

        var report = ScenarioRunner.Run(scenarios, id => rules.TryGetValue(id, out var found) ? found : null);
        var subject = what == "checklist" ? " of checklist '" + name + "'" : " '" + name + "'";
        if (report.FailedCount == 0)
        {
            return "All " + Count(report.PassedCount, "scenario") + subject + " pass.";
        }

        return report.FailedCount.ToString(CultureInfo.InvariantCulture) + " of " + Count(report.Results.Count, "scenario") + subject + " failed:\n" + report;
    }

    /// <summary>Renders the HTML docs and gives the checklist's page in its treaty's language; a message instead when it cannot.</summary>
    public static string? OpenDocs(EditorWorkspace workspace, string checklist, string folder, out string? page)
    {
        page = null;
        var model = workspace.Model;
        var treaty = model.FindTreaty(checklist.Substring(0, Math.Max(0, checklist.IndexOf('.'))));
        if (treaty is null || !treaty.Checklists.Any(c => c.Name.ToString() == checklist))
        {
            return "Checklist '" + checklist + "' has no page: it does not bind (see its diagnostics).";
        }

        var rendered = DocsRenderer.Render(model, DocsFormat.Html, null, new[] { treaty.Language });
        if (rendered.Diagnostics.Any(d => d.IsError))
        {
            return "The docs could not be rendered: " + rendered.Diagnostics.First(d => d.IsError).Message;
        }

        var (_, _, error) = DocsWriter.Write(folder, rendered.Files);
        if (error is not null)
        {
            return "The docs could not be written to " + folder + ": " + error + ".";
        }

        var file = rendered.Files.FirstOrDefault(f => f.Path.Replace('\\', '/') == treaty.Language + "/" + checklist + ".html")
            ?? rendered.Files.FirstOrDefault(f => f.Path.Replace('\\', '/').EndsWith("/" + checklist + ".html", StringComparison.Ordinal));
        if (file is null)
        {
            return "The docs have no page for checklist '" + checklist + "'.";
        }

        page = Path.GetFullPath(Path.Combine(folder, file.Path));
        return null;
    }

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
