using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Generator;

/// <summary>A method marked <c>[HandlesSafeguard("…")]</c>.</summary>
internal sealed record HandlerMethod(string Name, string Safeguard, bool SignatureIsValid, LocationInfo? Argument, LocationInfo? NameLocation);

/// <summary>A class marked <c>[ChecklistHandler("…")]</c>, reduced to equatable values.</summary>
internal sealed record HandlerClass(
    string? Namespace,
    string Name,
    string DisplayName,
    bool IsStatic,
    string? ShapeProblem,
    string Checklist,
    LocationInfo? ChecklistArgument,
    LocationInfo? NameLocation,
    EquatableArray<HandlerMethod> Methods)
{
    public const string AttributeName = "SafeguardGen.ChecklistHandlerAttribute";
    private const string MethodAttributeName = "SafeguardGen.HandlesSafeguardAttribute";
    private const string ResultTypeName = "SafeguardGen.SafeguardResult";

    public static HandlerClass? Create(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not ClassDeclarationSyntax declaration)
        {
            return null;
        }

        var attribute = context.Attributes.FirstOrDefault();
        var checklist = attribute?.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
        var argument = (attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments.FirstOrDefault();

        string? problem = null;
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            problem = "add the 'partial' modifier";
        }
        else if (type.ContainingType is not null)
        {
            problem = "move it out of '" + type.ContainingType.Name + "'";
        }
        else if (type.IsGenericType)
        {
            problem = "remove its type parameters";
        }

        var methods = type.GetMembers().OfType<IMethodSymbol>()
            .SelectMany(method => method.GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() == MethodAttributeName)
                .Select(a =>
                {
                    var methodArgument = (a.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments.FirstOrDefault();
                    var valid = method.ReturnsVoid && !method.IsGenericMethod && method.Parameters.Length == 1
                        && method.Parameters[0].Type.ToDisplayString() == ResultTypeName && method.Parameters[0].RefKind == RefKind.None;
                    return new HandlerMethod(
                        method.Name,
                        a.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty,
                        valid,
                        LocationInfo.From(methodArgument?.GetLocation()),
                        LocationInfo.From(method.Locations.FirstOrDefault()));
                }))
            .OrderBy(m => m.NameLocation?.Path, System.StringComparer.Ordinal)
            .ThenBy(m => m.NameLocation?.Span.Start)
            .ToEquatableArray();

        return new HandlerClass(
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            type.ToDisplayString(),
            type.IsStatic,
            problem,
            checklist,
            LocationInfo.From(argument?.GetLocation()),
            LocationInfo.From(declaration.Identifier.GetLocation()),
            methods);
    }
}
