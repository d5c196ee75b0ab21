using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Inputs;
using ModelGates.Profiles;

namespace ModelGates.Drift.Multivariate;

/// <summary>
/// The multivariate checks started before the column checks, on the other core: they need only the two files' sampled
/// lines and the columns they cover, not the column results. Which columns the column checks will compare is predicted
/// from the files' column kinds and the columns' settings; <see cref="Result"/> hands the result over only when the
/// prediction was right (a text column found to be free text is not), so the checks' result is the same whether they
/// ran early or after the columns, and the same bytes as before.
/// </summary>
internal sealed class EarlyChecks
{
    private readonly List<(string Name, bool Numeric)> usable;

    private readonly Task<(IReadOnlyList<DatasetDriftCheck> Checks, IReadOnlyList<Diagnostic> Diagnostics)?> run;

    private EarlyChecks(List<(string Name, bool Numeric)> usable, Task<(IReadOnlyList<DatasetDriftCheck> Checks, IReadOnlyList<Diagnostic> Diagnostics)?> run)
    {
        this.usable = usable;
        this.run = run;
    }

    /// <summary>Starts the checks when both sides are plain CSV files read directly and a check is asked for; null otherwise.</summary>
    public static EarlyChecks? Start(ColumnInput? reference, ColumnInput current, DriftOptions options)
    {
        if (options.Multivariate == MultivariateDrift.Off || reference?.Direct is not { } referenceData || current.Direct is not { } currentData)
        {
            return null;
        }

        var referenceRows = RowSource.OfLines(referenceData);
        var currentRows = RowSource.OfLines(currentData);
        // Skipped by its settings or free text (the column read's rule on the exact distinct count, which the read
        // judges on DuckDB's approximate one: a column at the border may be guessed wrong, and the checks run again).
        var compared = referenceData.Columns
            .Where(c => !options.For(c.Column.Name).Skip)
            .Where(c => c.Kind != DirectColumn.Text || StringColumnRule.KindOf(c.Values.Count, c.NonMissing, ProfileSettings.Default) != ColumnKind.Text)
            .Select(c => c.Column.Name);
        var usable = MultivariateChecks.Usable(referenceRows, currentRows, compared);
        return new EarlyChecks(usable, Task.Run<(IReadOnlyList<DatasetDriftCheck>, IReadOnlyList<Diagnostic>)?>(() =>
        {
            try
            {
                return MultivariateChecks.Run(referenceRows, currentRows, usable, options);
            }
            catch (LinesDeclinedException)
            {
                return null;
            }
        }));
    }

    /// <summary>The checks' result when they ran on the columns <paramref name="columns"/> compared; null when they must run again.</summary>
    public (IReadOnlyList<DatasetDriftCheck> Checks, IReadOnlyList<Diagnostic> Diagnostics)? Result(RowSource reference, RowSource current, IReadOnlyList<ColumnDriftResult> columns)
    {
        // A wrong guess is left to finish on its own: its result, or failure, is not the report's.
        return MultivariateChecks.Usable(reference, current, MultivariateChecks.Compared(columns)).SequenceEqual(usable)
            ? run.GetAwaiter().GetResult()
            : null;
    }
}
