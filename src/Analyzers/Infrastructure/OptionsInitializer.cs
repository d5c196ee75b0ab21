using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>What is known about one member of an options object at the point it is handed to a trainer.</summary>
internal enum MemberValueKind
{
    /// <summary>Never assigned: the options type's default applies.</summary>
    Unset,

    /// <summary>Assigned a compile-time constant.</summary>
    Constant,

    /// <summary>Assigned something the analyzer cannot evaluate: the rule stays silent about it.</summary>
    Unknown,
}

internal readonly struct MemberValue
{
    public MemberValue(MemberValueKind kind, object? constant, bool inInitializer)
    {
        Kind = kind;
        Constant = constant;
        InInitializer = inInitializer;
    }

    public MemberValueKind Kind { get; }

    public object? Constant { get; }

    /// <summary>False when a statement after the creation assigns it: a code fix cannot just edit the initializer.</summary>
    public bool InInitializer { get; }

    public bool Is(object expected) => Kind == MemberValueKind.Constant && Equals(Constant, expected);
}

/// <summary>
/// The members assigned to a freshly created options object: in its object initializer and, when it is
/// stored in a local, by later <c>local.Member = value;</c> statements of the same method.
/// </summary>
internal sealed class OptionsInitializer
{
    private readonly ImmutableDictionary<string, MemberValue> _members;

    private OptionsInitializer(ImmutableDictionary<string, MemberValue> members) => _members = members;

    public MemberValue this[string name] => _members.TryGetValue(name, out var value) ? value : default;

    /// <summary>
    /// Null when the object escapes where its later configuration cannot be seen (stored in a field, returned,
    /// captured): the rule then stays silent.
    /// </summary>
    public static OptionsInitializer? TryRead(IObjectCreationOperation creation)
    {
        var members = ImmutableDictionary.CreateBuilder<string, MemberValue>(StringComparer.Ordinal);
        if (creation.Initializer is { } initializer)
        {
            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment)
                {
                    members[target.Member.Name] = Evaluate(assignment.Value, inInitializer: true);
                }
            }
        }

        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IArgumentOperation)
        {
            return new OptionsInitializer(members.ToImmutable());
        }

        if (creation.AssignedLocal() is not { } local)
        {
            return null;
        }

        foreach (var operation in creation.Root().DescendantsAndSelf())
        {
            if (operation is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation instance } target } later
                && SymbolEqualityComparer.Default.Equals(instance.Local, local))
            {
                members[target.Member.Name] = Evaluate(later.Value, inInitializer: false);
            }
        }

        return new OptionsInitializer(members.ToImmutable());
    }

    private static MemberValue Evaluate(IOperation value, bool inInitializer)
    {
        var constant = value.WithoutConversions().ConstantValue;
        return constant.HasValue
            ? new MemberValue(MemberValueKind.Constant, constant.Value, inInitializer)
            : new MemberValue(MemberValueKind.Unknown, null, inInitializer);
    }
}
