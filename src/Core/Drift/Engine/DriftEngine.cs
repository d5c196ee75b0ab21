using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Inputs;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Policy;
using ModelGates.Drift.Engine.Results;
using ModelGates.Inputs;
using ModelGates.Profiles;

namespace ModelGates.Drift.Engine;

/// <summary>
/// Compares a current dataset with a reference, column by column: chooses each column's test, reads the
/// inputs it needs (sorted values, frozen-bin or category counts: SQL over a table, or straight from a plain
/// CSV file's arrays), measures significance and
/// effect, checks the missing share, corrects across columns, judges every column and the dataset.
/// Documented in docs/drift.md.
/// </summary>
public static class DriftEngine
{
    /// <summary>
    /// Compares <paramref name="current"/> with <paramref name="reference"/>, both read through the
    /// <see cref="InputPipeline"/>: straight from the column arrays of a plain CSV file where that gives exactly
    /// what a table gives, otherwise from the table. Rows either side failed to parse are part of the report
    /// (MG2001 fails it, MG2013 warns), never dropped silently; the report carries each column's distribution for
    /// the charts, from the same read.
    /// </summary>
    /// <param name="reference">The reference dataset or profile (<see cref="InputPipeline.ReadReference"/>).</param>
    /// <param name="current">The current dataset (<see cref="InputPipeline.ReadColumns"/>).</param>
    /// <param name="options">How to judge; the defaults when null.</param>
    /// <param name="progress">Receives a short line per phase, for long runs.</param>
    /// <exception cref="ConfigurationException">An option is invalid or names an unknown column or test, a test set for a column does not apply to it, or a test needs raw reference values a profile does not hold.</exception>
    public static DriftReport Compare(DriftReference reference, ColumnInput current, DriftOptions? options = null, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var engine = current.Engine;
        var early = reference.Profile is null ? Multivariate.EarlyChecks.Start(reference.Input, current, options ?? DriftOptions.Default) : null;
        DriftReport? report = null;
        if (reference.Profile is null && reference.Input is { } referenceInput && (BeyondLimit(referenceInput) || BeyondLimit(current)))
        {
            report = CompareRawInEngine(reference, referenceInput, current, options, progress);
        }
        else if (current.Streamed is { } streamed && reference.Profile is { } profile)
        {
            try
            {
                if (StreamedCurrentData.Read(streamed, profile, progress) is { } data)
                {
                    report = Compare(engine, reference, data, options, () => current.Hash, progress);
                }
            }
            catch (DirectReadDeclinedException)
            {
                progress?.Invoke($"Reading {Data.PathDisplay.For(current.Source.Path)} into a table");
            }
        }
        else if (current.Direct is { } data)
        {
            try
            {
                report = Compare(engine, reference, new DirectCurrentData(data), options, () => current.Hash, progress);
            }
            catch (DirectReadDeclinedException)
            {
                progress?.Invoke($"Reading {Data.PathDisplay.For(current.Source.Path)} into a table");
            }
        }

        if (report is null && reference.Profile is { } stored && current.InEngine is { } relation)
        {
            report = CompareInEngine(reference, stored, current, relation, options, progress);
        }

        report ??= Compare(engine, reference, new TableCurrentData(engine, current.Table), options, () => current.Hash, progress);
        report = WithMultivariate(report, reference, current, options ?? DriftOptions.Default, early, progress);
        Diagnostic[] unparsed = [.. new[] { reference.Unparsed, current.Unparsed }.OfType<Diagnostic>()];
        return unparsed.Length == 0 ? report : report with { Diagnostics = [.. unparsed, .. report.Diagnostics] };
    }

    /// <summary>True when a side's number columns, held as doubles, would not fit in the memory limit.</summary>
    private static bool BeyondLimit(ColumnInput input) => input.Streamed is not null || input.InEngine is not null;

    /// <summary>
    /// Raw reference data against current data, either beyond the memory limit, compared inside DuckDB: both sides are
    /// tables there, the reference is profiled there (sketch and bins as the in-memory comparison builds them), categories
    /// and bins are counted by aggregates, and value tests run exactly on the sorted union of both sides
    /// (<see cref="PooledComparison"/>), so only aggregates and a stream of distinct values leave the engine.
    /// </summary>
    private static DriftReport CompareRawInEngine(DriftReference reference, ColumnInput referenceInput, ColumnInput current, DriftOptions? options, Action<string>? progress)
    {
        progress?.Invoke($"Comparing {Data.PathDisplay.For(current.Source.Path)} with {Data.PathDisplay.For(reference.Path)} inside DuckDB: beyond the memory limit");
        var referenceTable = referenceInput.Table;
        var currentTable = current.Table;
        using var session = new Sql.DuckDbSession(current.Engine);
        var profile = Sql.Pushdown.PushdownProfiler.Profile(session, InEngineReads.Relation(referenceTable), ProfileSettings.Default, progress);
        return Compare(current.Engine, reference.InEngine(referenceTable, profile), new TableCurrentData(current.Engine, currentTable, referenceTable), options, () => current.Hash, progress);
    }

    /// <summary>
    /// A table beyond the memory limit compared with a stored profile inside DuckDB, as a database table is (counts on
    /// the profile's points and bins come back, never values); null when a test needs every current value (MG0141
    /// on a database), which then reads the values as below the limit.
    /// </summary>
    private static DriftReport? CompareInEngine(DriftReference reference, DatasetProfile stored, ColumnInput current, Sql.SqlRelation relation, DriftOptions? options, Action<string>? progress)
    {
        progress?.Invoke($"Comparing {Data.PathDisplay.For(current.Source.Path)} inside DuckDB: beyond the memory limit");
        try
        {
            using var session = new Sql.DuckDbSession(current.Engine);
            var runner = Sql.Pushdown.PushdownRunner.Over(session);
            var data = SqlCurrentData.Open(runner, relation, stored, session.Provider);
            return Compare(null, reference, data, options, () => current.Hash, progress);
        }
        catch (ConfigurationException e) when (e.Diagnostics.Any(d => d.Code == DiagnosticCatalog.DriftTestNeedsRawCurrent.Code))
        {
            progress?.Invoke($"Reading the values of {Data.PathDisplay.For(current.Source.Path)}: a test needs every value");
            return null;
        }
    }

    /// <summary>Compares <paramref name="current"/> with <paramref name="reference"/>.</summary>
    /// <param name="engine">The engine holding the loaded tables.</param>
    /// <param name="reference">The reference dataset or profile.</param>
    /// <param name="current">The current dataset, loaded in <paramref name="engine"/>.</param>
    /// <param name="options">How to judge; the defaults when null.</param>
    /// <param name="currentHash">The current files' hash when already computed; computed here when null.</param>
    /// <param name="progress">Receives a short line per phase, for long runs.</param>
    /// <exception cref="ConfigurationException">An option is invalid or names an unknown column or test, a test set for a column does not apply to it, or a test needs raw reference values a profile does not hold.</exception>
    internal static DriftReport Compare(
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
        return Compare(engine, reference, new TableCurrentData(engine, current), options, () => currentHash, progress);
    }

    /// <summary>
    /// Compares a table or query in a SQL engine with a stored reference profile, without moving its rows: the
    /// engine counts on the profile's frozen bins and sketch points and counts categories, and only those counts
    /// come back (three queries whatever the column count; docs/scale.md). The same gate over a CSV of the same
    /// rows gives the same verdicts, counts and KS statistics; value distances are within the bound the report
    /// states. The entry point for a drift gate, <c>modelgates drift</c> and <c>DriftAssert</c> over a database dataset.
    /// </summary>
    /// <param name="reference">The reference profile (<see cref="DriftReference.ReadProfile"/>); raw reference data is MG0142.</param>
    /// <param name="session">The open session holding the current data.</param>
    /// <param name="relation">The current table or query.</param>
    /// <param name="options">How to judge; the defaults when null.</param>
    /// <param name="progress">Receives a short line per phase, for long runs.</param>
    /// <exception cref="ConfigurationException">An option is invalid, the reference is not a profile (MG0142), or a test needs the raw current values (MG0141).</exception>
    /// <exception cref="DataReadException">A column's type cannot be compared (MG0124), or the engine rejected a query.</exception>
    internal static DriftReport Compare(DriftReference reference, Sql.SqlSession session, Sql.SqlRelation relation, DriftOptions? options = null, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Compare(reference, Sql.Pushdown.PushdownRunner.Over(session), relation, session.Provider, options, progress);
    }

    /// <summary>As the session overload, through a runner (tests record each query's text).</summary>
    internal static DriftReport Compare(DriftReference reference, Sql.Pushdown.PushdownRunner runner, Sql.SqlRelation relation, string provider, DriftOptions? options, Action<string>? progress)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(relation);
        if (reference.Profile is not { } profile)
        {
            throw new ConfigurationException(DiagnosticCatalog.PushdownNeedsProfileReference.Create(
                $"The drift gate over {relation.ForMessages(runner.Dialect)} compares with reference '{reference.Path}', which is data; a gate over a table needs a reference profile."
                + $" Write one with 'modelgates profile {reference.Path} -o reference.profile.json'."));
        }

        var current = SqlCurrentData.Open(runner, relation, profile, provider);
        var report = Compare(null, reference, current, options, () => DatasetHash.Of(System.Text.Encoding.UTF8.GetBytes($"{provider}\n{relation.Display}\n{current.Rows}")), progress);
        return WithChecks(report, Multivariate.MultivariateChecks.NotRun(options ?? DriftOptions.Default, ProfileReason));
    }

    private const string ProfileReason = "the reference is a profile, which holds no rows; compare with the reference data to run them";

    /// <summary>
    /// The dataset-level checks over a seeded sample of both sides' rows (sampled lines of a plain CSV file read
    /// directly, else the side's table); against a profile they cannot run, which the report says.
    /// </summary>
    private static DriftReport WithMultivariate(DriftReport report, DriftReference reference, ColumnInput current, DriftOptions options, Multivariate.EarlyChecks? early, Action<string>? progress)
    {
        if (options.Multivariate == MultivariateDrift.Off)
        {
            return report;
        }

        if (reference.Profile is not null)
        {
            return WithChecks(report, Multivariate.MultivariateChecks.NotRun(options, ProfileReason));
        }

        progress?.Invoke("Multivariate checks");
        var referenceRows = reference.Input is { } input ? Multivariate.RowSource.Of(input) : Multivariate.RowSource.Of(current.Engine, reference.Dataset!);
        var currentRows = Multivariate.RowSource.Of(current);
        return WithChecks(report, early?.Result(referenceRows, currentRows, report.Columns)
            ?? Multivariate.MultivariateChecks.Run(referenceRows, currentRows, report.Columns, options));
    }

    private static DriftReport WithChecks(DriftReport report, (IReadOnlyList<DatasetDriftCheck> Checks, IReadOnlyList<Diagnostic> Diagnostics) found) =>
        found.Checks.Count == 0 ? report : report with { DatasetChecks = found.Checks, Diagnostics = [.. report.Diagnostics, .. found.Diagnostics] };

    private static DriftReport Compare(
        DataEngine? engine,
        DriftReference reference,
        CurrentData current,
        DriftOptions? options,
        Func<string?> currentHash,
        Action<string>? progress)
    {
        options ??= DriftOptions.Default;
        options.Validate();

        var referenceNames = reference.Profile is { } p
            ? p.Columns.Select(c => c.Name).ToList()
            : reference.Direct is { } d ? d.Columns.Select(c => c.Column.Name).ToList() : reference.Dataset!.Columns.Select(c => c.Name).ToList();
        var selected = Select(referenceNames, options);
        var settings = reference.Profile?.Settings ?? ProfileSettings.Default;

        progress?.Invoke($"Counting values of {selected.Count} columns");
        var currentColumns = selected.Select(current.Find).Where(c => c is not null).Select(c => c!).ToList();
        var currentCounts = current.NonMissingCounts(currentColumns);
        var referenceCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        var referenceDistinct = new Dictionary<string, long>(StringComparer.Ordinal);
        if (reference.Dataset is { } referenceData)
        {
            var columns = selected.Select(n => referenceData.Find(n)!).ToList();
            referenceCounts = ColumnQueries.NonMissingCounts(engine!, referenceData, columns);
            referenceDistinct = ColumnQueries.ApproxDistinct(engine!, referenceData, columns.Where(c => c.TypeKind == ColumnKind.Categorical).ToList());
        }

        // DuckDB reads one column while a worker measures the previous one; at most one measurement
        // waits, so at most two columns' values are in memory. Read from memory, a column is ready at
        // once, so as many measurements run as there are cores. Each result depends only on its inputs.
        var pending = new List<PendingColumn>(selected.Count);
        var running = new Queue<Task<ColumnMeasurement>>();
        var inFlight = current is DirectCurrentData ? Math.Max(1, Environment.ProcessorCount) : 1;
        Task<ColumnMeasurement> Schedule(Func<ColumnMeasurement> measure)
        {
            while (running.Count >= inFlight)
            {
                running.Dequeue().GetAwaiter().GetResult();
            }

            var task = Task.Run(measure);
            running.Enqueue(task);
            return task;
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
            new DriftSide(current.Path, currentHash() ?? DatasetHash.Of(current.Files), current.Rows, false));
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
        DataEngine? engine,
        DriftReference reference,
        CurrentData current,
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
            : reference.EngineProfile?.Find(name) is { Numeric: not null } inEngine && reference.Dataset!.Find(name)!.TypeKind is ColumnKind.Numeric or ColumnKind.Datetime
            ? ProfileReferenceReader.Read(inEngine, ofRawData: true)
            : reference.Direct is { } direct
            ? DirectReferenceReader.Read(engine!, direct, direct.Find(name)!, profileSettings)
            : RawReferenceReader.Read(engine!, reference.Dataset!, reference.Dataset!.Find(name)!, referenceCounts[name], referenceDistinct.GetValueOrDefault(name), profileSettings);
        var currentColumn = current.Find(name);
        var source = currentColumn is null
            ? null
            : new CurrentColumnSource
            {
                SqlType = currentColumn.SqlType,
                TypeKind = currentColumn.TypeKind,
                Count = currentCounts[name],
                Rows = current.Rows,
                Read = (plan, r) => current.Read(currentColumn, r, plan, currentCounts[name]),
            };
        return ColumnEvaluator.Evaluate(referenceColumn, source, options, reference.Path, schedule);
    }
}
