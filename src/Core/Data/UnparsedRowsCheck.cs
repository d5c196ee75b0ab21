using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Data;

/// <summary>
/// Turns the records a dataset could not parse into a diagnostic: an error (MG2001) when there are
/// more than the tolerance allows, a warning (MG2013) when some were tolerated, nothing when none failed.
/// </summary>
public static class UnparsedRowsCheck
{
    /// <summary>The diagnostic for <paramref name="dataset"/>'s unparsed rows, or null.</summary>
    public static Diagnostic? Check(LoadedDataset dataset, long maxUnparsedRows)
    {
        var unparsed = dataset.Unparsed;
        if (unparsed.Count == 0)
        {
            return null;
        }

        var first = unparsed.Examples[0];
        var tolerated = unparsed.Count <= maxUnparsedRows;
        var descriptor = tolerated ? DiagnosticCatalog.UnparsedRowsTolerated : DiagnosticCatalog.UnparsedRows;
        var verdict = tolerated
            ? $"within the tolerance of {maxUnparsedRows}; they are left out of every check"
            : maxUnparsedRows == 0
                ? "and no unparsed rows are tolerated (declare a tolerance to accept some)"
                : $"more than the tolerance of {maxUnparsedRows}";
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{unparsed.Count} row(s) of '{PathDisplay.For(dataset.Source.Path)}' could not be parsed, {verdict}. First at line {first.Line} of '{PathDisplay.For(first.File)}': {first.Reason}.");
        return descriptor.Create(message) with
        {
            File = first.File,
            Line = (int)Math.Min(first.Line, int.MaxValue),
            Check = "parse",
            Measured = unparsed.Count,
            Bound = maxUnparsedRows,
            Examples = unparsed.Examples
                .Select(u => new ExampleRow(u.Record, u.Text, dataset.Files.Count > 1 ? u.File : null, u.Line))
                .ToList(),
        };
    }
}
