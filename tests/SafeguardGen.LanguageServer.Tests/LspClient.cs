using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace SafeguardGen.LanguageServer.Tests;

/// <summary>
/// A client connected to the server in the same process through a pair of streams: it speaks the protocol as an
/// editor does, and collects what the server sends it (diagnostics, messages, documents to show).
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private readonly JsonRpc rpc;
    private readonly Task<int> serverDone;
    private readonly ClientTarget target = new();

    private LspClient(string root, JsonRpc rpc, Task<int> serverDone)
    {
        Root = root;
        this.rpc = rpc;
        this.serverDone = serverDone;
    }

    public string Root { get; }

    public IReadOnlyList<ShowMessageParams> Messages => target.Messages.ToList();

    public IReadOnlyList<ShowDocumentParams> ShownDocuments => target.Documents.ToList();

    /// <summary>A workspace folder holding copies of the example treaties, scenarios and comparisons (and their request files).</summary>
    public static string CopyOfExamples()
    {
        var root = Path.Combine(Path.GetTempPath(), "safeguard-lsp-" + Guid.NewGuid().ToString("N"));
        foreach (var folder in new[] { "treaties", "scenarios", "comparisons", "AssessmentApp/requests" })
        {
            var source = Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples", folder);
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(root, folder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        return root;
    }

    public static async Task<LspClient> StartAsync(string root)
    {
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        var serverDone = ServerHost.RunAsync(serverStream, serverStream, new ServerOptions(id => "https://example.org/diagnostics/" + id + ".md", Path.Combine(root, ".docs")));
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = ProtocolJson.Options };
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, formatter));
        var client = new LspClient(root, rpc, serverDone);
        rpc.AddLocalRpcTarget(client.target, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        var uri = new Uri(root + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
        await client.RequestAsync<InitializeResult>("initialize", new InitializeParams(null, uri, null, null, null));
        await rpc.NotifyWithParameterObjectAsync("initialized", new { });
        return client;
    }

    public string Uri(string relative) => new Uri(Path.Combine(Root, relative)).AbsoluteUri;

    public string Text(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public Task<T> RequestAsync<T>(string method, object parameters) => rpc.InvokeWithParameterObjectAsync<T>(method, parameters);

    public Task NotifyAsync(string method, object parameters) => rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string relative, string? text = null, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new DidOpenTextDocumentParams(new TextDocumentItem(Uri(relative), "treaty", version, text ?? Text(relative))));

    public Task ChangeAsync(string relative, string text, int version) =>
        NotifyAsync("textDocument/didChange", new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(Uri(relative), version), new[] { new TextDocumentContentChangeEvent(null, text) }));

    /// <summary>The position of the <paramref name="occurrence"/>th match of <paramref name="text"/> in a document, plus <paramref name="offset"/> characters.</summary>
    public static Position PositionOf(string document, string text, int offset = 0, int occurrence = 1)
    {
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = document.IndexOf(text, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, "'" + text + "' is not in the document.");
        }

        at += offset;
        var line = document.Take(at).Count(c => c == '\n');
        var lineStart = document.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        return new Position(line, at - (at == 0 ? 0 : lineStart));
    }

    /// <summary>Waits for the diagnostics of a document that satisfy a condition (the last published, as an editor shows them).</summary>
    public async Task<PublishDiagnosticsParams> DiagnosticsAsync(string relative, Func<PublishDiagnosticsParams, bool>? until = null)
    {
        var uri = Uri(relative);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (target.Latest.TryGetValue(uri, out var latest) && (until is null || until(latest)))
            {
                return latest;
            }

            await target.Published.WaitAsync(timeout.Token);
        }
    }

    /// <summary>The diagnostics published last for each document.</summary>
    public IReadOnlyDictionary<string, PublishDiagnosticsParams> Published => target.Latest;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await rpc.InvokeWithParameterObjectAsync<object?>("shutdown", new { });
            await rpc.NotifyWithParameterObjectAsync("exit", new { });
            Assert.Equal(0, await serverDone.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            rpc.Dispose();
            try
            {
                Directory.Delete(Root, true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed class ClientTarget
    {
        public ConcurrentDictionary<string, PublishDiagnosticsParams> Latest { get; } = new(StringComparer.Ordinal);

        public SemaphoreSlim Published { get; } = new(0);

        public ConcurrentQueue<ShowMessageParams> Messages { get; } = new();

        public ConcurrentQueue<ShowDocumentParams> Documents { get; } = new();

        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void Publish(PublishDiagnosticsParams parameters)
        {
            Latest[parameters.Uri] = parameters;
            Published.Release();
        }

        [JsonRpcMethod("window/showMessage", UseSingleObjectParameterDeserialization = true)]
        public void ShowMessage(ShowMessageParams parameters) => Messages.Enqueue(parameters);

        [JsonRpcMethod("window/showDocument", UseSingleObjectParameterDeserialization = true)]
        public object ShowDocument(ShowDocumentParams parameters)
        {
            Documents.Enqueue(parameters);
            return new { success = true };
        }
    }
}
