using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Diagnostics;
using ModelGates.Inputs;
using ModelGates.Quality.Review;

namespace ModelGates.Quality;

/// <summary>What a quality run reads and writes besides its options: the same for the gate, the command and DataAssert.</summary>
public sealed record QualityRequest
{
    /// <summary>The data to check.</summary>
    public required DatasetSource Data { get; init; }

    /// <summary>The reference (training) data for leakage and volume, or null.</summary>
    public DatasetSource? Reference { get; init; }

    /// <summary>How to judge.</summary>
    public QualityOptions Options { get; init; } = new();

    /// <summary>Only these checks (ids), or null for all.</summary>
    public IReadOnlyList<string>? Only { get; init; }

    /// <summary>A review decisions file to apply, or null.</summary>
    public string? Review { get; init; }

    /// <summary>A folder to write <c>review.jsonl</c> and <c>review.csv</c> into, or null.</summary>
    public string? ReviewOut { get; init; }

    /// <summary>The day review decisions' expiry is judged against.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The masker of sensitive columns in review exports.</summary>
    internal IReviewMasker Masker { get; init; } = NoMasking.Instance;
}

/// <summary>The front door of the quality checks: reads the data (every column as text) through the pipeline, runs, exports.</summary>
internal static class QualityRun
{
    /// <summary>Runs the quality checks of <paramref name="request"/>.</summary>
    /// <exception cref="ConfigurationException">A label, key or timestamp column is missing, or a check id is unknown (exit code 2).</exception>
    /// <exception cref="DataReadException">The data cannot be read, or is bad input for the checks (exit code 3).</exception>
    public static QualityReport Run(InputPipeline pipeline, QualityRequest request) => Run(pipeline, request, direct: true);

    /// <summary>Runs the quality checks of <paramref name="request"/>; without <paramref name="direct"/>, every file is loaded into DuckDB (tests compare both ways).</summary>
    internal static QualityReport Run(InputPipeline pipeline, QualityRequest request, bool direct)
    {
        var checks = Checks(request.Only, request.Options);
        var review = request.Review is null ? null : ReviewDecisions.Read(request.Review);
        // Duplicates, conflicting labels and leakage need only each row's values once: a plain CSV file is read in one
        // pass over its bytes instead of into a table (docs/architecture.md, Quality).
        direct &= request.Review is null && request.ReviewOut is null && request.Options.Key.Count == 0
            && checks.All(c => c is Quality.Checks.DuplicatesCheck or Quality.Checks.ConflictingLabelsCheck or Quality.Checks.LeakageCheck);
        var data = direct ? OpenDirect(pipeline, request.Data, file => QualityTable.OpenDirect(pipeline.Engine, file, request.Options)) : null;
        TableInput? dataRead = null;
        if (data is null)
        {
            dataRead = pipeline.ReadTable(request.Data with { AllText = true });
            data = QualityTable.Open(pipeline.Engine, dataRead.Dataset, request.Options);
        }

        QualityTable? reference = null;
        TableInput? referenceRead = null;
        if (request.Reference is { } source)
        {
            reference = direct ? OpenDirect(pipeline, source, file => QualityTable.OpenDirectReference(pipeline.Engine, file, data)) : null;
            if (reference is null)
            {
                referenceRead = pipeline.ReadTable(source with { AllText = true });
                reference = QualityTable.OpenReference(pipeline.Engine, referenceRead.Dataset, data);
            }
        }

        pipeline.Progress?.Invoke($"Checking the quality of {data.Display}");
        var report = QualityRunner.Run(new QualityContext(data, reference, request.Options), checks, review, request.Today);
        var unparsed = new[] { dataRead?.Unparsed, referenceRead?.Unparsed }.OfType<Diagnostic>().ToList();
        report = report with { Notes = [.. unparsed, .. report.Notes] };
        if (request.ReviewOut is { } folder)
        {
            ReviewExport.Write(folder, report, data, Review.PiiReviewMasker.Of(report, request.Masker));
        }

        return report;
    }

    /// <summary>A plain CSV file opened by <paramref name="open"/> without a table, or null when it is not one or its row pass declines it.</summary>
    private static QualityTable? OpenDirect(InputPipeline pipeline, DatasetSource source, Func<CsvTextFile, QualityTable?> open)
    {
        source = source with { AllText = true };
        if (source.Database is not null)
        {
            return null;
        }

        pipeline.Announce(source, "Reading as text");
        return CsvTextFile.TryOpen(pipeline.Engine, source) is { } file ? open(file) : null;
    }

    /// <summary>
    /// The checks of the ids given, in registry order; when none are given, every check but the opt-in ones
    /// that <paramref name="options"/> gives no settings.
    /// </summary>
    /// <exception cref="ConfigurationException">An id names no check (MG0185).</exception>
    public static IReadOnlyList<IQualityCheck> Checks(IReadOnlyList<string>? only, QualityOptions options)
    {
        if (only is null)
        {
            return [.. QualityCheckRegistry.All.Where(c => !c.OptIn || options.Checks.ContainsKey(c.Id))];
        }

        foreach (var id in only.Where(i => QualityCheckRegistry.Find(i) is null))
        {
            var suggestion = Configuration.Json.DidYouMean.Suggest(id, QualityCheckRegistry.All.Select(c => c.Id));
            throw new ConfigurationException(DiagnosticCatalog.InvalidQualityOption.Create(
                $"'{id}' is not a quality check.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")} The checks: {string.Join(", ", QualityCheckRegistry.All.Select(c => c.Id))}."));
        }

        return [.. QualityCheckRegistry.All.Where(c => only.Contains(c.Id, StringComparer.Ordinal))];
    }
}
