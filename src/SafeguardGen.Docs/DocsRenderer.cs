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

/// <summary>
/// How to render. <paramref name="Generated"/> is the date printed on every page (yyyy-MM-dd; the CLI takes it from
/// --date, SOURCE_DATE_EPOCH or today); when null, pages carry no date, so output depends on the model alone.
/// <paramref name="Wiki"/> names Markdown pages for a wiki: one flat folder (en--uncc.md), links without
/// extensions, Home.md and _Sidebar.md.
/// </summary>
public sealed record DocsOptions(string? Generated = null, bool Wiki = false);

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

    public static readonly string[] TemplateNames = ["languages", "index", "treaty", "checklist", "form", "comparison", "sidebar"];

    /// <param name="model">The bound model.</param>
    /// <param name="format">Markdown or HTML.</param>
    /// <param name="templatesFolder">Templates overriding the defaults, or null.</param>
    /// <param name="onlyLanguages">Render only these of the declared languages, or all when null or empty.</param>
    /// <param name="options">The date on the pages and the Markdown style, or null for none and folders.</param>
    public static DocsResult Render(TreatyModel model, DocsFormat format, string? templatesFolder = null, IReadOnlyCollection<string>? onlyLanguages = null, DocsOptions? options = null) =>
        Render(model, format, templatesFolder, onlyLanguages, standalone: null, options ?? new DocsOptions());

    /// <summary>
    /// Renders one comparison's gap report as a page that stands alone (the site's style, no links to other pages),
    /// in <paramref name="language"/>: what <c>safeguard compare</c> writes as md or html.
    /// </summary>
    public static DocsResult RenderComparison(TreatyModel model, QualifiedName comparison, DocsFormat format, string language, string? templatesFolder = null) =>
        RenderComparisons(model, [(comparison, language)], format, templatesFolder);

    /// <summary>Renders several comparisons' standalone reports, each in its language, one file each in the order given, over one index of the model.</summary>
    public static DocsResult RenderComparisons(TreatyModel model, IReadOnlyList<(QualifiedName Comparison, string Language)> comparisons, DocsFormat format, string? templatesFolder = null) =>
        Render(model, format, templatesFolder, comparisons.Select(c => c.Language).ToList(), comparisons, new DocsOptions());

    private static DocsResult Render(TreatyModel model, DocsFormat format, string? templatesFolder, IReadOnlyCollection<string>? onlyLanguages, IReadOnlyList<(QualifiedName Comparison, string Language)>? standalone, DocsOptions options)
    {
        var escape = Escaper.For(format);
        var wiki = options.Wiki && format == DocsFormat.Markdown;
        var index = new SiteIndex(model, escape.Extension, wiki);

        // A page visits a safeguard a few times (by kind, as a ground for refusal, in a checklist's summary and its
        // cards, in the index of kinds, each citation twice), so the model's share is counted eight times.
        var loopLimit = (int)Math.Min(int.MaxValue, LoopLimit + (8 * index.Size));

        // Likewise a string a template builds may be as long as the longest author text, escaped (at most six
        // characters for one, as '&quot;'), and then some.
        var stringLimit = (int)Math.Min(int.MaxValue, StringLimit + (8L * index.LongestText));

        // A page holds at most every author text of the model a few times over (a safeguard by kind, as a ground,
        // in a checklist; an include's output counted once inside it and once where it lands), escaped. Reaching
        // the limit is an error (SG0501), never a page silently cut short. Each item also brings the page's own
        // words (labels, legends, a sentence per answer type), up to a couple of thousand characters in any language.
        var outputLimit = (int)Math.Min(int.MaxValue, StringLimit + (64L * index.TotalText) + (2048L * index.Size));
        var templates = new TemplateSet(format, templatesFolder);
        var files = new List<RenderedFile>();
        var diagnostics = new List<Diagnostic>();
        var languages = OfferedLanguages(model).ToList();
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

        // A language's own words as templates read them, escaped once per language, not once per page; the
        // values are read-only, so no template can change what a later page sees.
        var pageWords = new Dictionary<Labels, (ScriptObject Labels, string PageNumbers, bool Translated)>();
        (ScriptObject Labels, string PageNumbers, bool Translated) PageWords(ViewBuilder builder)
        {
            if (!pageWords.TryGetValue(builder.Labels, out var words))
            {
                pageWords[builder.Labels] = words = (LabelObject(builder), PageNumbers(builder.Labels), builder.Labels.IsTranslated);
            }

            return words;
        }

        var generated = options.Generated ?? string.Empty;
        if (standalone is not null)
        {
            var reports = index.Reports.ToDictionary(r => r.Comparison.Name);
            foreach (var (name, language) in standalone)
            {
                if (reports.TryGetValue(name, out var report))
                {
                    var builder = new ViewBuilder(index, language, escape);
                    var site = Site(builder, language, [], [], [], generated);
                    var header = format == DocsFormat.Html ? PrintHeader(builder.Labels, [report.Comparison.Title.Get(language)], generated) : string.Empty;
                    Emit("comparison", name + "." + escape.Extension, Page(PageWords(builder), site, [], header, ("comparison", builder.Comparison(report, standalone: true))));
                }
            }

            return new DocsResult(files, diagnostics.Distinct().ToList());
        }

        // The same page in every language: what each page's language links point to.
        List<LanguageLinkView> Alternates(string current, string page) =>
            languages.Select(l => new LanguageLinkView(l, current.Length == 0 ? index.RootHref(l, page) : index.CrossHref(l, page), l == current) { Name = escape.Text(Labels.NameOf(l)) }).ToList();

        var english = new ViewBuilder(index, "en", escape);
        var root = Site(english, string.Empty, Alternates(string.Empty, index.IndexPage), TreatyViews("en"), [], generated) with { Index = wiki ? "Home" : index.RootFile };
        Emit("languages", index.RootFile, Page(PageWords(english), root, root.Languages, string.Empty));

        foreach (var language in languages)
        {
            var treaties = TreatyViews(language);
            var builder = new ViewBuilder(index, language, escape);
            var site = Site(builder, language, Alternates(language, index.IndexPage), treaties, index.Reports.Select(r => builder.Comparison(r)).ToList(), generated) with
            {
                Kinds = builder.KindIndex(model.Treaties),
                Index = index.Href(language, index.IndexPage),
            };
            site = site with { Untranslated = treaties.Any(t => t.Untranslated) || site.Comparisons.Any(c => c.Untranslated) };
            var labels = builder.Labels;
            Emit("index", index.File(language, index.IndexPage), Page(PageWords(builder), site, site.Languages, string.Empty));
            foreach (var (comparison, report) in site.Comparisons.Zip(index.Reports))
            {
                var page = index.ComparisonPage(report.Comparison.Name);
                var header = format == DocsFormat.Html ? PrintHeader(labels, [report.Comparison.Title.Get(language)], generated) : string.Empty;
                Emit("comparison", index.File(language, page), Page(PageWords(builder), site, Alternates(language, page), header, ("comparison", comparison)));
            }

            foreach (var (treaty, view) in model.Treaties.Zip(treaties))
            {
                var page = index.TreatyPage(treaty.Name);
                var header = format == DocsFormat.Html ? PrintHeader(labels, [treaty.Title.Get(language), treaty.Version ?? string.Empty], generated) : string.Empty;
                Emit("treaty", index.File(language, page), Page(PageWords(builder), site, Alternates(language, page), header, ("treaty", view)));
                foreach (var (checklist, checklistView) in treaty.Checklists.Zip(view.Checklists))
                {
                    var checklistPage = index.ChecklistPage(checklist.Name);
                    var checklistHeader = format == DocsFormat.Html ? PrintHeader(labels, [treaty.Title.Get(language), treaty.Version ?? string.Empty, checklist.Title.Get(language)], generated) : string.Empty;
                    Emit("checklist", index.File(language, checklistPage), Page(PageWords(builder), site, Alternates(language, checklistPage), checklistHeader, ("treaty", view), ("checklist", checklistView)));
                    var formPage = index.FormPage(checklist.Name);
                    Emit("form", index.File(language, formPage), Page(PageWords(builder), site, Alternates(language, formPage), checklistHeader, ("treaty", view), ("checklist", checklistView)));
                }
            }

            if (diagnostics.Count > 0)
            {
                break;
            }
        }

        if (wiki && diagnostics.Count == 0)
        {
            var sidebar = new List<SiteView>();
            foreach (var language in languages)
            {
                var builder = new ViewBuilder(index, language, escape);
                sidebar.Add(Site(builder, language, [], TreatyViews(language), [], generated) with { Index = index.Href(language, index.IndexPage) });
            }

            Emit("sidebar", "_Sidebar." + escape.Extension, new Dictionary<string, object> { ["site"] = root, ["sites"] = sidebar, ["labels"] = PageWords(english).Labels, ["alternates"] = root.Languages, ["running_header"] = string.Empty, ["page_numbers"] = string.Empty });
        }

        return new DocsResult(files, diagnostics.Distinct().ToList());
    }

    /// <summary>
    /// The languages a site is offered in: every language a treaty declares and the six official languages of the
    /// United Nations, whose label tables ship with SafeguardGen (a text with no translation is shown marked as
    /// such). English first, then by tag.
    /// </summary>
    public static IReadOnlyList<string> OfferedLanguages(TreatyModel model) =>
        model.Treaties.SelectMany(t => t.Languages).Concat(Labels.Languages).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(l => l == "en" ? string.Empty : l, StringComparer.Ordinal).ToList();

    private static SiteView Site(ViewBuilder builder, string language, IReadOnlyList<LanguageLinkView> links, IReadOnlyList<TreatyView> treaties, IReadOnlyList<ComparisonView> comparisons, string generated) =>
        new(language, links, treaties, Generator, comparisons)
        {
            LanguageName = language.Length == 0 ? string.Empty : Labels.NameOf(language),
            Direction = builder.Labels.RightToLeft ? "rtl" : "ltr",
            Generated = generated,
        };

    /// <summary>The values a page's template sees: the site, the page's views, its labels, its language links and its printed running header.</summary>
    private static Dictionary<string, object> Page((ScriptObject Labels, string PageNumbers, bool Translated) words, SiteView site, IReadOnlyList<LanguageLinkView> alternates, string header, params (string Name, object View)[] views)
    {
        var values = new Dictionary<string, object>
        {
            ["site"] = site,
            ["labels"] = words.Labels,
            ["alternates"] = alternates,
            ["running_header"] = header,
            ["page_numbers"] = words.PageNumbers,
            ["labels_translated"] = words.Translated,
        };
        foreach (var (name, view) in views)
        {
            values[name] = view;
        }

        return values;
    }

    /// <summary>The page's own words, escaped for the format, as the template's <c>labels</c> object.</summary>
    private static ScriptObject LabelObject(ViewBuilder builder)
    {
        var labels = new ScriptObject();
        foreach (var key in builder.Labels.Words.Keys)
        {
            labels.SetValue(key, builder.L(key), true);
        }

        return labels;
    }

    /// <summary>
    /// The printed running header as a CSS string (for an @page margin box): the parts joined by " · ", then the
    /// date of generation. Every character but letters, digits and spaces is written as a CSS escape, so no text
    /// can end the string or the style sheet.
    /// </summary>
    private static string PrintHeader(Labels labels, IEnumerable<string> parts, string generated)
    {
        var text = string.Join(" · ", parts.Select(p => Invisibles.Clean(p).Replace('\n', ' ')).Where(p => p.Length > 0));
        if (generated.Length > 0)
        {
            text += " · " + labels.Format("generated_on", generated);
        }

        return CssString(text);
    }

    /// <summary>The page numbers for an @page margin box: the label "Page {0} of {1}" with the counters put in.</summary>
    private static string PageNumbers(Labels labels)
    {
        var template = labels["page_numbers"];
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i + 2 < template.Length; i++)
        {
            if (template[i] == '{' && template[i + 2] == '}' && template[i + 1] is '0' or '1')
            {
                parts.Add(CssString(template.Substring(start, i - start)));
                parts.Add(template[i + 1] == '0' ? "counter(page)" : "counter(pages)");
                start = i + 3;
                i += 2;
            }
        }

        parts.Add(CssString(template.Substring(start)));
        return string.Join(" ", parts);
    }

    internal static string CssString(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ' ')
            {
                builder.Append(c);
            }
            else
            {
                var code = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? char.ConvertToUtf32(c, text[++i]) : c;
                builder.Append('\\').Append(code.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            }
        }

        return builder.Append('"').ToString();
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
