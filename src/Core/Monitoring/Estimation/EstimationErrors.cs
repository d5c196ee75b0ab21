using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Monitoring.Estimation;

/// <summary>The checks of an estimator's inputs; each failure is a <see cref="ModelGatesException"/> with its MG602x code, exit code 3.</summary>
internal static class EstimationErrors
{
    /// <summary>MG6022 at the first value that is NaN or infinite; <paramref name="what"/> names the values ("reference score").</summary>
    public static void RequireFinite(ReadOnlySpan<double> values, string what)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw Fail(DiagnosticCatalog.EstimationValueNotFinite.Create(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {what} of row {i + 1} is {Describe(values[i])}; performance estimation needs a finite number in every row. Drop or repair the row before estimating.")));
            }
        }
    }

    /// <summary>MG6022 at the first infinite value (NaN is allowed: a missing feature).</summary>
    public static void RequireNotInfinite(ReadOnlySpan<double> values, string what)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsInfinity(values[i]))
            {
                throw Fail(DiagnosticCatalog.EstimationValueNotFinite.Create(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {what} of row {i + 1} is {Describe(values[i])}; a feature may be missing (NaN) but not infinite. Drop or repair the row before estimating.")));
            }
        }
    }

    /// <summary>MG6020 unless the reference's columns all have <paramref name="rows"/> rows and there are at least <paramref name="minimumRows"/>.</summary>
    public static void RequireReference(string estimator, int rows, int minimumRows, params (string Name, int Length)[] columns)
    {
        foreach (var (name, length) in columns)
        {
            if (length != rows)
            {
                throw Fail(DiagnosticCatalog.EstimationReferenceTooSmall.Create(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {estimator} reference has {rows} rows but {length} {name}; every column of the reference must have one value per row.")));
            }
        }

        if (rows < minimumRows)
        {
            throw Fail(DiagnosticCatalog.EstimationReferenceTooSmall.Create(string.Create(
                CultureInfo.InvariantCulture,
                $"The {estimator} reference has {rows} rows; it needs at least {minimumRows} labelled rows to learn from. Use a larger labelled reference (not the training set).")));
        }
    }

    /// <summary>MG6023 for an empty window.</summary>
    public static void RequireRows(int rows, string estimator)
    {
        if (rows == 0)
        {
            throw Fail(DiagnosticCatalog.EstimationWindowInvalid.Create(
                $"The window has no rows; {estimator} estimates a metric from the window's predictions and needs at least one."));
        }
    }

    /// <summary>The exception of one diagnostic, exit code 3 (bad data).</summary>
    public static ModelGatesException Fail(Diagnostic diagnostic) => new([diagnostic], ExitCodes.DataError);

    private static string Describe(double value) =>
        double.IsNaN(value) ? "NaN" : value > 0 ? "infinite" : "negative infinite";
}
