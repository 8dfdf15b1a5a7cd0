using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace SafeguardGen.Cli.Tests;

/// <summary>The real 'safeguard lsp' process, spoken to over its stdin and stdout as an editor does.</summary>
public sealed class LspProcessTests
{
    [Fact]
    public async Task The_lsp_command_answers_initialize_publishes_a_typos_diagnostic_as_check_prints_it_and_exits_cleanly()
    {
        using var folder = new ScratchFolder("safeguard-lsp-process");
        var examples = Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples", "treaties");
        foreach (var file in Directory.GetFiles(examples, "*.treaty"))
        {
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        }

        var budapest = Path.Combine(folder.Path, "budapest.treaty");
        var typo = File.ReadAllText(budapest).Replace("safeguard legal-basis : legality {", "safeguard legal-basis : legalty {", StringComparison.Ordinal);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder.Path };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "safeguard.dll"), "lsp", "--stdio" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var input = process.StandardInput.BaseStream;
        var output = process.StandardOutput.BaseStream;
        var uri = new Uri(budapest).AbsoluteUri;

        await Send(input, new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { processId = Environment.ProcessId, rootUri = new Uri(folder.Path).AbsoluteUri, capabilities = new { } } });
        var initialized = await ReadUntil(output, m => m.TryGetProperty("id", out var id) && id.GetInt32() == 1);
        await Send(input, new { jsonrpc = "2.0", method = "initialized", @params = new { } });
        await Send(input, new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri, languageId = "treaty", version = 1, text = typo } } });
        var published = await ReadUntil(output, m => m.TryGetProperty("method", out var method) && method.GetString() == "textDocument/publishDiagnostics"
            && m.GetProperty("params").GetProperty("uri").GetString() == uri && m.GetProperty("params").GetProperty("diagnostics").GetArrayLength() > 0);
        await Send(input, new { jsonrpc = "2.0", id = 2, method = "shutdown" });
        await ReadUntil(output, m => m.TryGetProperty("id", out var id) && id.GetInt32() == 2);
        await Send(input, new { jsonrpc = "2.0", method = "exit" });
        var exited = process.WaitForExit(30_000);

        Assert.True(initialized.GetProperty("result").GetProperty("capabilities").GetProperty("hoverProvider").GetBoolean());
        var diagnostic = Assert.Single(published.GetProperty("params").GetProperty("diagnostics").EnumerateArray());

        // The same diagnostic, at the same place, as 'safeguard check' prints for the same files.
        File.WriteAllText(budapest, typo);
        var (_, check) = SafeguardGen.Testing.TestProcess.Dotnet(folder.Path, Path.Combine(AppContext.BaseDirectory, "safeguard.dll"), "check", ".");
        var start0 = diagnostic.GetProperty("range").GetProperty("start");
        var expected = "budapest.treaty(" + (start0.GetProperty("line").GetInt32() + 1) + "," + (start0.GetProperty("character").GetInt32() + 1) + "): error " + diagnostic.GetProperty("code").GetString() + ": " + diagnostic.GetProperty("message").GetString();
        Assert.Contains(check.Split('\n').Select(l => l.Trim()), l => l.EndsWith(expected, StringComparison.Ordinal));
        Assert.True(exited, "The server did not exit after 'exit'.");
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(string.Empty, await error);
    }

    private static async Task Send(Stream input, object message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n");
        await input.WriteAsync(header);
        await input.WriteAsync(body);
        await input.FlushAsync();
    }

    /// <summary>Reads messages until one matches; the protocol's framing is a Content-Length header and a blank line.</summary>
    private static async Task<JsonElement> ReadUntil(Stream output, Func<JsonElement, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var header = new StringBuilder();
            var one = new byte[1];
            while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await output.ReadAsync(one) == 0)
                {
                    throw new EndOfStreamException("The server closed its output; so far: " + header);
                }

                header.Append((char)one[0]);
            }

            var length = int.Parse(header.ToString().Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var body = new byte[length];
            await output.ReadExactlyAsync(body);
            var message = JsonDocument.Parse(body).RootElement.Clone();
            if (match(message))
            {
                return message;
            }
        }

        throw new TimeoutException("No matching message from the server.");
    }
}
