using System.Globalization;

namespace ModelGates.Drift.Engine;

/// <summary>Numbers as drift messages and tables show them: four significant digits, small p-values in exponent form.</summary>
internal static class DriftNumber
{
    /// <summary>A short invariant-culture form: <c>0.1234</c>, <c>1.2e-30</c>, <c>∞</c>.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        if (value != 0 && Math.Abs(value) < 1e-4)
        {
            return value.ToString("0.##e+0", CultureInfo.InvariantCulture).Replace("e+", "e", StringComparison.Ordinal);
        }

        return value.ToString("G4", CultureInfo.InvariantCulture);
    }

    /// <summary>A share as a percentage with three significant digits: <c>12.5%</c>, <c>0.0449%</c>, <c>&lt;0.01%</c>.</summary>
    public static string Percent(double share)
    {
        if (double.IsNaN(share))
        {
            return "n/a";
        }

        var percent = share * 100;
        return percent > 0 && percent < 0.01 ? "<0.01%" : percent.ToString("G3", CultureInfo.InvariantCulture) + "%";
    }
}
