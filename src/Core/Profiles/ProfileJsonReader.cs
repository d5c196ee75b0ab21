using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Profiles;

/// <summary>Reads a profile written by <see cref="ProfileJsonWriter"/>; anything else is an MG0111 with its line.</summary>
public static class ProfileJsonReader
{
    /// <summary>The value of the <c>kind</c> key that marks a ModelGates profile.</summary>
    internal const string Kind = "modelgates.profile";

    private static readonly string[] ColumnKeys =
    [
        "name", "kind", "sqlType", "count", "missing", "missingShare", "distinct", "timeRange", "min", "max", "mean", "variance",
        "std", "m2", "p25", "p50", "p75", "quantiles", "histogram", "bins", "categories", "length",
    ];

    /// <summary>Reads the profile at <paramref name="path"/>.</summary>
    /// <exception cref="ModelGatesException">The file is missing (MG0010) or not a valid profile (MG0111).</exception>
    public static DatasetProfile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException(DiagnosticCatalog.FileNotFound.Create($"Profile '{path}' does not exist.") with { File = path });
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid(path, null, $"cannot be read: {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses profile JSON text; <paramref name="file"/> names it in diagnostics.</summary>
    internal static DatasetProfile Parse(string text, string file)
    {
        var root = ConfigJsonParser.Parse(text, file, out var syntax);
        if (root is null)
        {
            throw Invalid(file, syntax!.Line, syntax.Message);
        }

        var reader = new ConfigReader(file);
        var profile = ReadProfile(reader, root);
        if (reader.HasErrors || profile is null)
        {
            var first = reader.Diagnostics.FirstOrDefault();
            throw Invalid(file, first?.Line, first?.Message ?? "it is not a ModelGates profile.");
        }

        return profile;
    }

    private static DataReadException Invalid(string file, int? line, string why) =>
        new(DiagnosticCatalog.InvalidProfile.Create($"'{file}' is not a valid ModelGates profile: {why}") with { File = file, Line = line });

    private static DatasetProfile? ReadProfile(ConfigReader r, ConfigNode root)
    {
        if (r.AsObject(root, "the profile") is not { } obj)
        {
            return null;
        }

        r.CheckKeys(obj, "the profile", "schemaVersion", "kind", "sources", "rows", "unparsedRows", "settings", "columns");
        var kind = r.String(obj, "kind", required: true);
        if (kind is not null && kind != Kind)
        {
            r.Invalid(obj.Find("kind")!.Value, $"'kind' is \"{kind}\"; a profile has \"{Kind}\".");
        }

        var version = r.Integer(obj, "schemaVersion", required: true);
        if (version is not null && version != DatasetProfile.CurrentSchemaVersion)
        {
            r.Report(DiagnosticCatalog.UnsupportedSchemaVersion, obj.Find("schemaVersion")!.Value.Position,
                $"Profile schema version {version} is not supported; this tool reads version {DatasetProfile.CurrentSchemaVersion}.");
        }

        var settings = r.Property<ConfigObject>(obj, "settings", "an object", required: true) is { } s ? ReadSettings(r, s) : null;
        var columns = new List<ColumnProfile>();
        if (r.Property<ConfigArray>(obj, "columns", "an array", required: true) is { } array)
        {
            foreach (var item in array.Items)
            {
                if (r.AsObject(item, "a column") is { } column && ReadColumn(r, column) is { } profile)
                {
                    columns.Add(profile);
                }
            }
        }

        if (r.HasErrors || settings is null)
        {
            return null;
        }

        return new DatasetProfile
        {
            Sources = r.StringArray(obj, "sources", required: true) ?? [],
            Rows = r.Integer(obj, "rows", required: true) ?? 0,
            UnparsedRows = r.Integer(obj, "unparsedRows") ?? 0,
            Settings = settings,
            Columns = columns,
        };
    }

    private static ProfileSettings ReadSettings(ConfigReader r, ConfigObject s)
    {
        r.CheckKeys(s, "settings", "quantilePoints", "histogramBins", "driftBins", "maxCategories", "topTextValues");
        var d = ProfileSettings.Default;
        return new ProfileSettings
        {
            QuantilePoints = (int)(r.Integer(s, "quantilePoints") ?? d.QuantilePoints),
            HistogramBins = (int)(r.Integer(s, "histogramBins") ?? d.HistogramBins),
            DriftBins = (int)(r.Integer(s, "driftBins") ?? d.DriftBins),
            MaxCategories = (int)(r.Integer(s, "maxCategories") ?? d.MaxCategories),
            TopTextValues = (int)(r.Integer(s, "topTextValues") ?? d.TopTextValues),
        };
    }

    private static ColumnProfile? ReadColumn(ConfigReader r, ConfigObject c)
    {
        r.CheckKeys(c, "a column", ColumnKeys);
        var name = r.String(c, "name", required: true);
        var kindText = r.String(c, "kind", required: true);
        if (!ColumnKindText.TryParse(kindText, out var kind) && kindText is not null)
        {
            r.Invalid(c.Find("kind")!.Value, $"Unknown column kind \"{kindText}\".");
        }

        var count = r.Integer(c, "count", required: true) ?? 0;
        var distinct = r.Property<ConfigObject>(c, "distinct", "an object", required: true) is { } d ? ReadDistinct(r, d) : null;
        NumericSummary? numeric = null;
        if (c.Find("quantiles") is not null)
        {
            numeric = new NumericSummary(
                r.Number(c, "min") ?? double.NaN,
                r.Number(c, "max") ?? double.NaN,
                ReadMoments(r, c, count),
                ReadSketch(r, c),
                ReadHistogram(r, c),
                ReadBins(r, c));
        }

        (string, string)? timeRange = null;
        if (r.Property<ConfigObject>(c, "timeRange", "an object", required: false) is { } t)
        {
            r.CheckKeys(t, "timeRange", "min", "max");
            timeRange = (r.String(t, "min", required: true) ?? string.Empty, r.String(t, "max", required: true) ?? string.Empty);
        }

        CategoryCounts? categories = null;
        if (r.Property<ConfigObject>(c, "categories", "an object", required: false) is { } cat)
        {
            categories = ReadCategories(r, cat);
        }

        Moments? length = null;
        if (r.Property<ConfigObject>(c, "length", "an object", required: false) is { } l)
        {
            r.CheckKeys(l, "length", "mean", "variance", "std", "m2");
            length = ReadMoments(r, l, count);
        }

        if (name is null || distinct is null)
        {
            return null;
        }

        return new ColumnProfile
        {
            Name = name,
            Kind = kind,
            SqlType = r.String(c, "sqlType", required: true) ?? "VARCHAR",
            Count = count,
            Missing = r.Integer(c, "missing", required: true) ?? 0,
            Distinct = distinct,
            Numeric = numeric,
            Categories = categories,
            Length = length,
            TimeRange = timeRange,
        };
    }

    private static DistinctSketch? ReadDistinct(ConfigReader r, ConfigObject d)
    {
        r.CheckKeys(d, "distinct", "estimate", "exact", "hash", "registers");
        var estimate = r.Integer(d, "estimate", required: true) ?? 0;
        var exact = r.Boolean(d, "exact", required: true) ?? false;
        var hash = r.String(d, "hash");
        byte[]? registers = null;
        if (r.String(d, "registers") is { } encoded)
        {
            try
            {
                registers = Convert.FromBase64String(encoded);
            }
            catch (FormatException)
            {
                r.Invalid(d.Find("registers")!.Value, "'registers' is not valid base64.");
            }

            if (registers is not null && registers.Length != DistinctSketch.RegisterCount)
            {
                r.Invalid(d.Find("registers")!.Value, $"'registers' must hold {DistinctSketch.RegisterCount} bytes, not {registers.Length}.");
                registers = null;
            }
        }

        return new DistinctSketch(estimate, exact, registers, hash);
    }

    private static Moments ReadMoments(ConfigReader r, ConfigObject o, long count) =>
        count == 0 ? Moments.Empty : new Moments(count, r.Number(o, "mean") ?? 0, r.Number(o, "m2") ?? 0);

    private static QuantileSketch ReadSketch(ConfigReader r, ConfigObject c)
    {
        if (r.Property<ConfigObject>(c, "quantiles", "an object", required: true) is not { } q)
        {
            return QuantileSketch.Empty;
        }

        r.CheckKeys(q, "quantiles", "rankError", "values", "weights");
        var values = r.NumberArray(q, "values", required: true) ?? [];
        var weights = r.IntegerArray(q, "weights", required: true) ?? [];
        if (values.Count != weights.Count)
        {
            r.Invalid(q, $"'values' has {values.Count} items but 'weights' has {weights.Count}.");
            return QuantileSketch.Empty;
        }

        for (var i = 1; i < values.Count; i++)
        {
            if (!(values[i] > values[i - 1]))
            {
                r.Invalid(q, "'values' of a quantile sketch must be ascending and distinct.");
                return QuantileSketch.Empty;
            }
        }

        return new QuantileSketch(values, weights, r.Number(q, "rankError") ?? 0);
    }

    private static Histogram ReadHistogram(ConfigReader r, ConfigObject c)
    {
        if (r.Property<ConfigObject>(c, "histogram", "an object", required: true) is not { } h)
        {
            return Histogram.Empty;
        }

        r.CheckKeys(h, "histogram", "exact", "edges", "counts");
        var edges = r.NumberArray(h, "edges", required: true) ?? [];
        var counts = r.IntegerArray(h, "counts", required: true) ?? [];
        if (counts.Count > 0 && edges.Count != counts.Count + 1)
        {
            r.Invalid(h, $"A histogram needs one more edge than counts; it has {edges.Count} edges and {counts.Count} counts.");
        }

        return new Histogram(edges, counts, r.Boolean(h, "exact") ?? true);
    }

    private static ReferenceBins ReadBins(ConfigReader r, ConfigObject c)
    {
        if (r.Property<ConfigObject>(c, "bins", "an object", required: true) is not { } b)
        {
            return new ReferenceBins([], [0]);
        }

        r.CheckKeys(b, "bins", "exact", "edges", "counts");
        var edges = r.NumberArray(b, "edges", required: true) ?? [];
        var counts = r.IntegerArray(b, "counts", required: true) ?? [];
        if (counts.Count != edges.Count + 1)
        {
            r.Invalid(b, $"Reference bins need one more count than edges; they have {edges.Count} edges and {counts.Count} counts.");
        }

        return new ReferenceBins(edges, counts, r.Boolean(b, "exact") ?? true);
    }

    private static CategoryCounts ReadCategories(ConfigReader r, ConfigObject cat)
    {
        r.CheckKeys(cat, "categories", "complete", "other", "values");
        var values = new List<CategoryCount>();
        if (r.Property<ConfigArray>(cat, "values", "an array", required: true) is { } array)
        {
            foreach (var item in array.Items)
            {
                if (r.AsObject(item, "a category") is { } o)
                {
                    r.CheckKeys(o, "a category", "value", "count");
                    values.Add(new CategoryCount(r.String(o, "value", required: true) ?? string.Empty, r.Integer(o, "count", required: true) ?? 0));
                }
            }
        }

        return new CategoryCounts(values, r.Integer(cat, "other") ?? 0, r.Boolean(cat, "complete") ?? false);
    }
}
