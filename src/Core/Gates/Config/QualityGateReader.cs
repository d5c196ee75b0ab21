using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;
using ModelGates.Quality;

namespace ModelGates.Gates.Config;

/// <summary>Reads a <c>quality</c> gate of modelgates.json; every problem is reported at its line (MG0011-MG0016, MG0185).</summary>
internal static class QualityGateReader
{
    public static QualityGate? Read(ConfigReader r, GatesConfig config, string name, SourcePosition position, ConfigObject o)
    {
        r.CheckKeys(o, $"quality gate '{name}'", [.. ConfigKeys.QualityGate.Accepted]);
        r.String(o, "description");
        var data = GatesConfigReader.DatasetReference(r, config, o, "data");
        var reference = o.Find("reference") is null ? null : GatesConfigReader.DatasetReference(r, config, o, "reference");
        var options = new QualityOptions
        {
            Label = r.String(o, "label"),
            Key = Key(r, o),
            Timestamp = r.String(o, "timestamp"),
            Period = r.String(o, "period") ?? "day",
            MaxRows = (int)(r.Integer(o, "maxRows") ?? 20),
            Seed = (ulong)Math.Max(0, r.Integer(o, "seed") ?? 42),
        };
        if (options.Period is not ("day" or "week" or "month"))
        {
            r.Report(DiagnosticCatalog.InvalidQualityOption, o.Find("period")!.Value.Position, $"'period' must be day, week or month, not '{options.Period}'.");
        }

        if (r.String(o, "maxAge") is { } age)
        {
            if (!QualityDurations.TryParse(age, out var maxAge))
            {
                r.Report(DiagnosticCatalog.InvalidQualityOption, o.Find("maxAge")!.Value.Position, $"'maxAge' must be an age such as 36h, 7d or 2w, not '{age}'.");
            }
            else if (options.Timestamp is null)
            {
                r.Report(DiagnosticCatalog.InvalidQualityOption, o.Find("maxAge")!.Value.Position, $"Quality gate '{name}' has 'maxAge' but no 'timestamp': the column whose newest value must be that recent.");
            }

            options = options with { MaxAge = maxAge };
        }

        var (settings, only) = Checks(r, o);
        options = options with { Checks = settings };
        string? review = null;
        if (r.String(o, "review") is { } file)
        {
            review = config.Resolve(file);
            if (!File.Exists(review))
            {
                r.Report(DiagnosticCatalog.FileNotFound, o.Find("review")!.Value.Position, $"Quality gate '{name}': review decisions '{file}' do not exist (relative to {config.BaseDirectory}).");
            }
        }

        return data is null
            ? null
            : new QualityGate
            {
                Name = name,
                Position = position,
                Severity = GatesConfigReader.GateSeverity(r, o),
                Data = data,
                Reference = reference,
                Options = options,
                Only = only,
                Review = review,
                KeyPositions = o.Properties.ToDictionary(p => p.Name, p => p.NamePosition, StringComparer.Ordinal),
            };
    }

    private static List<string> Key(ConfigReader r, ConfigObject o) => o.Find("key")?.Value switch
    {
        null => [],
        ConfigString s => [s.Value],
        _ => [.. r.StringArray(o, "key") ?? []],
    };

    /// <summary>The <c>checks</c> object: per check id, its severity (or off), maxShare and threshold; <c>only</c> lists the checks to run.</summary>
    private static (Dictionary<string, QualityCheckSettings> Settings, IReadOnlyList<string>? Only) Checks(ConfigReader r, ConfigObject o)
    {
        var settings = new Dictionary<string, QualityCheckSettings>(StringComparer.Ordinal);
        var only = r.StringArray(o, "only");
        foreach (var id in only ?? [])
        {
            if (QualityCheckRegistry.Find(id) is null)
            {
                r.Report(DiagnosticCatalog.InvalidQualityOption, o.Find("only")!.Value.Position, Unknown(id));
            }
        }

        if (r.Property<ConfigObject>(o, "checks", "an object mapping check ids to settings", required: false) is not { } checks)
        {
            return (settings, only);
        }

        foreach (var property in checks.Properties)
        {
            if (QualityCheckRegistry.Find(property.Name) is not { } check)
            {
                r.Report(DiagnosticCatalog.InvalidQualityOption, property.NamePosition, Unknown(property.Name));
                continue;
            }

            if (r.AsObject(property.Value, $"the settings of check '{property.Name}'") is not { } c)
            {
                continue;
            }

            r.CheckKeys(c, $"the settings of check '{property.Name}'", [.. ConfigKeys.QualityCheck.Accepted]);
            var severity = c.Find("severity")?.Value is ConfigString { Value: "off" } ? (Severity?)null : r.SeverityValue(c) ?? check.DefaultSeverity;
            var maxShare = r.Number(c, "maxShare") ?? check.DefaultMaxShare;
            if (maxShare is < 0 or > 1)
            {
                r.Report(DiagnosticCatalog.InvalidQualityOption, c.Find("maxShare")!.Value.Position, $"'maxShare' of check '{property.Name}' must be between 0 and 1, not {maxShare}.");
            }

            settings[property.Name] = new QualityCheckSettings(severity, maxShare, r.Number(c, "threshold") ?? check.DefaultThreshold);
        }

        return (settings, only);
    }

    private static string Unknown(string id) =>
        $"'{id}' is not a quality check.{(DidYouMean.Suggest(id, QualityCheckRegistry.All.Select(c => c.Id)) is { } s ? $" Did you mean '{s}'?" : string.Empty)} The checks: {string.Join(", ", QualityCheckRegistry.All.Select(c => c.Id))}.";
}
