using System;
using System.CommandLine;
using System.IO;
using ServerHost = SafeguardGen.LanguageServer.ServerHost;
using ServerOptions = SafeguardGen.LanguageServer.ServerOptions;

namespace SafeguardGen.Cli;

/// <summary><c>safeguard lsp</c>: the language server for editors, over stdin and stdout.</summary>
internal static class LspCommand
{
    public static Command Create()
    {
        // Editors' clients pass '--stdio' to say how they connect; stdio is the only way this server speaks.
        var stdio = new Option<bool>("--stdio") { Description = "Speak the protocol over stdin and stdout (the default and only transport)." };
        var command = new Command("lsp", "Runs the language server for .treaty files (Language Server Protocol over stdin and stdout), for an editor to start.");
        command.Options.Add(stdio);
        command.SetAction((_, _) =>
        {
            // stdout carries the protocol alone: nothing else may be written to it.
            var options = new ServerOptions(id => DiagnosticFormats.HelpUri(id, null));
            return ServerHost.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), options);
        });
        return command;
    }
}
