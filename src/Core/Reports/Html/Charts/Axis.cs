using System.Globalization;

namespace ModelGates.Reports.Html.Charts;

/// <summary>A linear axis: a data range mapped to pixels, with "nice" ticks (1, 2, 5 × 10^k).</summary>
internal sealed class Axis
{
    /// <summary>Creates an axis over [<paramref name="min"/>, <paramref name="max"/>], widened when empty or degenerate.</summary>
    public Axis(double min, double max, double pixelStart, double pixelEnd, bool nice = true)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }

        if (max <= min)
        {
            // A constant (or single-value) column still needs a visible range around its value.
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }

        if (nice)
        {
            var step = NiceStep((max - min) / 5);
            min = Math.Floor(min / step) * step;
            max = Math.Ceiling(max / step) * step;
            Step = step;
        }
        else
        {
            Step = NiceStep((max - min) / 5);
        }

        Min = min;
        Max = max;
        PixelStart = pixelStart;
        PixelEnd = pixelEnd;
    }

    /// <summary>The lower end of the range.</summary>
    public double Min { get; }

    /// <summary>The upper end of the range.</summary>
    public double Max { get; }

    /// <summary>The distance between ticks.</summary>
    public double Step { get; }

    /// <summary>The pixel of <see cref="Min"/>.</summary>
    public double PixelStart { get; }

    /// <summary>The pixel of <see cref="Max"/>.</summary>
    public double PixelEnd { get; }

    /// <summary>The pixel of a value (values outside the range are clamped).</summary>
    public double Map(double value)
    {
        var clamped = Math.Clamp(double.IsFinite(value) ? value : Min, Min, Max);
        return PixelStart + ((clamped - Min) / (Max - Min) * (PixelEnd - PixelStart));
    }

    /// <summary>Tick values from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        for (var i = 0; i <= Math.Min(count, 20); i++)
        {
            yield return Min + (i * Step);
        }
    }

    /// <summary>A short label for a tick.</summary>
    public static string Label(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude switch
        {
            0 => "0",
            >= 1e6 or < 1e-3 => value.ToString("0.##E0", CultureInfo.InvariantCulture),
            _ => Math.Round(value, 6).ToString("0.###", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The nice step (1, 2 or 5 × 10^k) nearest above <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw))
        {
            return 1;
        }

        var exponent = Math.Floor(Math.Log10(raw));
        var fraction = raw / Math.Pow(10, exponent);
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * Math.Pow(10, exponent);
    }
}
