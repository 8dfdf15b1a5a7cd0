using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace SafeguardGen.LanguageServer;

/// <summary>Runs the server over a pair of streams: stdin and stdout for 'safeguard lsp', or pipes in a test.</summary>
public static class ServerHost
{
    /// <summary>Starts the server and returns it with the connection.</summary>
    public static (TreatyLanguageServer Server, JsonRpc Rpc) Start(Stream input, Stream output, ServerOptions? options = null)
    {
        var server = new TreatyLanguageServer(options);
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = ProtocolJson.Options };
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter))
        {
            // One message at a time, in the order received: an edit is applied before the request that follows it.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true, DisposeOnDisconnect = false });
        server.Attach(rpc);
        rpc.StartListening();
        return (server, rpc);
    }

    /// <summary>Serves until 'exit' or the end of the input; the exit code is 0 after 'shutdown' and 1 otherwise, as the protocol asks.</summary>
    public static async Task<int> RunAsync(Stream input, Stream output, ServerOptions? options = null)
    {
        var (server, rpc) = Start(input, output, options);
        try
        {
            await Task.WhenAny(rpc.Completion, server.Exited).ConfigureAwait(false);
        }
        finally
        {
            rpc.Dispose();
        }

        return server.ShutdownRequested && server.Exited.IsCompleted ? 0 : 1;
    }
}
