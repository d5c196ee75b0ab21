using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelGates.Monitoring.Windows;
using ModelGates.Output;

namespace ModelGates.Monitoring.Promotion;

/// <summary>
/// What the history keeps of one promotion (docs/promotion.md#the-history): the promoted model's hash, the hash of every
/// dataset it was judged on, its metrics there, the commit and the time the cooldown of monitors counts from.
/// </summary>
/// <param name="PromotedAt">When it was promoted (UTC).</param>
/// <param name="Model">The model gate's name.</param>
/// <param name="ModelHash">Lower-case hex SHA-256 of the promoted model file.</param>
internal sealed record ChampionRecord(DateTimeOffset PromotedAt, string Model, string ModelHash)
{
    /// <summary>The <c>kind</c> of the record's JSON.</summary>
    public const string Kind = "modelgates.champion";

    private static readonly JsonWriterOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The SHA-256 of the model it replaced, or null when the gate's model file did not exist.</summary>
    public string? PreviousModelHash { get; init; }

    /// <summary>The model file (the gate's <c>model</c>, as written in the config's folder) and the challenger it was copied from.</summary>
    public required string ModelPath { get; init; }

    /// <summary>The challenger file as given.</summary>
    public required string ChallengerPath { get; init; }

    /// <summary>Dataset name → SHA-256, in ordinal name order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> DataHashes { get; init; }

    /// <summary>Metric id → the promoted model's value on the holdout, in report order (null when undefined).</summary>
    public required IReadOnlyList<KeyValuePair<string, double?>> Metrics { get; init; }

    /// <summary>HEAD of the config's repository, or null when unknown.</summary>
    public string? GitCommit { get; init; }

    /// <summary>The metric and margin that decided, and the paired bootstrap's interval of challenger − champion on each dataset.</summary>
    public required PromotionDecisionSummary Decision { get; init; }

    /// <summary>The tool version that promoted.</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>The monitor window the models were also judged on (found by the promotion, not given as a file), or null.</summary>
    public LabelledWindow? Window { get; init; }

    /// <summary>The <c>data_hashes</c> column: a JSON object.</summary>
    public string DataHashesJson() => Json(w =>
    {
        w.WriteStartObject();
        foreach (var (name, hash) in DataHashes)
        {
            w.WriteString(name, hash);
        }

        w.WriteEndObject();
    });

    /// <summary>The <c>metrics</c> column: a JSON object, numbers in shortest round-trip form.</summary>
    public string MetricsJson() => Json(WriteMetrics);

    /// <summary>The <c>record</c> column: the whole record.</summary>
    public string ToJson() => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("kind", Kind);
        w.WriteNumber("schemaVersion", 1);
        w.WriteString("promotedAt", PromotedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("model", Model);
        w.WriteString("modelPath", ModelPath);
        w.WriteString("challenger", ChallengerPath);
        w.WriteString("modelHash", ModelHash);
        w.WriteStringOrNull("previousModelHash", PreviousModelHash);
        w.WritePropertyName("dataHashes");
        w.WriteRawValue(DataHashesJson());
        w.WritePropertyName("metrics");
        WriteMetrics(w);
        w.WriteStringOrNull("gitCommit", GitCommit);
        w.WriteStartObject("decision");
        w.WriteString("metric", Decision.Metric);
        w.WriteNumber("margin", Decision.Margin);
        w.WriteNumber("sliceMargin", Decision.SliceMargin);
        w.WriteStartArray("comparisons");
        foreach (var c in Decision.Comparisons)
        {
            w.WriteStartObject();
            w.WriteString("data", c.Data);
            w.WriteNumberOrNull("champion", c.Champion);
            w.WriteNumberOrNull("challenger", c.Challenger);
            w.WriteNumberOrNull("difference", c.Difference);
            w.WriteNumberOrNull("lower", c.Lower);
            w.WriteNumberOrNull("upper", c.Upper);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteString("toolVersion", ToolVersion);
        if (Window is { Key: { } key } window)
        {
            w.WriteStartObject("monitorWindow");
            w.WriteString("monitor", window.Monitor);
            w.WriteString("key", key);
            w.WriteString("start", WindowPlanner.Key(window.Start!.Value));
            w.WriteString("end", WindowPlanner.Key(window.End!.Value));
            w.WriteNumber("labelledRows", window.LabelledRows);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    });

    private void WriteMetrics(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        foreach (var (id, value) in Metrics)
        {
            w.WriteNumberOrNull(id, value);
        }

        w.WriteEndObject();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Compact))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>The rule parameters of a promotion and the comparison it rested on, kept in the champion record.</summary>
/// <param name="Metric">The compared metric.</param>
/// <param name="Margin">The margin of the overall comparison.</param>
/// <param name="SliceMargin">The allowance of every slice.</param>
/// <param name="Comparisons">One per dataset scored (holdout, then the window).</param>
internal sealed record PromotionDecisionSummary(string Metric, double Margin, double SliceMargin, IReadOnlyList<PromotionComparison> Comparisons);
