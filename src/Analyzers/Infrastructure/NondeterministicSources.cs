using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>
/// The clock and the unseeded random generators of the base library: values that differ on every run.
/// </summary>
internal sealed class NondeterministicSources
{
    private readonly INamedTypeSymbol? _dateTime;
    private readonly INamedTypeSymbol? _dateTimeOffset;
    private readonly INamedTypeSymbol? _environment;
    private readonly INamedTypeSymbol? _guid;
    private readonly INamedTypeSymbol? _stopwatch;
    private readonly INamedTypeSymbol? _randomNumberGenerator;

    public NondeterministicSources(Compilation compilation)
    {
        _dateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
        _dateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        _environment = compilation.GetTypeByMetadataName("System.Environment");
        _guid = compilation.GetTypeByMetadataName("System.Guid");
        _stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
        _randomNumberGenerator = compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");
        Random = compilation.GetTypeByMetadataName("System.Random");
    }

    public INamedTypeSymbol? Random { get; }

    /// <summary>An unseeded <c>new Random()</c>, or <c>new Random(x)</c> whose seed is itself nondeterministic.</summary>
    public bool IsUnseededRandomCreation(IObjectCreationOperation creation) =>
        Random is not null
        && SymbolEqualityComparer.Default.Equals(creation.Type, Random)
        && (creation.Arguments.Length == 0 || FindIn(creation.Arguments[0].Value) is not null);

    public bool IsRandomShared(IPropertyReferenceOperation reference) =>
        reference.Property.IsStatic
        && reference.Property.Name == "Shared"
        && SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, Random);

    /// <summary>
    /// The clock, <c>Guid.NewGuid()</c> and cryptographic randomness (not <c>System.Random</c>, which the
    /// callers treat separately); null when <paramref name="operation"/> is none of them.
    /// </summary>
    public string? DescribeClockOrGuid(IOperation operation)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property: { IsStatic: true } property }:
                var owner = property.ContainingType;
                if ((Is(owner, _dateTime) || Is(owner, _dateTimeOffset)) && property.Name is "Now" or "UtcNow" or "Today")
                {
                    return owner.Name + "." + property.Name;
                }

                if (Is(owner, _environment) && property.Name is "TickCount" or "TickCount64")
                {
                    return "Environment." + property.Name;
                }

                return null;
            case IInvocationOperation { TargetMethod: { IsStatic: true } method }:
                if (Is(method.ContainingType, _guid) && method.Name is "NewGuid" or "CreateVersion7")
                {
                    return "Guid." + method.Name + "()";
                }

                if (Is(method.ContainingType, _stopwatch) && method.Name == "GetTimestamp")
                {
                    return "Stopwatch.GetTimestamp()";
                }

                if (Is(method.ContainingType, _randomNumberGenerator))
                {
                    return "RandomNumberGenerator." + method.Name + "()";
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Describes any nondeterministic source, <c>System.Random</c> included; null when none.</summary>
    public string? Describe(IOperation operation) => operation switch
    {
        IObjectCreationOperation creation when IsUnseededRandomCreation(creation) => "new Random()",
        IPropertyReferenceOperation reference when IsRandomShared(reference) => "Random.Shared",
        _ => DescribeClockOrGuid(operation),
    };

    /// <summary>The first nondeterministic source in <paramref name="root"/> or below it; null when none.</summary>
    public string? FindIn(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            var description = Describe(operation);
            if (description is not null)
            {
                return description;
            }
        }

        return null;
    }

    private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
