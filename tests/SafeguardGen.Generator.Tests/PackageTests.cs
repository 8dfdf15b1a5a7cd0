using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SafeguardGen.Generator.Tests;

/// <summary>
/// The package the way a user meets it: packed into a local folder, referenced by version from a fresh project
/// outside the repository, built, run, broken; and the CLI installed as a dotnet tool from the same folder.
/// </summary>
public sealed partial class PackageTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("safeguard-package-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private (int Exit, string Output) Run(string folder, string file, params string[] args) =>
        SafeguardGen.Testing.TestProcess.Run(folder, file, args, new System.Collections.Generic.Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") });


    [Fact]
    public void A_fresh_project_uses_the_package_by_PackageReference_alone_and_the_cli_installs_as_a_tool()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var feed = Directory.CreateDirectory(Path.Combine(root, "feed")).FullName;
        foreach (var project in new[] { "src/SafeguardGen.Package/SafeguardGen.Package.csproj", "src/SafeguardGen.Cli/SafeguardGen.Cli.csproj" })
        {
            var pack = Run(Harness.RepositoryRoot, "dotnet", "pack", project, "-c", configuration, "--no-build", "-o", feed, "-p:Version=" + version);
            Assert.True(pack.Exit == 0, pack.Output);
        }

        var consumer = Directory.CreateDirectory(Path.Combine(root, "consumer")).FullName;
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <SafeguardNamespace>Consumer.Checklists</SafeguardNamespace>
                <SafeguardDocsOutput>$(MSBuildProjectDirectory)/docs</SafeguardDocsOutput>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SafeguardGen" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        Directory.CreateDirectory(Path.Combine(consumer, "treaties"));
        File.WriteAllText(Path.Combine(consumer, "treaties", "demo.treaty"), Harness.ConsumerTreaty);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using Consumer.Checklists.Demo;

            var answers = new ProductionOrderReviewAnswers();
            answers.LegalBasis.ProvidedByLaw = true;
            answers.Supervision.AuthorisedByJudge = true;
            System.Console.WriteLine(ProductionOrderReviewChecklist.Validate(answers).Decision);
            """);

        var build = Run(consumer, "dotnet", "build", "--disable-build-servers", "-nologo", "-p:UseSharedCompilation=false");
        Assert.True(build.Exit == 0, build.Output);
        Assert.DoesNotContain(": warning ", build.Output, StringComparison.Ordinal);
        Assert.Equal("Proceed", Run(consumer, "dotnet", "run", "--no-build").Output.Trim());
        Assert.True(File.Exists(Path.Combine(consumer, "docs", "en", "demo.production-order-review.md")), build.Output);

        File.WriteAllText(Path.Combine(consumer, "treaties", "demo.treaty"), Harness.ConsumerTreaty.Replace("safeguards legal-basis, supervision", "safeguards legal-basis", StringComparison.Ordinal));
        var broken = Run(consumer, "dotnet", "build", "--disable-build-servers", "-nologo", "-p:UseSharedCompilation=false");
        Assert.NotEqual(0, broken.Exit);
        Assert.Contains(Path.Combine("treaties", "demo.treaty").Replace('\\', '/') + "(29,9): error SG0230: Measure 'production-order' does not cover kind 'oversight', required by profile 'article-15'", broken.Output.Replace('\\', '/'), StringComparison.Ordinal);
        var helpLink = HelpLink().Match(broken.Output);
        Assert.True(helpLink.Success, broken.Output);
        Assert.True(File.Exists(new Uri(helpLink.Groups["uri"].Value).LocalPath), helpLink.Value);

        var tools = Path.Combine(root, "tools");
        var install = Run(consumer, "dotnet", "tool", "install", "SafeguardGen.Tool", "--version", version, "--tool-path", tools);
        Assert.True(install.Exit == 0, install.Output);
        var check = Run(consumer, Path.Combine(tools, "safeguard"), "check", "treaties");
        Assert.Equal(1, check.Exit);
        Assert.Contains("treaties/demo.treaty(29,9): error SG0230", check.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\((?<uri>file:///[^)\s]+/SG0230\.md)\)")]
    private static partial Regex HelpLink();
}
