namespace SafeguardGen.Generator;

/// <summary>The names of the pipeline's steps, in one place for the caching tests.</summary>
public static class TrackingNames
{
    public const string ParseTreaty = nameof(ParseTreaty);
    public const string ImportIndex = nameof(ImportIndex);
    public const string ImportedFiles = nameof(ImportedFiles);
    public const string BindGroups = nameof(BindGroups);
    public const string Bind = nameof(Bind);
    public const string Options = nameof(Options);
    public const string TreatyDiagnostics = nameof(TreatyDiagnostics);
    public const string Checklists = nameof(Checklists);
    public const string Signatures = nameof(Signatures);
    public const string GeneratedNames = nameof(GeneratedNames);
    public const string Handlers = nameof(Handlers);
    public const string Scenarios = nameof(Scenarios);
    public const string Comparisons = nameof(Comparisons);
}
