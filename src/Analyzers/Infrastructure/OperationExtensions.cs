using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGates.Analyzers.Infrastructure;

internal static class OperationExtensions
{
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>The argument bound to the parameter named <paramref name="name"/>, or null.</summary>
    public static IArgumentOperation? ArgumentFor(this ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The constant null, or <c>default</c> of a reference or nullable type.</summary>
    public static bool IsNullConstant(this IOperation operation)
    {
        var value = operation.WithoutConversions();
        return (value.ConstantValue.HasValue && value.ConstantValue.Value is null)
            || (operation.ConstantValue.HasValue && operation.ConstantValue.Value is null)
            || (value is IDefaultValueOperation { ConstantValue.HasValue: false, Type: { } type }
                && (!type.IsValueType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T));
    }

    /// <summary>
    /// The local an expression initializes, when the expression is the initializer of a local declaration
    /// (<c>var x = expr;</c>) or the right side of <c>x = expr;</c>.
    /// </summary>
    public static ILocalSymbol? AssignedLocal(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
            _ => null,
        };
    }

    /// <summary>Whether the expression is stored into a field or property (initializer or assignment).</summary>
    public static bool IsStoredInMember(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IFieldInitializerOperation or IPropertyInitializerOperation
            || parent is ISimpleAssignmentOperation { Target: IFieldReferenceOperation or IPropertyReferenceOperation };
    }
}
