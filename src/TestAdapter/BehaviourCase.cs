using System.Globalization;
using System.Reflection;

namespace ModelGates.Xunit;

/// <summary>
/// A hand-written case of a minimum functionality test: column values (an anonymous object or a dictionary) and
/// the outcome the model must give, a class or a range of the prediction.
/// </summary>
public sealed record BehaviourCase
{
    private BehaviourCase(string name, IReadOnlyDictionary<string, object?> values)
    {
        Name = name;
        Values = values;
    }

    /// <summary>How the failure table names the case.</summary>
    public string Name { get; }

    /// <summary>The column values; columns the model reads that are not given come from the template row, or are missing.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>The class the model must predict, or null.</summary>
    public string? ExpectedClass { get; private init; }

    /// <summary>The smallest allowed prediction (probability of the positive class, regression value, or the probability of <see cref="OfClass"/>), or null.</summary>
    public double? Min { get; private init; }

    /// <summary>The largest allowed prediction, or null.</summary>
    public double? Max { get; private init; }

    /// <summary>Multiclass: the class whose probability <see cref="Min"/> and <see cref="Max"/> bound.</summary>
    public string? OfClass { get; private init; }

    /// <summary>The model must predict <paramref name="expectedClass"/> (binary: the probability of the positive class is at least the decision threshold exactly when it is the positive class).</summary>
    /// <param name="name">How the failure table names the case.</param>
    /// <param name="values">Column values: an anonymous object (<c>new { Income = 0, Debt = 20000 }</c>) or a dictionary.</param>
    /// <param name="expectedClass">The class label.</param>
    public static BehaviourCase Class(string name, object values, string expectedClass)
    {
        ArgumentNullException.ThrowIfNull(expectedClass);
        return new(name, ToValues(values)) { ExpectedClass = expectedClass };
    }

    /// <summary>The prediction must lie in [<paramref name="min"/>, <paramref name="max"/>] (either may be null: unbounded).</summary>
    /// <param name="name">How the failure table names the case.</param>
    /// <param name="values">Column values: an anonymous object or a dictionary.</param>
    /// <param name="min">The smallest allowed prediction, or null.</param>
    /// <param name="max">The largest allowed prediction, or null.</param>
    /// <param name="ofClass">Multiclass: the class whose probability is bounded.</param>
    public static BehaviourCase Range(string name, object values, double? min = null, double? max = null, string? ofClass = null)
    {
        if (min is null && max is null)
        {
            throw new ArgumentException("Give a minimum, a maximum or both.", nameof(min));
        }

        return new(name, ToValues(values)) { Min = min, Max = max, OfClass = ofClass };
    }

    /// <summary>What the case expects, for the table.</summary>
    internal string Expectation => ExpectedClass is { } c
        ? $"class {c}"
        : (Min, Max) switch
        {
            ({ } lo, { } hi) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}in [{Prediction.Number(lo)}, {Prediction.Number(hi)}]"),
            ({ } lo, null) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}≥ {Prediction.Number(lo)}"),
            (null, { } hi) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}≤ {Prediction.Number(hi)}"),
            _ => string.Empty,
        };

    private string Prefix => OfClass is null ? string.Empty : $"p({OfClass}) ";

    private static Dictionary<string, object?> ToValues(object values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values switch
        {
            IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            System.Collections.IDictionary dictionary => dictionary.Keys.Cast<object>().ToDictionary(k => Convert.ToString(k, CultureInfo.InvariantCulture)!, k => dictionary[k], StringComparer.Ordinal),
            _ => values.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .ToDictionary(p => p.Name, p => p.GetValue(values), StringComparer.Ordinal),
        };
    }
}
