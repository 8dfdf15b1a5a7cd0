namespace SafeguardGen.Cli.Tests;

/// <summary>The working folder is the process's, so the tests that change it run one at a time.</summary>
internal static class WorkingFolder
{
    public const string Collection = "Tests that change the working folder";
}
