using System.Globalization;
using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Data.Partitions;
using ModelGates.Diagnostics;

namespace ModelGates.Gates.Config;

/// <summary>
/// Reads the <c>partitions</c> object of a dataset or a gate in modelgates.json (docs/config.md#partitioned-data) and
/// checks it against the dataset's folders, each problem at the line of its condition: a key the folders do not have
/// (MG0150), a malformed condition or a value that is not of the partition column's type (MG0151).
/// </summary>
internal static class PartitionFilterReader
{
    /// <summary>The filter written under <paramref name="key"/> of <paramref name="o"/>, or null when there is none (or it is wrong, reported).</summary>
    public static PartitionFilter? Read(ConfigReader r, GatesConfig config, ConfigObject o, string key, string owner)
    {
        if (r.Property<ConfigObject>(o, key, "an object mapping partition keys to conditions", required: false) is not { } section)
        {
            return null;
        }

        var conditions = new List<PartitionCondition>();
        var ok = true;
        foreach (var property in section.Properties)
        {
            PartitionOrigin Origin(ConfigNode node) => new($"'{key}' of {owner}", config.File, node.Position.Line, node.Position.Column);
            try
            {
                conditions.AddRange(Conditions(property.Name, property.Value, Origin));
            }
            catch (ConfigurationException e)
            {
                ok = false;
                foreach (var d in e.Diagnostics)
                {
                    r.Report(DiagnosticCatalog.Find(d.Code)!, new SourcePosition(d.Line ?? property.NamePosition.Line, d.SourceColumn ?? property.NamePosition.Column), d.Message);
                }
            }
        }

        if (conditions.Count == 0 && ok)
        {
            r.Report(DiagnosticCatalog.InvalidPartitionFilter, section.Position, $"'{key}' of {owner} is empty; name a partition key and a condition, e.g. {{ \"day\": \">= 2026-11-01\" }}.");
        }

        return ok && conditions.Count > 0 ? new PartitionFilter(conditions) : null;
    }

    /// <summary>Checks <paramref name="filter"/> against the partitions of the data at <paramref name="path"/>; data that cannot be listed is left to the read to report.</summary>
    public static void Check(ConfigReader r, string? path, PartitionFilter? filter)
    {
        if (filter is null || path is null)
        {
            return;
        }

        using var engine = new DataEngine();
        List<Diagnostic> problems;
        try
        {
            var layout = DataFileResolver.ResolvePartitions(engine, new DatasetSource(path)).Layout;
            if (layout is null)
            {
                PartitionSelection.Select(engine, new DatasetSource(path), null, filter);
            }

            problems = [.. layout!.Check(engine, filter, path)];
        }
        catch (ConfigurationException e)
        {
            problems = [.. e.Diagnostics];
        }
        catch (DataReadException)
        {
            return;
        }

        foreach (var d in problems)
        {
            r.Report(DiagnosticCatalog.Find(d.Code)!, new SourcePosition(d.Line ?? 1, d.SourceColumn ?? 1), d.Message);
        }
    }

    private static IEnumerable<PartitionCondition> Conditions(string key, ConfigNode value, Func<ConfigNode, PartitionOrigin> origin)
    {
        switch (value)
        {
            case ConfigString s:
                return [PartitionFilter.ParseComparison(key, s.Value, origin(s))];
            case ConfigNumber or ConfigBoolean:
                return [new PartitionCondition(key, PartitionOperator.Equal, [Scalar(value)!], origin(value))];
            case ConfigArray { Items.Count: > 0 } array:
                var items = array.Items.Select(i => (Node: i, Text: Scalar(i))).ToList();
                if (items.FirstOrDefault(i => i.Text is null) is { Node: { } bad })
                {
                    throw PartitionFilter.Invalid(origin(bad), $"The list of partition '{key}' may hold strings and numbers, not {bad.TypeName}.");
                }

                var comparisons = items.Count(i => PartitionCondition.ReadOperator(i.Text!.TrimStart()) is not null);
                if (comparisons == items.Count)
                {
                    // A list of comparisons must all hold: [">= 2026-11-01", "< 2026-12-01"].
                    return items.Select(i => PartitionFilter.ParseComparison(key, i.Text!, origin(i.Node))).ToList();
                }

                if (comparisons > 0)
                {
                    throw PartitionFilter.Invalid(origin(array), $"The list of partition '{key}' mixes values and comparisons; a list of values means 'one of' ([\"eu\", \"us\"]), a list of comparisons means 'all of' ([\">= 2026-11-01\", \"< 2026-12-01\"]).");
                }

                return [new PartitionCondition(key, PartitionOperator.In, items.Select(i => i.Text!.Trim()).ToList(), origin(array))];
            default:
                throw PartitionFilter.Invalid(origin(value), $"The condition on partition '{key}' must be a string such as \">= 2026-11-01\", a number, or a list, not {value.TypeName}.");
        }
    }

    private static string? Scalar(ConfigNode node) => node switch
    {
        ConfigString s => s.Value,
        ConfigNumber { IsInteger: true } n => ((long)n.Value).ToString(CultureInfo.InvariantCulture),
        ConfigNumber n => n.Value.ToString("R", CultureInfo.InvariantCulture),
        ConfigBoolean b => b.Value ? "true" : "false",
        _ => null,
    };
}
