using System;
using System.IO;
using System.Linq;

namespace SafeguardGen.Docs.Tests;

/// <summary>The build-time target: a consumer that sets SafeguardDocsOutput gets its docs from 'dotnet build', incrementally.</summary>
public sealed class BuildTimeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("safeguard-docs-build-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private (int Exit, string Output) Build() =>
        SafeguardGen.Testing.TestProcess.Dotnet(folder, "build", "--disable-build-servers", "-nologo", "-p:UseSharedCompilation=false", "-v:n");

    [Fact]
    public void Setting_SafeguardDocsOutput_writes_the_docs_during_build_and_an_unchanged_build_touches_nothing()
    {
        File.Copy(Path.Combine(Support.Root, "examples", "treaties", "european-extradition.treaty"), Path.Combine(folder, "european-extradition.treaty"));
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <SafeguardDocsOutput>$(MSBuildProjectDirectory)/docs</SafeguardDocsOutput>
                <SafeguardDocsFormat>html</SafeguardDocsFormat>
                <SafeguardCliPath>{Path.Combine(AppContext.BaseDirectory, "safeguard.dll")}</SafeguardCliPath>
              </PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="*.treaty" />
              </ItemGroup>
              <Import Project="{Path.Combine(Support.Root, "src", "SafeguardGen.Cli", "build", "SafeguardGen.Docs.targets")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Class1.cs"), "namespace Consumer { internal static class Class1 { } }\n");

        var first = Build();

        Assert.True(first.Exit == 0, first.Output);
        var page = Path.Combine(folder, "docs", "en", "ets24.html");
        Assert.True(File.Exists(page), first.Output);
        var written = Directory.GetFiles(Path.Combine(folder, "docs"), "*.html", SearchOption.AllDirectories).ToDictionary(p => p, File.GetLastWriteTimeUtc);

        var second = Build();

        Assert.True(second.Exit == 0, second.Output);
        Assert.Contains("Skipping target \"SafeguardDocs\"", second.Output, StringComparison.Ordinal);
        Assert.All(written, pair => Assert.Equal(pair.Value, File.GetLastWriteTimeUtc(pair.Key)));

        // A touched but unchanged treaty runs the target again; the CLI still leaves every page alone.
        File.SetLastWriteTimeUtc(Path.Combine(folder, "european-extradition.treaty"), DateTime.UtcNow.AddSeconds(5));
        var third = Build();

        Assert.True(third.Exit == 0, third.Output);
        Assert.Contains("0 pages written", third.Output, StringComparison.Ordinal);
        Assert.All(written, pair => Assert.Equal(pair.Value, File.GetLastWriteTimeUtc(pair.Key)));
    }
}
