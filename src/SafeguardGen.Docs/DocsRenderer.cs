using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Docs;

/// <summary>A rendered page: its path relative to the output folder, with '/' separators, and its text.</summary>
public sealed record RenderedFile(string Path, string Content);

public sealed record DocsResult(IReadOnlyList<RenderedFile> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Renders the bound model through Scriban templates: per language, an index, a page per treaty and a page
/// per checklist, plus a root index of the languages. Templates run sandboxed: they can include only other
/// templates of the same set, loops and recursion are bounded, and nothing else reaches files or the network.
/// </summary>
public static class DocsRenderer
{
    /// <summary>
    /// Loop iterations a page may take beyond what the model itself holds: enough for any loop of a template's
    /// own (a range, a retry), while a runaway loop still stops. The model's share is never the author's fault.
    /// </summary>
    public const int LoopLimit = 100_000;
    public const int RecursionLimit = 64;

    /// <summary>The length a string built by a template may reach beyond the longest author text.</summary>
    public const int StringLimit = 100_000;

    public static readonly string[] TemplateNames = ["languages", "index", "treaty", "checklist", "comparison"];

    /// <param name="model">The bound model.</param>
    /// <param name="format">Markdown or HTML.</param>
    /// <param name="templatesFolder">Templates overriding the defaults, or null.</param>
    /// <param name="onlyLanguages">Render only these of the declared languages, or all when null or empty.</param>
    public static DocsResult Render(TreatyModel model, DocsFormat format, string? templatesFolder = null, IReadOnlyCollection<string>? onlyLanguages = null) =>
        Render(model, format, templatesFolder, onlyLanguages, standalone: null);

    /// <summary>
    /// Renders one comparison's gap report as a page that stands alone (the site's style, no links to other pages),
    /// in <paramref name="language"/>: what <c>safeguard compare</c> writes as md or html.
    /// </summary>
    public static DocsResult RenderComparison(TreatyModel model, QualifiedName comparison, DocsFormat format, string language, string? templatesFolder = null) =>
        RenderComparisons(model, [(comparison, language)], format, templatesFolder);

    /// <summary>Renders several comparisons' standalone reports, each in its language, one file each in the order given, over one index of the model.</summary>
    public static DocsResult RenderComparisons(TreatyModel model, IReadOnlyList<(QualifiedName Comparison, string Language)> comparisons, DocsFormat format, string? templatesFolder = null) =>
        Render(model, format, templatesFolder, comparisons.Select(c => c.Language).ToList(), comparisons);

    private static DocsResult Render(TreatyModel model, DocsFormat format, string? templatesFolder, IReadOnlyCollection<string>? onlyLanguages, IReadOnlyList<(QualifiedName Comparison, string Language)>? standalone)
    {
        var escape = Escaper.For(format);
        var index = new SiteIndex(model, escape.Extension);

        // A page visits a safeguard a few times (by kind, as a ground for refusal, in a checklist), so the model's share is counted four times.
        var loopLimit = (int)Math.Min(int.MaxValue, LoopLimit + (4 * index.Size));

        // Likewise a string a template builds may be as long as the longest author text, escaped (at most six
        // characters for one, as '&quot;'), and then some.
        var stringLimit = (int)Math.Min(int.MaxValue, StringLimit + (8L * index.LongestText));

        // A page holds at most every author text of the model a few times over (a safeguard by kind, as a ground,
        // in a checklist; an include's output counted once inside it and once where it lands), escaped. Reaching
        // the limit is an error (SG0501), never a page silently cut short.
        var outputLimit = (int)Math.Min(int.MaxValue, StringLimit + (64L * index.TotalText));
        var templates = new TemplateSet(format, templatesFolder);
        var files = new List<RenderedFile>();
        var diagnostics = new List<Diagnostic>();
        var languages = model.Treaties.SelectMany(t => t.Languages).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(l => l == "en" ? string.Empty : l, StringComparer.Ordinal).ToList();
        if (onlyLanguages is { Count: > 0 })
        {
            languages = languages.Where(l => onlyLanguages.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList();
        }

        if (languages.Count == 0)
        {
            languages.Add(model.Treaties.Select(t => t.Language).FirstOrDefault() ?? "en");
        }

        var parsed = new Dictionary<string, Template?>(StringComparer.Ordinal);
        Template? Parse(string name)
        {
            if (!parsed.TryGetValue(name, out var template))
            {
                var (path, text) = templates.Read(name);
                template = Template.Parse(text, path);
                if (template.HasErrors)
                {
                    // The parser's first error is the mistake; the ones after it follow from it.
                    var message = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
                    diagnostics.Add(Located(DiagnosticDescriptors.TemplateSyntaxError, message.Span, path, message.Message));
                    template = null;
                }

                parsed[name] = template;
            }

            return template;
        }

        void Emit(string name, string output, IReadOnlyDictionary<string, object> values)
        {
            var template = Parse(name);
            if (template is null)
            {
                return;
            }

            var globals = new ScriptObject();
            globals.SetValue("standalone", standalone is not null, true);
            foreach (var pair in values)
            {
                globals.SetValue(pair.Key, pair.Value, true);
            }

            var context = new TemplateContext
            {
                LoopLimit = loopLimit,
                RecursiveLimit = RecursionLimit,
                StrictVariables = true,
                EnableRelaxedMemberAccess = false,
                TemplateLoader = templates,
                MemberRenamer = StandardMemberRenamer.Default,
                LimitToString = stringLimit,
                OnStringLimit = ScriptLimitBehavior.Throw,
                OutputLimit = outputLimit,
                OnOutputLimit = ScriptLimitBehavior.Throw,
            };
            context.PushGlobal(globals);
            try
            {
                files.Add(new RenderedFile(output, Normalize(template.Render(context))));
            }
            catch (Exception exception) when (exception is ScriptRuntimeException or InvalidOperationException or ArgumentException or FormatException)
            {
                var (path, _) = templates.Read(name);
                if (exception is ScriptRuntimeException runtime)
                {
                    diagnostics.Add(Located(DiagnosticDescriptors.TemplateRuntimeError, runtime.Span, string.IsNullOrEmpty(runtime.Span.FileName) ? path : runtime.Span.FileName, runtime.OriginalMessage));
                }
                else
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.TemplateRuntimeError, new SourceLocation(path, default, new LinePosition(1, 1), new LinePosition(1, 1)), path, exception.Message));
                }
            }
        }

        // The views of a language, built once: the root index shows the English ones, and so does the English folder.
        var views = new Dictionary<string, List<TreatyView>>(StringComparer.OrdinalIgnoreCase);
        List<TreatyView> TreatyViews(string language)
        {
            if (!views.TryGetValue(language, out var built))
            {
                var builder = new ViewBuilder(index, language, escape);
                views[language] = built = model.Treaties.Select(builder.Treaty).ToList();
            }

            return built;
        }

        if (standalone is not null)
        {
            var reports = index.Reports.ToDictionary(r => r.Comparison.Name);
            foreach (var (name, language) in standalone)
            {
                if (reports.TryGetValue(name, out var report))
                {
                    var builder = new ViewBuilder(index, language, escape);
                    var site = new SiteView(language, [], [], Generator);
                    Emit("comparison", name + "." + escape.Extension, new Dictionary<string, object> { ["site"] = site, ["comparison"] = builder.Comparison(report, standalone: true) });
                }
            }

            return new DocsResult(files, diagnostics.Distinct().ToList());
        }

        var languageLinks = languages.Select(l => new LanguageLinkView(l, l + "/index." + escape.Extension, false)).ToList();
        Emit("languages", "index." + escape.Extension, new Dictionary<string, object>
        {
            ["site"] = new SiteView(string.Empty, languageLinks, TreatyViews("en"), Generator),
        });

        foreach (var language in languages)
        {
            var treaties = TreatyViews(language);
            var links = languages.Select(l => new LanguageLinkView(l, "../" + l + "/index." + escape.Extension, l == language)).ToList();
            var comparisonBuilder = new ViewBuilder(index, language, escape);
            var site = new SiteView(language, links, treaties, Generator, index.Reports.Select(r => comparisonBuilder.Comparison(r)).ToList());
            Emit("index", language + "/index." + escape.Extension, new Dictionary<string, object> { ["site"] = site });
            foreach (var comparison in site.Comparisons)
            {
                Emit("comparison", language + "/" + comparison.Page, new Dictionary<string, object> { ["site"] = site, ["comparison"] = comparison });
            }

            foreach (var treaty in treaties)
            {
                Emit("treaty", language + "/" + treaty.Page, new Dictionary<string, object> { ["site"] = site, ["treaty"] = treaty });
                foreach (var checklist in treaty.Checklists)
                {
                    Emit("checklist", language + "/" + checklist.Page, new Dictionary<string, object> { ["site"] = site, ["treaty"] = treaty, ["checklist"] = checklist });
                }
            }

            if (diagnostics.Count > 0)
            {
                break;
            }
        }

        return new DocsResult(files, diagnostics.Distinct().ToList());
    }

    private static string Generator => "SafeguardGen " + (typeof(DocsRenderer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>LF line endings and no run of blank lines, whatever the template's own line endings.</summary>
    private static string Normalize(string text) => Regex.Replace(text.Replace("\r\n", "\n").Replace('\r', '\n'), "\n{3,}", "\n\n").TrimEnd('\n') + "\n";

    private static Diagnostic Located(DiagnosticDescriptor descriptor, SourceSpan span, string path, string message)
    {
        var start = new LinePosition(span.Start.Line + 1, span.Start.Column + 1);
        var end = new LinePosition(span.End.Line + 1, span.End.Column + 1);
        return Diagnostic.Create(descriptor, new SourceLocation(SourceText.NormalizePath(path), default, start, end), SourceText.NormalizePath(path), message);
    }

    /// <summary>The templates of one format: the project's own, where it has them, else the defaults shipped in this assembly.</summary>
    private sealed class TemplateSet : ITemplateLoader
    {
        private static readonly Regex SafeName = new("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant);
        private readonly string prefix;
        private readonly string? folder;

        public TemplateSet(DocsFormat format, string? folder)
        {
            prefix = format == DocsFormat.Html ? "html" : "md";
            this.folder = folder is null ? null : System.IO.Path.GetFullPath(folder);
        }

        public (string Path, string Text) Read(string name)
        {
            if (folder is not null)
            {
                var custom = System.IO.Path.Combine(folder, name + ".scriban");
                if (File.Exists(custom))
                {
                    return (custom, File.ReadAllText(custom));
                }
            }

            var resource = "SafeguardGen.Docs.Templates." + prefix + "." + name + ".scriban";
            using var stream = typeof(DocsRenderer).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException("There is no template '" + name + "' for this format; templates are named " + string.Join(", ", TemplateNames) + ", and partials start with '_'");
            using var reader = new StreamReader(stream);
            return ("(default)/" + prefix + "/" + name + ".scriban", reader.ReadToEnd());
        }

        // include "name" may name only another template of the set: no paths, so no file outside it can be read.
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            if (!SafeName.IsMatch(templateName))
            {
                throw new ScriptRuntimeException(callerSpan, "include takes the name of a template of the set, such as \"_style\", not a path: '" + templateName + "'");
            }

            return templateName;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
        {
            try
            {
                return Read(templatePath).Text;
            }
            catch (InvalidOperationException exception)
            {
                throw new ScriptRuntimeException(callerSpan, exception.Message);
            }
        }

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
    }
}
