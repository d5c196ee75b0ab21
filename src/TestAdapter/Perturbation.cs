using System.Globalization;

namespace ModelGates.Xunit;

/// <summary>A change to one column's value, applied to every evaluation row by a behavioural test.</summary>
public sealed class Perturbation
{
    private readonly Func<object?, object?> change;
    private readonly Func<string, string> describe;

    private Perturbation(Func<object?, object?> change, Func<string, string> describe)
    {
        this.change = change;
        this.describe = describe;
    }

    /// <summary>Sets the column to <paramref name="value"/> on every row.</summary>
    public static Perturbation Set(object? value) =>
        new(_ => value, column => $"setting {column} to {Show(value)}");

    /// <summary>Adds <paramref name="amount"/> to a numeric column; a missing value stays missing.</summary>
    public static Perturbation Add(double amount) =>
        new(v => Numeric(v, x => x + amount, "add to"), column => string.Create(CultureInfo.InvariantCulture, $"{(amount >= 0 ? "raising" : "lowering")} {column} by {Math.Abs(amount):0.######}"));

    /// <summary>Multiplies a numeric column by <paramref name="factor"/>; a missing value stays missing.</summary>
    public static Perturbation Multiply(double factor) =>
        new(v => Numeric(v, x => x * factor, "multiply"), column => string.Create(CultureInfo.InvariantCulture, $"multiplying {column} by {factor:0.######}"));

    /// <summary>Applies <paramref name="change"/> to a numeric column; a missing value stays missing.</summary>
    /// <param name="change">The new value from the old.</param>
    /// <param name="description">How messages name the change (<c>doubling Income</c>).</param>
    public static Perturbation Apply(Func<double, double> change, string description)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(description);
        return new(v => Numeric(v, change, description), _ => description);
    }

    /// <summary>Applies <paramref name="change"/> to the column's value, whatever its type (null is a missing value).</summary>
    /// <param name="change">The new value from the old.</param>
    /// <param name="description">How messages name the change (<c>swapping owner and rent</c>).</param>
    public static Perturbation Apply(Func<object?, object?> change, string description)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(description);
        return new(change, _ => description);
    }

    /// <summary>The new value.</summary>
    internal object? Apply(object? value) => change(value);

    /// <summary>A phrase naming the change to <paramref name="column"/>.</summary>
    internal string Describe(string column) => describe(column);

    /// <summary>A value as a table shows it.</summary>
    internal static string Show(object? value) => value switch
    {
        null => "missing",
        string s => $"\"{s}\"",
        double d => Math.Round(d, 6).ToString("0.######", CultureInfo.InvariantCulture),
        float f => Math.Round(f, 6).ToString("0.######", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static object? Numeric(object? value, Func<double, double> change, string what) => value switch
    {
        null => null,
        string s when string.IsNullOrWhiteSpace(s) => null,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => change(d),
        IConvertible c when c.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal => change(c.ToDouble(CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"Cannot {what} {Show(value)}: the change is numeric and the value is not a number."),
    };
}
