using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeguardGen.Generator;

/// <summary>
/// The MSBuild properties the generator reads (made visible by the package's CompilerVisibleProperty items),
/// as an equatable value so that unchanged options leave the pipeline cached.
/// </summary>
internal sealed record GeneratorOptions(string? DefaultNamespace, string? HelpLinkBase)
{
    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        static string? Read(AnalyzerConfigOptions options, string name) =>
            options.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        return new GeneratorOptions(Read(options, "SafeguardNamespace"), Read(options, "SafeguardHelpLinkBase"));
    }
}
