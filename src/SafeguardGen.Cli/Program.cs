namespace SafeguardGen.Cli;

internal static class Program
{
    private static int Main(string[] args) => SafeguardCommand.Run(args, System.Console.Out, System.Console.Error);
}
