using System.Globalization;
using ModelGates.Diagnostics;
using ModelGates.Quality.Integrity;

namespace ModelGates.Quality;

/// <summary>What the checks of one quality run share: the data, the reference, the options, and the one hashing pass of each side.</summary>
internal sealed class QualityContext
{
    private RowHashes? hashes;
    private RowHashes? referenceHashes;

    /// <summary>Creates the context of a run.</summary>
    public QualityContext(QualityTable data, QualityTable? reference, QualityOptions options)
    {
        Data = data;
        Reference = reference;
        Options = options;
    }

    /// <summary>The data checked.</summary>
    public QualityTable Data { get; }

    /// <summary>The reference (training) data, or null.</summary>
    public QualityTable? Reference { get; }

    /// <summary>The options.</summary>
    public QualityOptions Options { get; }

    /// <summary>The data's row hashes over its features (and label), computed once for every check that needs them.</summary>
    public RowHashes Hashes => hashes ??= Data.Direct?.Rows.Hashes ?? RowHashes.Of(Data, Data.Features, Data.Label);

    /// <summary>The reference's row hashes over the data's features, in the data's column order.</summary>
    public RowHashes ReferenceHashes => referenceHashes ??= Reference!.Direct?.Rows.Hashes ?? RowHashes.Of(Reference!, Data.Features, null);

    /// <summary>A finding of <paramref name="check"/> with its share of the data's rows and its severity judged (<see cref="Judge"/>).</summary>
    public QualityFinding Finding(IQualityCheck check, QualityCheckSettings settings, string? column, long count, IReadOnlyList<FlaggedRow> rows) =>
        Judge(new QualityFinding(check.Id, check.Descriptor.Code, Severity.Info, column, count, Share(count), rows), settings);

    /// <summary>A finding judged: beyond the check's maximum share it takes the check's severity, within it it is info.</summary>
    public QualityFinding Judge(QualityFinding finding, QualityCheckSettings settings) =>
        finding with
        {
            Share = Share(finding.Count),
            Severity = finding.Count > 0 && Share(finding.Count) > settings.MaxShare ? settings.Severity ?? Severity.Info : Severity.Info,
        };

    /// <summary>A flagged row with details given as name/value pairs.</summary>
    public static FlaggedRow Row(long row, double score, params (string Name, string Value)[] details) =>
        new(row, score, [.. details.Select(d => new KeyValuePair<string, string>(d.Name, d.Value))]);

    /// <summary>A count as invariant text.</summary>
    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private double Share(long count) => Data.Rows == 0 ? 0 : (double)count / Data.Rows;
}
