using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeguardGen.LanguageServer;

// The protocol types this server uses, and no others (LSP 3.17). Property names are the protocol's, through the
// camelCase policy; absent optional members are not written.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int? Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record InitializeParams(int? ProcessId, string? RootUri, string? RootPath, IReadOnlyList<WorkspaceFolder>? WorkspaceFolders, JsonElement? Capabilities);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record ServerInfo(string Name, string Version);

public sealed record ServerCapabilities(
    TextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    bool DefinitionProvider,
    bool ReferencesProvider,
    CompletionOptions CompletionProvider,
    RenameOptions RenameProvider,
    bool DocumentSymbolProvider,
    bool WorkspaceSymbolProvider,
    CodeActionOptions CodeActionProvider,
    CodeLensOptions CodeLensProvider,
    bool DocumentFormattingProvider,
    ExecuteCommandOptions ExecuteCommandProvider);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change);

public sealed record CompletionOptions(IReadOnlyList<string> TriggerCharacters);

public sealed record RenameOptions(bool PrepareProvider);

public sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds);

public sealed record CodeLensOptions(bool ResolveProvider);

public sealed record ExecuteCommandOptions(IReadOnlyList<string> Commands);

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

public sealed record TextDocumentContentChangeEvent(Range? Range, string Text);

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record FileEvent(string Uri, int Type);

public sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

public sealed record DiagnosticRelatedCode(string Href);

public sealed record Diagnostic(Range Range, int Severity, string Code, DiagnosticRelatedCode? CodeDescription, string Source, string Message);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<Diagnostic> Diagnostics);

public sealed record MarkupContent(string Kind, string Value);

public sealed record Hover(MarkupContent Contents, Range Range);

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context);

public sealed record CompletionItem(string Label, int Kind, string? Detail, TextEdit? TextEdit, string? SortText);

public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);

public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

public sealed record TextEdit(Range Range, string NewText);

public sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange, IReadOnlyList<DocumentSymbol>? Children);

public sealed record WorkspaceSymbolParams(string Query);

public sealed record SymbolInformation(string Name, int Kind, Location Location, string? ContainerName);

public sealed record CodeActionContext(IReadOnlyList<Diagnostic>? Diagnostics);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context);

public sealed record CodeAction(string Title, string Kind, IReadOnlyList<Diagnostic>? Diagnostics, WorkspaceEdit Edit, bool? IsPreferred);

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record Command(string Title, string CommandName, IReadOnlyList<object>? Arguments)
{
    // 'command' is both the record's purpose and the protocol's property name for the command's identifier.
    [JsonPropertyName("command")]
    public string CommandName { get; init; } = CommandName;
}

public sealed record CodeLens(Range Range, Command Command);

public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, JsonElement? Options);

public sealed record ExecuteCommandParams(string Command, IReadOnlyList<JsonElement>? Arguments);

public sealed record ShowMessageParams(int Type, string Message);

public sealed record ShowDocumentParams(string Uri, bool External);

/// <summary>The serializer settings of the protocol.</summary>
public static class ProtocolJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
