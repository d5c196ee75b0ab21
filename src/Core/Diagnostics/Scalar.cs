using System.Globalization;

namespace ModelGates.Diagnostics;

/// <summary>A measured value or a bound: a number or a text, written as such in JSON.</summary>
public readonly record struct Scalar
{
    private Scalar(double? number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>The number, when this scalar is numeric.</summary>
    public double? Number { get; }

    /// <summary>The text, when this scalar is not numeric.</summary>
    public string? Text { get; }

    /// <summary>Makes a numeric scalar.</summary>
    internal static Scalar Of(double number) => new(number, null);

    /// <summary>Makes a text scalar.</summary>
    internal static Scalar Of(string text) => new(null, text);

    /// <summary>Converts a number.</summary>
    public static implicit operator Scalar(double number) => Of(number);

    /// <summary>Converts a text.</summary>
    public static implicit operator Scalar(string text) => Of(text);

    /// <summary>The invariant-culture text of the value, numbers in their shortest round-trip form.</summary>
    public override string ToString() => Number is { } n ? Format(n) : Text ?? string.Empty;

    /// <summary>Formats a number the way every ModelGates output does: shortest round-trip, invariant culture.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
