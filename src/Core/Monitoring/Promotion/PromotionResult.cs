using System.Globalization;
using System.Text.Json;
using ModelGates.Diagnostics;
using ModelGates.Output;

namespace ModelGates.Monitoring.Promotion;

/// <summary>Champion against challenger on one dataset, by paired bootstrap on the same rows.</summary>
/// <param name="Data">The dataset (the gate's data, or <c>window</c>).</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Champion">The champion's metric.</param>
/// <param name="Challenger">The challenger's metric.</param>
/// <param name="Difference">Challenger − champion, or null when either is undefined.</param>
/// <param name="Lower">The lower percentile bound of challenger − champion over the paired resamples.</param>
/// <param name="Upper">The upper percentile bound of challenger − champion over the paired resamples.</param>
/// <param name="ImprovementLowerBound">
/// The bound the margin rule judges: <paramref name="Lower"/> for a metric where higher is better, −<paramref name="Upper"/>
/// where lower is better, so that it is always "how much better the challenger is at worst" (negative: worse).
/// </param>
public sealed record PromotionComparison(string Data, int Rows, double? Champion, double? Challenger, double? Difference, double? Lower, double? Upper, double? ImprovementLowerBound);

/// <summary>The verdict of one promotion rule.</summary>
/// <param name="Rule"><c>absoluteGates</c>, <c>margin</c>, <c>slices</c> or <c>dataGates</c>.</param>
/// <param name="Passed">False when the rule refuses the promotion.</param>
/// <param name="Summary">One line saying what was judged.</param>
public sealed record PromotionRuleOutcome(string Rule, bool Passed, string Summary);

/// <summary>What <c>modelgates promote</c> decided, and what it wrote.</summary>
public sealed record PromotionResult
{
    /// <summary>The model gate.</summary>
    public required string Gate { get; init; }

    /// <summary>The champion model file (the gate's <c>model</c>).</summary>
    public required string Champion { get; init; }

    /// <summary>The challenger model file.</summary>
    public required string Challenger { get; init; }

    /// <summary>The compared metric.</summary>
    public required string Metric { get; init; }

    /// <summary>The margin of the overall comparison.</summary>
    public required double Margin { get; init; }

    /// <summary>The allowance of every slice.</summary>
    public required double SliceMargin { get; init; }

    /// <summary>The confidence of the paired bootstrap's interval.</summary>
    public required double Confidence { get; init; }

    /// <summary>One comparison per dataset: the holdout, then the window.</summary>
    public required IReadOnlyList<PromotionComparison> Comparisons { get; init; }

    /// <summary>Every rule's verdict, in the order of docs/promotion.md.</summary>
    public required IReadOnlyList<PromotionRuleOutcome> Rules { get; init; }

    /// <summary>Each refusal (one MG code per rule), or the MG6035 note of the promotion.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>True when every rule passed and the files and the champion record were written.</summary>
    public bool Promoted => Rules.All(r => r.Passed);

    /// <summary>The files written, in write order (empty on refusal).</summary>
    public IReadOnlyList<string> Written { get; init; } = [];

    /// <summary>The history file that holds the champion record (written only on promotion).</summary>
    public required string History { get; init; }

    /// <summary>
    /// The monitor window the models were also judged on when no window file was given (<c>monitor 'scoring', window
    /// 2026-11-30T00:00:00Z (412 labelled rows)</c>), what was missing when none had enough labels, or null when no
    /// monitor watches the gate or a window file was given.
    /// </summary>
    public string? MonitorWindow { get; init; }

    /// <summary>Writes the result's fields into a JSON object being written.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("gate", Gate);
        writer.WriteBoolean("promoted", Promoted);
        writer.WriteString("champion", Champion);
        writer.WriteString("challenger", Challenger);
        writer.WriteString("metric", Metric);
        writer.WriteNumber("margin", Margin);
        writer.WriteNumber("sliceMargin", SliceMargin);
        writer.WriteNumber("confidence", Confidence);
        writer.WriteStartArray("comparisons");
        foreach (var c in Comparisons)
        {
            writer.WriteStartObject();
            writer.WriteString("data", c.Data);
            writer.WriteNumber("rows", c.Rows);
            writer.WriteNumberOrNull("champion", c.Champion);
            writer.WriteNumberOrNull("challenger", c.Challenger);
            writer.WriteNumberOrNull("difference", c.Difference);
            writer.WriteNumberOrNull("lower", c.Lower);
            writer.WriteNumberOrNull("upper", c.Upper);
            writer.WriteNumberOrNull("improvementLowerBound", c.ImprovementLowerBound);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rules");
        foreach (var r in Rules)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", r.Rule);
            writer.WriteString("status", r.Passed ? "passed" : "refused");
            writer.WriteString("summary", r.Summary);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("written");
        foreach (var file in Written)
        {
            writer.WriteStringValue(file);
        }

        writer.WriteEndArray();
        writer.WriteString("history", History);
        writer.WriteStringOrNull("monitorWindow", MonitorWindow);
    }

    /// <summary>Writes the result as text: the comparison per dataset and each rule's verdict.</summary>
    public void WriteText(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"promote '{Gate}': challenger {Challenger} against champion {Champion} on {Metric} (margin {Scalar.Format(Margin)}, slice margin {Scalar.Format(SliceMargin)})"));
        if (MonitorWindow is { } monitorWindow)
        {
            output.WriteLine($"  newest labelled window: {monitorWindow}");
        }

        foreach (var c in Comparisons)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Data} ({c.Rows} rows): champion {F(c.Champion)}, challenger {F(c.Challenger)}, difference {F(c.Difference)}, {Confidence * 100:0.##} % interval [{F(c.Lower)}, {F(c.Upper)}]"));
        }

        foreach (var r in Rules)
        {
            output.WriteLine($"  {(r.Passed ? "passed " : "refused")}  {r.Summary}");
        }

        output.WriteLine(Promoted
            ? $"PROMOTED: wrote {string.Join(", ", Written)}"
            : "NOT PROMOTED: no file was changed");
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "undefined";
}
