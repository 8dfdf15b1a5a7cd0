using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Formatting;
using SafeguardGen.Language.Services;
using SafeguardGen.Language.Text;
using StreamJsonRpc;
using Lang = SafeguardGen.Language;

namespace SafeguardGen.LanguageServer;

/// <summary>How the host runs the server: where a diagnostic's page is, and where to render docs for "open docs page".</summary>
public sealed record ServerOptions(Func<string, string?>? HelpUri = null, string? DocsFolder = null);

/// <summary>
/// The Language Server Protocol for .treaty files, over the language library's editor services. Every request and
/// notification runs in the order received, one at a time (the host sets a non-concurrent synchronization context),
/// so the workspace needs no lock. Nothing here throws to the client for bad input: a failure is an error response
/// with a message, and the server keeps running.
/// </summary>
public sealed class TreatyLanguageServer
{
    public const string RunScenariosCommand = "safeguard.runScenarios";
    public const string OpenDocsCommand = "safeguard.openDocs";

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", "node_modules", ".git", ".vs", ".vscode" };

    private static readonly string[] TriggerCharacters = { ".", ":", ",", " ", "(" };
    private static readonly string[] QuickFix = { "quickfix" };

    private readonly ServerOptions options;
    private readonly TaskCompletionSource<bool> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, string> openUris = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> versions = new(StringComparer.Ordinal);
    private EditorWorkspace workspace;
    private string? root;
    private JsonRpc? rpc;

    public TreatyLanguageServer(ServerOptions? options = null)
    {
        this.options = options ?? new ServerOptions();
        workspace = new EditorWorkspace(ReadAnswersFile);
    }

    /// <summary>Whether 'shutdown' came before 'exit': the exit code the protocol asks for.</summary>
    public bool ShutdownRequested { get; private set; }

    public EditorWorkspace Workspace => workspace;

    internal void Attach(JsonRpc jsonRpc) => rpc = jsonRpc;

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams parameters)
    {
        var rootUri = (parameters.WorkspaceFolders is { Count: > 0 } folders ? folders[0].Uri : null) ?? parameters.RootUri;
        root = rootUri is not null && Uri.TryCreate(rootUri, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : parameters.RootPath;
        workspace = new EditorWorkspace(ReadAnswersFile);
        return new InitializeResult(
            new ServerCapabilities(
                new TextDocumentSyncOptions(true, 1),
                HoverProvider: true,
                DefinitionProvider: true,
                ReferencesProvider: true,
                new CompletionOptions(TriggerCharacters),
                new RenameOptions(true),
                DocumentSymbolProvider: true,
                WorkspaceSymbolProvider: true,
                new CodeActionOptions(QuickFix),
                new CodeLensOptions(false),
                DocumentFormattingProvider: true,
                new ExecuteCommandOptions(new[] { RunScenariosCommand, OpenDocsCommand })),
            new ServerInfo("safeguard", typeof(TreatyLanguageServer).Assembly.GetName().Version?.ToString() ?? "0"));
    }

    /// <summary>Reads the .treaty files of the workspace folder that are not open, and reports their diagnostics.</summary>
    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    public Task InitializedAsync(object? parameters)
    {
        if (root is not null && Directory.Exists(root))
        {
            foreach (var file in TreatyFilesUnder(root))
            {
                var path = PathOf(file);
                if (!openUris.ContainsKey(path) && ReadText(file) is { } text)
                {
                    workspace.SetText(path, text);
                }
            }
        }

        return RefreshAsync();
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        ShutdownRequested = true;
        return null;
    }

    /// <summary>Completes when the client says 'exit'.</summary>
    public Task Exited => exited.Task;

    /// <summary>
    /// Ends the server. The host stops waiting at once: closing the connection from inside its own handler would
    /// wait for itself, and a read of the process's stdin cannot be cancelled.
    /// </summary>
    [JsonRpcMethod("exit")]
    public void Exit() => exited.TrySetResult(true);

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public Task DidOpenAsync(DidOpenTextDocumentParams parameters)
    {
        var path = PathOfUri(parameters.TextDocument.Uri);
        openUris[path] = parameters.TextDocument.Uri;
        versions[path] = parameters.TextDocument.Version;
        workspace.SetText(path, parameters.TextDocument.Text);
        return RefreshAsync(path);
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public Task DidChangeAsync(DidChangeTextDocumentParams parameters)
    {
        var path = PathOfUri(parameters.TextDocument.Uri);

        // Full synchronisation: the last change holds the whole text.
        var change = parameters.ContentChanges.LastOrDefault(c => c.Range is null);
        if (change is null)
        {
            return Task.CompletedTask;
        }

        if (parameters.TextDocument.Version is { } version)
        {
            versions[path] = version;
        }

        workspace.SetText(path, change.Text);
        return RefreshAsync(path);
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public Task DidCloseAsync(DidCloseTextDocumentParams parameters)
    {
        var path = PathOfUri(parameters.TextDocument.Uri);
        openUris.Remove(path);
        versions.Remove(path);

        // The file on disk counts again; a file that was never saved leaves the workspace.
        var local = LocalPath(parameters.TextDocument.Uri);
        if (local is not null && File.Exists(local) && ReadText(local) is { } text)
        {
            workspace.SetText(path, text);
        }
        else
        {
            workspace.Remove(path);
        }

        return RefreshAsync();
    }

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public Task DidChangeWatchedFilesAsync(DidChangeWatchedFilesParams parameters)
    {
        foreach (var change in parameters.Changes)
        {
            var local = LocalPath(change.Uri);
            if (local is null)
            {
                continue;
            }

            var path = PathOf(local);
            if (!local.EndsWith(".treaty", StringComparison.OrdinalIgnoreCase))
            {
                // A request file a scenario reads.
                workspace.ForgetAnswersFile(path);
                continue;
            }

            if (openUris.ContainsKey(path))
            {
                continue;
            }

            if (change.Type == 3 || ReadText(local) is not { } text)
            {
                workspace.Remove(path);
            }
            else
            {
                workspace.SetText(path, text);
            }
        }

        return RefreshAsync();
    }

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Hover? Hover(TextDocumentPositionParams parameters)
    {
        var (file, offset) = At(parameters.TextDocument, parameters.Position);
        var hover = file is null ? null : Hovers.At(workspace, file, offset);
        return hover is null ? null : new Hover(new MarkupContent("markdown", hover.Markdown), RangeOf(file!, hover.Span));
    }

    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public Location[] Definition(TextDocumentPositionParams parameters)
    {
        var (file, offset) = At(parameters.TextDocument, parameters.Position);
        var declaration = file is null ? null : Navigation.Definition(workspace, file, offset);
        return declaration is null || workspace[declaration.Path] is not { } target
            ? Array.Empty<Location>()
            : new[] { new Location(UriOf(declaration.Path), RangeOf(target, declaration.NameSpan)) };
    }

    [JsonRpcMethod("textDocument/references", UseSingleObjectParameterDeserialization = true)]
    public Location[] References(ReferenceParams parameters)
    {
        var (file, offset) = At(parameters.TextDocument, parameters.Position);
        if (file is null)
        {
            return Array.Empty<Location>();
        }

        return Navigation.References(workspace, file, offset, parameters.Context?.IncludeDeclaration ?? true)
            .Where(r => workspace[r.Path] is not null)
            .Select(r => new Location(UriOf(r.Path), RangeOf(workspace[r.Path]!, r.Span)))
            .ToArray();
    }

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public CompletionList Completion(TextDocumentPositionParams parameters)
    {
        var (file, offset) = At(parameters.TextDocument, parameters.Position);
        if (file is null)
        {
            return new CompletionList(false, Array.Empty<CompletionItem>());
        }

        var list = Completions.At(workspace, file, offset);
        var range = RangeOf(file, list.Replace);
        var items = list.Items.Select((item, i) => new CompletionItem(
            item.Label,
            item.Sort == Lang.Services.CompletionSort.Keyword ? 14 : item.Symbol is { } sort ? CompletionKind(sort) : 12,
            item.Detail,
            new TextEdit(range, item.Label),
            i.ToString("D4", CultureInfo.InvariantCulture)));
        return new CompletionList(false, items.ToArray());
    }

    [JsonRpcMethod("textDocument/prepareRename", UseSingleObjectParameterDeserialization = true)]
    public Range? PrepareRename(TextDocumentPositionParams parameters)
    {
        var (file, offset) = At(parameters.TextDocument, parameters.Position);
        return file is not null && Navigation.SymbolAt(file, offset) is { } symbol && workspace.Declaration(symbol.Key) is not null
            ? RangeOf(file, symbol.Span)
            : null;
    }

    [JsonRpcMethod("textDocument/rename", UseSingleObjectParameterDeserialization = true)]
    public WorkspaceEdit Rename(RenameParams parameters)
    {
        var (file, offset) = At(parameters.TextDocument, parameters.Position);
        if (file is null)
        {
            throw new LocalRpcException("The document is not open.") { ErrorCode = -32803 };
        }

        var result = Navigation.Rename(workspace, file, offset, parameters.NewName);
        if (result.Refusal is not null)
        {
            // RequestFailed: the client shows the message and changes nothing.
            throw new LocalRpcException(result.Refusal) { ErrorCode = -32803 };
        }

        return Edits(result.Edits);
    }

    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public DocumentSymbol[] DocumentSymbols(DocumentSymbolParams parameters)
    {
        var file = workspace[PathOfUri(parameters.TextDocument.Uri)];
        return file is null ? Array.Empty<DocumentSymbol>() : file.Outline.Select(s => Symbol(file, s)).ToArray();
    }

    [JsonRpcMethod("workspace/symbol", UseSingleObjectParameterDeserialization = true)]
    public SymbolInformation[] WorkspaceSymbols(WorkspaceSymbolParams parameters) => workspace.Files
        .SelectMany(f => f.Declared.Select(d => (File: f, Symbol: d)))
        .Where(x => x.Symbol.Name.Contains(parameters.Query, StringComparison.OrdinalIgnoreCase) || (x.Symbol.Title?.Contains(parameters.Query, StringComparison.OrdinalIgnoreCase) ?? false))
        .Take(500)
        .Select(x => new SymbolInformation(x.Symbol.Name, SymbolKind(x.Symbol.Key.Sort), new Location(UriOf(x.File.Path), RangeOf(x.File, x.Symbol.NameSpan)), x.Symbol.Key.Name))
        .ToArray();

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public CodeAction[] CodeActions(CodeActionParams parameters)
    {
        var file = workspace[PathOfUri(parameters.TextDocument.Uri)];
        if (file is null)
        {
            return Array.Empty<CodeAction>();
        }

        var range = TextSpan.FromBounds(OffsetOf(file, parameters.Range.Start), Math.Max(OffsetOf(file, parameters.Range.Start), OffsetOf(file, parameters.Range.End)));
        return Lang.Services.CodeActions.For(file, range)
            .Select(a => new CodeAction(a.Title, "quickfix", new[] { ToProtocol(file, a.Diagnostic) }, Edits(a.Edits), true))
            .ToArray();
    }

    [JsonRpcMethod("textDocument/codeLens", UseSingleObjectParameterDeserialization = true)]
    public CodeLens[] CodeLenses(CodeLensParams parameters)
    {
        var file = workspace[PathOfUri(parameters.TextDocument.Uri)];
        if (file is null)
        {
            return Array.Empty<CodeLens>();
        }

        var lenses = new List<CodeLens>();
        foreach (var symbol in file.Outline.Where(s => s.Key.Sort is SymbolSort.Checklist or SymbolSort.Scenario))
        {
            var range = RangeOf(file, symbol.NameSpan);
            lenses.Add(new CodeLens(range, new Command("Run scenarios", RunScenariosCommand, new object[] { symbol.Key.Sort == SymbolSort.Checklist ? "checklist" : "scenario", symbol.Key.Name })));
            if (symbol.Key.Sort == SymbolSort.Checklist)
            {
                lenses.Add(new CodeLens(range, new Command("Open docs page", OpenDocsCommand, new object[] { symbol.Key.Name })));
            }
        }

        return lenses.ToArray();
    }

    [JsonRpcMethod("textDocument/formatting", UseSingleObjectParameterDeserialization = true)]
    public TextEdit[] Formatting(DocumentFormattingParams parameters)
    {
        var file = workspace[PathOfUri(parameters.TextDocument.Uri)];
        if (file is null)
        {
            return Array.Empty<TextEdit>();
        }

        var result = TreatyFormatter.Format(file.Path, file.Text);
        if (!result.Formatted || result.Text == file.Text)
        {
            // A file with syntax errors is left as it is: its diagnostics already say why.
            return Array.Empty<TextEdit>();
        }

        return new[] { new TextEdit(RangeOf(file, new TextSpan(0, file.Text.Length)), result.Text!) };
    }

    [JsonRpcMethod("workspace/executeCommand", UseSingleObjectParameterDeserialization = true)]
    public async Task<string> ExecuteCommandAsync(ExecuteCommandParams parameters)
    {
        var arguments = parameters.Arguments?.Select(a => a.ValueKind == System.Text.Json.JsonValueKind.String ? a.GetString() ?? string.Empty : a.ToString()).ToList() ?? new List<string>();
        var message = parameters.Command switch
        {
            RunScenariosCommand when arguments.Count == 2 => Commands.RunScenarios(workspace, arguments[0], arguments[1]),
            OpenDocsCommand when arguments.Count == 1 => Commands.OpenDocs(workspace, arguments[0], options.DocsFolder ?? Path.Combine(Path.GetTempPath(), "safeguard-docs"), out var page) is { } problem ? problem : await ShowDocumentAsync(page!).ConfigureAwait(false),
            _ => throw new LocalRpcException("Unknown command '" + parameters.Command + "' or wrong arguments.") { ErrorCode = -32602 },
        };
        if (rpc is not null && parameters.Command == RunScenariosCommand)
        {
            await rpc.NotifyWithParameterObjectAsync("window/showMessage", new ShowMessageParams(message.StartsWith("All ", StringComparison.Ordinal) ? 3 : 2, message)).ConfigureAwait(false);
        }

        return message;
    }

    private async Task<string> ShowDocumentAsync(string page)
    {
        var uri = new Uri(page).AbsoluteUri;
        if (rpc is not null)
        {
            await rpc.InvokeWithParameterObjectAsync<object?>("window/showDocument", new ShowDocumentParams(uri, true)).ConfigureAwait(false);
        }

        return uri;
    }

    /// <summary>Re-binds what changed and publishes the diagnostics of every file whose diagnostics changed.</summary>
    /// <param name="edited">A document just opened or edited: its diagnostics are published even when unchanged, with its new version.</param>
    private async Task RefreshAsync(string? edited = null)
    {
        var changed = workspace.Refresh();
        if (edited is not null && !changed.Contains(edited, StringComparer.Ordinal) && workspace[edited] is not null)
        {
            changed = changed.Append(edited).ToList();
        }

        if (rpc is null)
        {
            return;
        }

        foreach (var path in changed)
        {
            var file = workspace[path];
            var diagnostics = file is null ? Array.Empty<Diagnostic>() : file.Diagnostics.Where(d => d.Location.Path == path).Select(d => ToProtocol(file, d)).ToArray();
            await rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(UriOf(path), versions.TryGetValue(path, out var v) ? v : null, diagnostics)).ConfigureAwait(false);
        }
    }

    private Diagnostic ToProtocol(FileAnalysis file, Lang.Diagnostics.Diagnostic diagnostic)
    {
        var help = options.HelpUri?.Invoke(diagnostic.Id);
        var severity = diagnostic.Severity switch
        {
            Lang.Diagnostics.DiagnosticSeverity.Error => 1,
            Lang.Diagnostics.DiagnosticSeverity.Warning => 2,
            _ => 3,
        };
        return new Diagnostic(RangeOf(file, diagnostic.Location.Span), severity, diagnostic.Id, help is null ? null : new DiagnosticRelatedCode(help), "safeguard", diagnostic.Message);
    }

    private WorkspaceEdit Edits(IEnumerable<Lang.Services.TextEdit> edits) => new(edits
        .Where(e => workspace[e.Path] is not null)
        .GroupBy(e => e.Path, StringComparer.Ordinal)
        .ToDictionary(g => UriOf(g.Key), g => (IReadOnlyList<TextEdit>)g.Select(e => new TextEdit(RangeOf(workspace[e.Path]!, e.Span), e.NewText)).ToList(), StringComparer.Ordinal));

    private static DocumentSymbol Symbol(FileAnalysis file, DeclaredSymbol symbol) => new(
        symbol.Name,
        symbol.Title,
        SymbolKind(symbol.Key.Sort),
        RangeOf(file, symbol.Span),
        RangeOf(file, symbol.NameSpan),
        symbol.Children.IsEmpty ? null : symbol.Children.Select(c => Symbol(file, c)).ToArray());

    private static int SymbolKind(SymbolSort sort) => sort switch
    {
        SymbolSort.Treaty => 3,
        SymbolSort.Instrument => 4,
        SymbolSort.Kind => 10,
        SymbolSort.Fact => 13,
        SymbolSort.Safeguard => 5,
        SymbolSort.Question => 7,
        SymbolSort.Option => 22,
        SymbolSort.Measure => 12,
        SymbolSort.Profile => 11,
        SymbolSort.Checklist => 2,
        SymbolSort.Scenario => 24,
        SymbolSort.Baseline => 23,
        SymbolSort.Requirement => 8,
        _ => 19,
    };

    private static int CompletionKind(SymbolSort sort) => sort switch
    {
        SymbolSort.Treaty => 9,
        SymbolSort.Kind => 13,
        SymbolSort.Fact => 6,
        SymbolSort.Safeguard => 7,
        SymbolSort.Question => 10,
        SymbolSort.Option => 20,
        SymbolSort.Profile => 8,
        SymbolSort.Instrument => 17,
        _ => 18,
    };

    private (FileAnalysis? File, int Offset) At(TextDocumentIdentifier document, Position position)
    {
        var file = workspace[PathOfUri(document.Uri)];
        return file is null ? (null, 0) : (file, OffsetOf(file, position));
    }

    private static int OffsetOf(FileAnalysis file, Position position)
    {
        var starts = file.Parsed.Lines.LineStarts;
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= starts.Count)
        {
            return file.Text.Length;
        }

        var lineEnd = position.Line + 1 < starts.Count ? starts[position.Line + 1] : file.Text.Length;
        return Math.Min(starts[position.Line] + Math.Max(0, position.Character), lineEnd);
    }

    private static Range RangeOf(FileAnalysis file, TextSpan span)
    {
        var location = file.Parsed.Lines.GetLocation(span);
        return new Range(new Position(location.Start.Line - 1, location.Start.Column - 1), new Position(location.End.Line - 1, location.End.Column - 1));
    }

    /// <summary>A workspace path: relative to the workspace folder with '/' separators, as 'safeguard check' run there prints it; absolute outside it.</summary>
    private string PathOf(string local)
    {
        var full = Path.GetFullPath(local);
        if (root is not null)
        {
            var relative = Path.GetRelativePath(root, full);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return SourceText.NormalizePath(relative);
            }
        }

        return SourceText.NormalizePath(full);
    }

    private string PathOfUri(string uri) => LocalPath(uri) is { } local ? PathOf(local) : uri;

    private string UriOf(string path)
    {
        if (openUris.TryGetValue(path, out var uri))
        {
            return uri;
        }

        if (path.Contains(':') && !Path.IsPathRooted(path))
        {
            // An untitled document keeps its own URI as its path.
            return path;
        }

        var full = Path.IsPathRooted(path) || root is null ? path : Path.Combine(root, path);
        return new Uri(Path.GetFullPath(full)).AbsoluteUri;
    }

    private static string? LocalPath(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : null;

    private AnswersFile ReadAnswersFile(string path)
    {
        var local = Path.IsPathRooted(path) || root is null ? path : Path.Combine(root, path);
        try
        {
            return File.Exists(local) ? new AnswersFile(path, File.ReadAllText(local), null) : new AnswersFile(path, null, Directory.Exists(local) ? "it is a folder" : "no such file");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new AnswersFile(path, null, exception is UnauthorizedAccessException ? "permission denied" : exception.Message);
        }
    }

    private static string? ReadText(string local)
    {
        try
        {
            return new FileInfo(local).Length > 3L * TreatyCompiler.MaxFileLength ? null : File.ReadAllText(local);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be read now is read again when it changes.
            return null;
        }
    }

    /// <summary>The .treaty files under a folder, skipping build output and tool folders; an unreadable folder is skipped.</summary>
    private static IEnumerable<string> TreatyFilesUnder(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(current, "*.treaty");
                folders = Directory.GetDirectories(current);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
            {
                yield return file;
            }

            foreach (var sub in folders.Where(f => !SkippedFolders.Contains(Path.GetFileName(f))).OrderByDescending(f => f, StringComparer.Ordinal))
            {
                pending.Push(sub);
            }
        }
    }
}
