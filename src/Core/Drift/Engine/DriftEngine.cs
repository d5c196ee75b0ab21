using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Inputs;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Policy;
using ModelGates.Drift.Engine.Results;
using ModelGates.Profiles;

namespace ModelGates.Drift.Engine;

/// <summary>
/// Compares a current dataset with a reference, column by column: chooses each column's test, reads the
/// inputs it needs with SQL (sorted values, frozen-bin or category counts), measures significance and
/// effect, checks the missing share, corrects across columns, judges every column and the dataset.
/// Documented in docs/drift.md.
/// </summary>
public static class DriftEngine
{
    /// <summary>Compares <paramref name="current"/> with <paramref name="reference"/>.</summary>
    /// <param name="engine">The engine holding the loaded tables.</param>
    /// <param name="reference">The reference dataset or profile.</param>
    /// <param name="current">The current dataset, loaded in <paramref name="engine"/>.</param>
    /// <param name="options">How to judge; the defaults when null.</param>
    /// <param name="currentHash">The current files' hash when already computed; computed here when null.</param>
    /// <param name="progress">Receives a short line per phase, for long runs.</param>
    /// <exception cref="ConfigurationException">An option is invalid or names an unknown column or test, a test set for a column does not apply to it, or a test needs raw reference values a profile does not hold.</exception>
    public static DriftReport Compare(
        DataEngine engine,
        DriftReference reference,
        LoadedDataset current,
        DriftOptions? options = null,
        string? currentHash = null,
        Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        options ??= DriftOptions.Default;
        options.Validate();

        var referenceNames = reference.Profile is { } p ? p.Columns.Select(c => c.Name).ToList() : reference.Dataset!.Columns.Select(c => c.Name).ToList();
        var selected = Select(referenceNames, options);
        var settings = reference.Profile?.Settings ?? ProfileSettings.Default;

        progress?.Invoke($"Counting values of {selected.Count} columns");
        var currentColumns = selected.Select(current.Find).Where(c => c is not null).Select(c => c!).ToList();
        var currentCounts = ColumnQueries.NonMissingCounts(engine, current, currentColumns);
        var referenceCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        var referenceDistinct = new Dictionary<string, long>(StringComparer.Ordinal);
        if (reference.Dataset is { } referenceData)
        {
            var columns = selected.Select(n => referenceData.Find(n)!).ToList();
            referenceCounts = ColumnQueries.NonMissingCounts(engine, referenceData, columns);
            referenceDistinct = ColumnQueries.ApproxDistinct(engine, referenceData, columns.Where(c => c.TypeKind == ColumnKind.Categorical).ToList());
        }

        // DuckDB reads one column while a worker measures the previous one; at most one measurement
        // waits, so at most two columns' values are in memory. Each result depends only on its inputs.
        var pending = new List<PendingColumn>(selected.Count);
        Task<ColumnMeasurement>? running = null;
        Task<ColumnMeasurement> Schedule(Func<ColumnMeasurement> measure)
        {
            running?.GetAwaiter().GetResult();
            running = Task.Run(measure);
            return running;
        }

        foreach (var name in selected)
        {
            progress?.Invoke($"Comparing {name}");
            pending.Add(CompareColumn(engine, reference, current, name, options, settings, currentCounts, referenceCounts, referenceDistinct, Schedule));
        }

        var extra = current.Columns
            .Where(c => !referenceNames.Contains(c.Name, StringComparer.Ordinal))
            .Select(c => DiagnosticCatalog.DriftColumnNotInReference.Create(
                $"Column '{c.Name}' of the current data is not in the reference; it is not compared.") with { Column = c.Name, Check = "drift" })
            .ToList();
        return DriftJudge.Judge(
            pending,
            extra,
            options,
            new DriftSide(reference.Path, reference.Hash, reference.Rows, reference.IsProfile),
            new DriftSide(current.Source.Path, currentHash ?? DatasetHash.Of(current.Files.Select(f => f.Path)), current.Rows, false));
    }

    internal static List<string> Select(List<string> referenceNames, DriftOptions options)
    {
        foreach (var name in (options.Columns ?? []).Concat(options.Overrides.Keys.Order(StringComparer.Ordinal)))
        {
            if (!referenceNames.Contains(name, StringComparer.Ordinal))
            {
                var suggestion = DidYouMean.Suggest(name, referenceNames);
                var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
                throw new ConfigurationException(DiagnosticCatalog.UnknownDriftColumn.Create(
                    $"The drift options name column '{name}', which the reference does not have.{hint} Columns: {string.Join(", ", referenceNames)}.") with
                {
                    Column = name,
                });
            }
        }

        // Reference order, whatever order the columns were listed in.
        return options.Columns is null ? referenceNames : referenceNames.Where(n => options.Columns.Contains(n, StringComparer.Ordinal)).ToList();
    }

    private static PendingColumn CompareColumn(
        DataEngine engine,
        DriftReference reference,
        LoadedDataset current,
        string name,
        DriftOptions options,
        ProfileSettings profileSettings,
        Dictionary<string, long> currentCounts,
        Dictionary<string, long> referenceCounts,
        Dictionary<string, long> referenceDistinct,
        Func<Func<ColumnMeasurement>, Task<ColumnMeasurement>> schedule)
    {
        var referenceColumn = reference.Profile is { } profile
            ? ProfileReferenceReader.Read(profile.Find(name)!)
            : RawReferenceReader.Read(engine, reference.Dataset!, reference.Dataset!.Find(name)!, referenceCounts[name], referenceDistinct.GetValueOrDefault(name), profileSettings);
        var currentColumn = current.Find(name);
        var source = currentColumn is null
            ? null
            : new CurrentColumnSource
            {
                SqlType = currentColumn.SqlType,
                TypeKind = currentColumn.TypeKind,
                Count = currentCounts[name],
                Rows = current.Rows,
                Read = (plan, r) => ReadCurrent(engine, current, currentColumn, r, plan, currentCounts[name]),
            };
        return ColumnEvaluator.Evaluate(referenceColumn, source, options, reference.Path, schedule);
    }

    private static CurrentColumn ReadCurrent(DataEngine engine, LoadedDataset current, DatasetColumn column, ReferenceColumn reference, DriftPlan plan, long count)
    {
        var missing = current.Rows - count;
        switch (plan.Input)
        {
            case DriftInputShape.Values:
                return CurrentColumnSource.FromSorted(ColumnQueries.SortedValues(engine, current, column, count), current.Rows, plan, reference);

            case DriftInputShape.Bins:
                return new CurrentColumn
                {
                    Count = count,
                    Missing = missing,
                    BinCounts = ColumnQueries.BinCounts(engine, current, column, reference.Bins!.Edges),
                    OutsideRange = count > 0 && reference.Count > 0 ? ColumnQueries.OutsideRange(engine, current, column, reference.Min, reference.Max) : null,
                };

            default:
                return new CurrentColumn { Count = count, Missing = missing, Categories = ColumnQueries.CategoryCounts(engine, current, column) };
        }
    }
}
