using System.Globalization;
using System.Text;
using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Data.Partitions;

/// <summary>One partition: the files that share the values of every partition key.</summary>
/// <param name="Name">The values as the folders write them, <c>day=2026-11-01/hour=3</c> (keys in ordinal order).</param>
/// <param name="Values">The raw folder value of each key of <see cref="PartitionLayout.Keys"/>, in that order.</param>
/// <param name="Paths">The partition's files, in ordinal order.</param>
internal sealed record Partition(string Name, IReadOnlyList<string> Values, IReadOnlyList<string> Paths);

/// <summary>
/// The partitions of a dataset whose files sit in Hive-style <c>key=value</c> folders: the keys, the type DuckDB gives each
/// partition column (<c>hive_types_autocast</c> over every file of the dataset, asked of DuckDB itself from the paths alone,
/// without opening a file), and the files of each partition. The types are fixed from the whole dataset and passed to
/// every read as <c>hive_types</c>, so that a filter or a single partition never retypes a column. Filters are evaluated
/// by DuckDB on the folder values, so a value compares as the column's values compare once read.
/// </summary>
internal sealed class PartitionLayout
{
    private PartitionLayout(IReadOnlyList<string> keys, IReadOnlyDictionary<string, string> types, IReadOnlyList<Partition> partitions)
    {
        Keys = keys;
        Types = types;
        Partitions = partitions;
    }

    /// <summary>What a read of files without partition folders says to DuckDB (no auto-detection).</summary>
    public const string NoPartitionsOption = ", hive_partitioning = false";

    /// <summary>The partition keys, in ordinal order (the order DuckDB appends the columns).</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The DuckDB type of each partition column.</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    /// <summary>Every partition, ordered by its first file's path.</summary>
    public IReadOnlyList<Partition> Partitions { get; }

    /// <summary>The options that make a DuckDB read add the partition columns with their fixed types.</summary>
    public string ReadOption =>
        ", hive_partitioning = true, hive_types = {" + string.Join(", ", Keys.Select(k => $"{SqlText.Literal(k)}: {SqlText.Literal(Types[k])}")) + "}";

    /// <summary>The layout of <paramref name="paths"/> (sorted), or null when no file sits in a <c>key=value</c> folder.</summary>
    /// <exception cref="DataReadException">Files have different partition keys (MG0152, exit code 3).</exception>
    public static PartitionLayout? Of(DataEngine engine, IReadOnlyList<string> paths)
    {
        var parsed = paths.Select(HivePath.Parse).ToList();
        if (parsed.All(p => p.Count == 0))
        {
            return null;
        }

        var keys = parsed[0].Keys.ToList();
        for (var i = 1; i < parsed.Count; i++)
        {
            if (!parsed[i].Keys.SequenceEqual(keys, StringComparer.Ordinal))
            {
                throw new DataReadException(DiagnosticCatalog.InconsistentPartitions.Create(
                    $"'{PathDisplay.For(paths[0])}' sits in partition folders of {Describe(keys)} but '{PathDisplay.For(paths[i])}' in folders of {Describe(parsed[i].Keys)}; every file of a dataset needs the same key=value folders.")
                    with { File = paths[i] });
            }
        }

        var partitions = new List<Partition>();
        var byValues = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = new List<List<string>>();
        for (var i = 0; i < paths.Count; i++)
        {
            var values = keys.Select(k => parsed[i][k]).ToList();
            var name = string.Join('/', keys.Select((k, j) => k + "=" + values[j]));
            if (!byValues.TryGetValue(name, out var index))
            {
                index = partitions.Count;
                byValues[name] = index;
                partitions.Add(new Partition(name, values, []));
                files.Add([]);
            }

            files[index].Add(paths[i]);
        }

        return new PartitionLayout(keys, TypesOf(engine, paths, keys), partitions.Select((p, i) => p with { Paths = files[i] }).ToList());
    }

    /// <summary>The partitions <paramref name="filter"/> keeps, in layout order.</summary>
    /// <exception cref="ConfigurationException">A condition names an unknown key (MG0150) or a value of the wrong type (MG0151).</exception>
    public IReadOnlyList<Partition> Select(DataEngine engine, PartitionFilter filter, string dataset)
    {
        var problems = Check(engine, filter, dataset);
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        var columns = string.Join(", ", Keys.Select((_, j) => $"k{j}"));
        var rows = string.Join(", ", Partitions.Select((p, i) => $"({i}, {string.Join(", ", p.Values.Select(SqlText.Literal))})"));
        var where = string.Join(" AND ", filter.Conditions.Select(Condition));
        var kept = engine.Query($"SELECT i FROM (VALUES {rows}) AS p(i, {columns}) WHERE {where} ORDER BY i", r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture));
        return kept.Select(i => Partitions[i]).ToList();
    }

    /// <summary>Every problem of <paramref name="filter"/> against these partitions, each at the condition's origin.</summary>
    public IReadOnlyList<Diagnostic> Check(DataEngine engine, PartitionFilter filter, string dataset)
    {
        var problems = new List<Diagnostic>();
        var typed = new List<(PartitionCondition Condition, string Key, string Value)>();
        foreach (var condition in filter.Conditions)
        {
            if (KeyOf(condition.Key) is not { } key)
            {
                var suggestion = DidYouMean.Suggest(condition.Key, Keys);
                problems.Add(At(condition, DiagnosticCatalog.UnknownPartitionKey.Create(
                    $"'{condition.Key}' is not a partition key of '{PathDisplay.For(dataset)}', whose folders have {Describe(Keys)}.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")} ({condition.Origin.Description})")));
                continue;
            }

            if (Types[key] != "VARCHAR")
            {
                typed.AddRange(condition.Values.Select(v => (condition, key, v)));
            }
        }

        if (typed.Count > 0)
        {
            var row = engine.Row("SELECT " + string.Join(", ", typed.Select(t => $"TRY_CAST({SqlText.Literal(t.Value)} AS {Types[t.Key]}) IS NULL")));
            for (var i = 0; i < typed.Count; i++)
            {
                if (row[i] is true)
                {
                    var (condition, key, value) = typed[i];
                    var example = Partitions[0].Values[Keys.ToList().IndexOf(key)];
                    problems.Add(At(condition, DiagnosticCatalog.InvalidPartitionFilter.Create(
                        $"'{value}' is not a {Types[key]} value, the type of partition column '{key}' (its folders read like {key}={example}). ({condition.Origin.Description})")));
                }
            }
        }

        return problems;
    }

    /// <summary>The key of this layout a condition names: exactly, else ignoring case as DuckDB's column names do.</summary>
    private string? KeyOf(string name) =>
        Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.Ordinal))
        ?? Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    private string Condition(PartitionCondition condition)
    {
        var key = KeyOf(condition.Key)!;
        var column = Typed($"k{Keys.ToList().IndexOf(key)}", Types[key]);
        string Value(string v) => Types[key] == "VARCHAR" ? SqlText.Literal(v) : $"TRY_CAST({SqlText.Literal(v)} AS {Types[key]})";
        return condition.Operator == PartitionOperator.In
            ? $"{column} IN ({string.Join(", ", condition.Values.Select(Value))})"
            : $"{column} {condition.Symbol} {Value(condition.Values[0])}";
    }

    /// <summary>A folder value as DuckDB reads it into the partition column: <c>NULL</c> (any case) is missing, and so is an empty value of a non-text column; the rest is URL-unescaped and cast.</summary>
    private static string Typed(string raw, string type) => type == "VARCHAR"
        ? $"CASE WHEN lower({raw}) = 'null' THEN NULL ELSE url_decode({raw}) END"
        : $"CASE WHEN lower({raw}) = 'null' OR {raw} = '' THEN NULL ELSE TRY_CAST(url_decode({raw}) AS {type}) END";

    /// <summary>
    /// DuckDB's own typing of the partition columns: a CSV read that declares one column and sniffs nothing binds from the
    /// paths alone, and <c>hive_types_autocast</c> types each key over every path.
    /// </summary>
    private static Dictionary<string, string> TypesOf(DataEngine engine, IReadOnlyList<string> paths, IReadOnlyList<string> keys)
    {
        const string Placeholder = "__mg_no_column";
        var described = engine.Query(
            $"DESCRIBE SELECT * FROM read_csv({SqlText.List(paths)}, columns = {{{SqlText.Literal(Placeholder)}: 'VARCHAR'}}, auto_detect = false, header = false, hive_partitioning = true)",
            r => (Name: r.GetString(0), Type: r.GetString(1)));
        var types = described.Where(d => d.Name != Placeholder).ToDictionary(d => d.Name, d => d.Type, StringComparer.OrdinalIgnoreCase);
        return keys.ToDictionary(k => k, k => types.GetValueOrDefault(k, "VARCHAR"), StringComparer.Ordinal);
    }

    private static Diagnostic At(PartitionCondition condition, Diagnostic diagnostic) =>
        diagnostic with { File = condition.Origin.File, Line = condition.Origin.Line, SourceColumn = condition.Origin.Column };

    private static string Describe(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        return list.Count == 0 ? "no keys" : new StringBuilder().AppendJoin(", ", list).ToString();
    }
}
