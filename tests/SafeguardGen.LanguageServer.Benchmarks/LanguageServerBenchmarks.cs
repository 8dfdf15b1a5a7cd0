using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Nerdbank.Streams;
using SafeguardGen.LanguageServer;
using StreamJsonRpc;

namespace SafeguardGen.Benchmarks;

/// <summary>
/// An edit to one open file, to the diagnostics the server publishes for it, through the protocol in process
/// (JSON-RPC over a pair of streams): in a workspace of the corpus's files, and in a workspace of that file alone.
/// Target: under 50 ms at the median for 1,000 files.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LanguageServerBenchmarks
{
    private string root = string.Empty;
    private string uri = string.Empty;
    private string[] texts = Array.Empty<string>();
    private JsonRpc client = null!;
    private Task<int> server = null!;
    private int version = 1;
    private readonly Published published = new();

    [Params(1, 1000)]
    public int Files { get; set; }

    /// <summary>A treaty no file imports, or the library every other file imports (so every file is re-checked).</summary>
    [Params("treaty", "library")]
    public string Edited { get; set; } = "treaty";

    [GlobalSetup]
    public void Setup()
    {
        root = Path.Combine(Path.GetTempPath(), "safeguard-lsp-bench-" + Guid.NewGuid().ToString("N"));
        var corpus = Corpus.Create(1000);

        var edited = Edited == "library" ? corpus[0] : corpus[corpus.Count / 2];
        // A one-file workspace holds the edited file and the library it imports.
        foreach (var (path, text) in Files == 1 ? new[] { corpus[0], edited }.Distinct() : corpus)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        uri = new Uri(Path.Combine(root, edited.Path)).AbsoluteUri;

        // A keystroke in a title: the file must be parsed and bound again, and its diagnostics stay empty.
        var at = edited.Text.IndexOf("title \"", StringComparison.Ordinal) + "title \"".Length;
        texts = new[] { edited.Text, edited.Text.Insert(at, "x") };
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        server = ServerHost.RunAsync(serverStream, serverStream);
        client = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, new SystemTextJsonFormatter { JsonSerializerOptions = ProtocolJson.Options }));
        client.AddLocalRpcTarget(published, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        client.StartListening();
        client.InvokeWithParameterObjectAsync<InitializeResult>("initialize", new InitializeParams(null, new Uri(root).AbsoluteUri, null, null, null)).GetAwaiter().GetResult();
        client.NotifyWithParameterObjectAsync("initialized", new { }).GetAwaiter().GetResult();
        var opened = published.Expect(uri, 1);
        client.NotifyWithParameterObjectAsync("textDocument/didOpen", new DidOpenTextDocumentParams(new TextDocumentItem(uri, "treaty", 1, texts[0]))).GetAwaiter().GetResult();
        var diagnostics = opened.GetAwaiter().GetResult();
        // The corpus's treaties give the same diagnostics before and after the keystroke (an error about a verified
        // citation's source among them): what is measured is the work, not what it finds.
        GC.KeepAlive(diagnostics);
    }

    [Benchmark]
    public async Task<int> Edit_to_diagnostics()
    {
        version++;
        var next = published.Expect(uri, version);
        await client.NotifyWithParameterObjectAsync("textDocument/didChange", new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), new[] { new TextDocumentContentChangeEvent(null, texts[version % 2]) }));
        return (await next).Diagnostics.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        client.InvokeWithParameterObjectAsync<object?>("shutdown", new { }).GetAwaiter().GetResult();
        client.NotifyWithParameterObjectAsync("exit", new { }).GetAwaiter().GetResult();
        server.GetAwaiter().GetResult();
        client.Dispose();
        Directory.Delete(root, true);
    }

    /// <summary>The client's side: completes a waiting edit when the diagnostics of its version arrive.</summary>
    private sealed class Published
    {
        private TaskCompletionSource<PublishDiagnosticsParams>? waiting;
        private string waitingUri = string.Empty;
        private int waitingVersion;

        public Task<PublishDiagnosticsParams> Expect(string uri, int version)
        {
            var source = new TaskCompletionSource<PublishDiagnosticsParams>(TaskCreationOptions.RunContinuationsAsynchronously);
            waitingUri = uri;
            waitingVersion = version;
            Volatile.Write(ref waiting, source);
            return source.Task;
        }

        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void Publish(PublishDiagnosticsParams parameters)
        {
            var source = Volatile.Read(ref waiting);
            if (source is not null && parameters.Uri == waitingUri && parameters.Version == waitingVersion)
            {
                source.TrySetResult(parameters);
            }
        }
    }
}
