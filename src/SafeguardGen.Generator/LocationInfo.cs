using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SafeguardGen.Generator;

/// <summary>A location as an equatable value; a Roslyn <see cref="Location"/> must not be kept in the pipeline.</summary>
internal sealed record LocationInfo(string Path, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(Path, Span, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location is null || location.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}
