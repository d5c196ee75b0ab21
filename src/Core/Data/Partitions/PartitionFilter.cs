using System.Text.RegularExpressions;
using ModelGates.Diagnostics;

namespace ModelGates.Data.Partitions;

/// <summary>
/// Which partitions of a partitioned dataset (Hive-style <c>key=value</c> folders) to read: conditions that must all
/// hold, each comparing one partition key with values typed like that partition column (docs/config.md#partitioned-data).
/// The files of the other partitions are not read at all.
/// </summary>
public sealed partial class PartitionFilter : IEquatable<PartitionFilter>
{
    internal PartitionFilter(IReadOnlyList<PartitionCondition> conditions)
    {
        Conditions = conditions;
    }

    /// <summary>The conditions, all of which must hold.</summary>
    internal IReadOnlyList<PartitionCondition> Conditions { get; }

    /// <summary>
    /// Reads conditions in the command line's spelling: <c>key OP value</c> with OP one of <c>=</c>, <c>!=</c>, <c>&lt;</c>,
    /// <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> (<c>day&gt;=2026-11-01</c>), or <c>key in (v1, v2)</c>.
    /// </summary>
    /// <exception cref="ConfigurationException">A condition is malformed (MG0151, exit code 2).</exception>
    public static PartitionFilter Parse(IEnumerable<string> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return new PartitionFilter(conditions.Select(c => ParseOne(c, new PartitionOrigin("--partition"))).ToList());
    }

    /// <summary>Both filters' conditions (either may be null); null when both are.</summary>
    public static PartitionFilter? And(PartitionFilter? first, PartitionFilter? second) =>
        first is null ? second : second is null ? first : new PartitionFilter([.. first.Conditions, .. second.Conditions]);

    /// <summary>The conditions in the command line's spelling, joined by <c>and</c>.</summary>
    public override string ToString() => string.Join(" and ", Conditions.Select(c => c.Text));

    /// <inheritdoc />
    public bool Equals(PartitionFilter? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PartitionFilter);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>One condition of the command line's spelling.</summary>
    internal static PartitionCondition ParseOne(string text, PartitionOrigin origin)
    {
        if (InList().Match(text) is { Success: true } list)
        {
            var values = list.Groups["values"].Value.Split(',').Select(v => v.Trim()).ToList();
            if (values.Any(v => v.Length == 0))
            {
                throw Invalid(origin, $"'{text.Trim()}' has an empty value in its list; write 'key in (a, b)'.");
            }

            return new PartitionCondition(list.Groups["key"].Value, PartitionOperator.In, values, origin);
        }

        var at = text.IndexOfAny(['=', '<', '>', '!']);
        var key = at < 0 ? string.Empty : text[..at].Trim();
        if (key.Length == 0)
        {
            throw Invalid(origin, $"'{text.Trim()}' is not a partition condition; write key=value, key>=value (=, !=, <, <=, >, >=) or 'key in (a, b)'.");
        }

        return ParseComparison(key, text[at..], origin);
    }

    /// <summary>A comparison written as the value of a key: <c>&gt;= 2026-11-01</c>, or a bare value meaning <c>=</c>.</summary>
    internal static PartitionCondition ParseComparison(string key, string text, PartitionOrigin origin)
    {
        var trimmed = text.Trim();
        var op = PartitionCondition.ReadOperator(trimmed);
        var value = (op is { } o ? trimmed[o.Length..] : trimmed).Trim();
        if (value.Length == 0 || PartitionCondition.ReadOperator(value) is not null)
        {
            throw Invalid(origin, $"The condition on partition '{key}' ('{trimmed}') has no value; write e.g. '>= 2026-11-01' (operators =, !=, <, <=, >, >=).");
        }

        return new PartitionCondition(key, op?.Operator ?? PartitionOperator.Equal, [value], origin);
    }

    /// <summary>A malformed condition (MG0151) at its origin.</summary>
    internal static ConfigurationException Invalid(PartitionOrigin origin, string message) =>
        new(DiagnosticCatalog.InvalidPartitionFilter.Create($"{message} ({origin.Description})") with { File = origin.File, Line = origin.Line, SourceColumn = origin.Column });

    [GeneratedRegex(@"^\s*(?<key>[^\s=<>!()]+)\s+in\s*\((?<values>.*)\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InList();
}
