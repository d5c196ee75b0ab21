using System.Text.Json;
using ModelGates.Data;
using ModelGates.Output;

namespace ModelGates.Profiles;

/// <summary>
/// Writes a profile as versioned JSON (schema/profile.schema.json). Deterministic: the same profile gives
/// the same bytes. Derived values (variance, standard deviation, quartiles) are written for readers and
/// recomputed on reading.
/// </summary>
public static class ProfileJsonWriter
{
    /// <summary>The profile as UTF-8 JSON.</summary>
    public static byte[] Write(DatasetProfile profile) => JsonWriterExtensions.Build(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", DatasetProfile.CurrentSchemaVersion);
        w.WriteString("kind", ProfileJsonReader.Kind);
        w.WriteStartArray("sources");
        foreach (var source in profile.Sources)
        {
            w.WriteStringValue(source.Replace('\\', '/'));
        }

        w.WriteEndArray();
        w.WriteNumber("rows", profile.Rows);
        w.WriteNumber("unparsedRows", profile.UnparsedRows);
        WriteSettings(w, profile.Settings);
        w.WriteStartArray("columns");
        foreach (var column in profile.Columns)
        {
            WriteColumn(w, column);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteSettings(Utf8JsonWriter w, ProfileSettings s)
    {
        w.WriteStartObject("settings");
        w.WriteNumber("quantilePoints", s.QuantilePoints);
        w.WriteNumber("histogramBins", s.HistogramBins);
        w.WriteNumber("driftBins", s.DriftBins);
        w.WriteNumber("maxCategories", s.MaxCategories);
        w.WriteNumber("topTextValues", s.TopTextValues);
        w.WriteEndObject();
    }

    private static void WriteColumn(Utf8JsonWriter w, ColumnProfile c)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        w.WriteString("kind", c.Kind.ToText());
        w.WriteString("sqlType", c.SqlType);
        w.WriteNumber("count", c.Count);
        w.WriteNumber("missing", c.Missing);
        w.WriteNumberOrNull("missingShare", c.MissingShare);

        w.WriteStartObject("distinct");
        w.WriteNumber("estimate", c.Distinct.Estimate);
        w.WriteBoolean("exact", c.Distinct.IsExact);
        if (c.Distinct.Registers is { } registers)
        {
            w.WriteString("hash", c.Distinct.HashId);
            w.WriteBase64String("registers", registers);
        }

        w.WriteEndObject();

        if (c.TimeRange is { } range)
        {
            w.WriteStartObject("timeRange");
            w.WriteString("min", range.Min);
            w.WriteString("max", range.Max);
            w.WriteEndObject();
        }

        if (c.Numeric is { } n)
        {
            WriteNumeric(w, n);
        }

        if (c.Categories is { } categories)
        {
            w.WriteStartObject("categories");
            w.WriteBoolean("complete", categories.IsComplete);
            w.WriteNumber("other", categories.Other);
            w.WriteStartArray("values");
            foreach (var v in categories.Values)
            {
                w.WriteStartObject();
                w.WriteString("value", v.Value);
                w.WriteNumber("count", v.Count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (c.Length is { } length)
        {
            w.WriteStartObject("length");
            WriteMoments(w, length);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteNumeric(Utf8JsonWriter w, NumericSummary n)
    {
        w.WriteNumberOrNull("min", n.Min);
        w.WriteNumberOrNull("max", n.Max);
        WriteMoments(w, n.Moments);
        w.WriteNumberOrNull("p25", n.Quantiles.Count > 0 ? n.Quantiles.Quantile(0.25) : null);
        w.WriteNumberOrNull("p50", n.Quantiles.Count > 0 ? n.Quantiles.Quantile(0.5) : null);
        w.WriteNumberOrNull("p75", n.Quantiles.Count > 0 ? n.Quantiles.Quantile(0.75) : null);

        w.WriteStartObject("quantiles");
        w.WriteNumberOrNull("rankError", n.Quantiles.RankError);
        w.WriteNumberArray("values", n.Quantiles.Values);
        w.WriteNumberArray("weights", n.Quantiles.Weights);
        w.WriteEndObject();

        w.WriteStartObject("histogram");
        w.WriteBoolean("exact", n.Histogram.IsExact);
        w.WriteNumberArray("edges", n.Histogram.Edges);
        w.WriteNumberArray("counts", n.Histogram.Counts);
        w.WriteEndObject();

        w.WriteStartObject("bins");
        w.WriteBoolean("exact", n.Bins.IsExact);
        w.WriteNumberArray("edges", n.Bins.Edges);
        w.WriteNumberArray("counts", n.Bins.Counts);
        w.WriteEndObject();
    }

    private static void WriteMoments(Utf8JsonWriter w, Moments m)
    {
        w.WriteNumberOrNull("mean", m.Count > 0 ? m.Mean : null);
        w.WriteNumberOrNull("variance", m.SampleVariance);
        w.WriteNumberOrNull("std", m.SampleVariance is { } v ? Math.Sqrt(v) : null);
        w.WriteNumberOrNull("m2", m.M2);
    }
}
