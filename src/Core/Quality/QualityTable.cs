using System.Globalization;
using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Diagnostics;
using ModelGates.Quality.Integrity;

namespace ModelGates.Quality;

/// <summary>
/// A dataset read as text for the quality checks, with the roles of its columns: the key columns (names of rows,
/// never compared), the label, and the features (every other column, in file order). Opening it checks the bad
/// inputs that make every check meaningless: a missing label or key column (MG0180, MG0184), a label with one class
/// (MG0181), a column with no value (MG0182), a key that occurs twice (MG0183).
/// <para>
/// A plain CSV file checked only for duplicates, conflicting labels and leakage needs no table: it is read in one pass
/// over its bytes (<see cref="OpenDirect"/>), which hashes its rows and counts its values, and candidate rows' values
/// are fetched again from their lines. Such a table has no DuckDB table behind it.
/// </para>
/// </summary>
internal sealed class QualityTable
{
    private string[]? keys;

    private QualityTable(DataEngine engine, LoadedDataset dataset, QualityOptions options)
    {
        Engine = engine;
        Dataset = dataset;
        Columns = [.. dataset.Columns.Select(c => c.Name)];
        Key = options.Key;
        Label = options.Label;
        Features = [.. Columns.Where(c => !Key.Contains(c, StringComparer.Ordinal) && !string.Equals(c, Label, StringComparison.Ordinal))];
    }

    /// <summary>The file and its row pass when the table was read directly (<see cref="OpenDirect"/>), else null.</summary>
    internal (CsvTextFile File, DirectRows Rows)? Direct { get; private init; }

    /// <summary>The engine the table lives in.</summary>
    public DataEngine Engine { get; }

    /// <summary>The table, read with every column as text.</summary>
    public LoadedDataset Dataset { get; }

    /// <summary>The quoted table name.</summary>
    public string Table => Dataset.Table;

    /// <summary>Every column in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The key columns.</summary>
    public IReadOnlyList<string> Key { get; }

    /// <summary>The label column, or null.</summary>
    public string? Label { get; }

    /// <summary>The feature columns: neither key nor label.</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>The rows.</summary>
    public long Rows => Dataset.Rows;

    /// <summary>The file shown in diagnostics.</summary>
    public string Display => PathDisplay.For(Dataset.Source.Path);

    /// <summary>Opens the data side: every role's column must exist, and the bad inputs are refused.</summary>
    /// <exception cref="ConfigurationException">A label or key column is missing (exit code 2).</exception>
    /// <exception cref="DataReadException">One label class, an all-missing column, a duplicate key (exit code 3).</exception>
    public static QualityTable Open(DataEngine engine, LoadedDataset dataset, QualityOptions options)
    {
        var table = new QualityTable(engine, dataset, options);
        table.RequireColumns(options);
        table.RefuseAllMissing();
        table.RefuseSingleClassLabel();
        table.RefuseDuplicateKeys();
        return table;
    }

    /// <summary>
    /// Opens the data side of a plain CSV file read directly, refusing the same bad inputs as <see cref="Open"/>; null
    /// when the row pass declines the file (the caller then loads it). Key columns are the table path's.
    /// </summary>
    /// <exception cref="ConfigurationException">A label or key column is missing (exit code 2).</exception>
    /// <exception cref="DataReadException">One label class or an all-missing column (exit code 3).</exception>
    internal static QualityTable? OpenDirect(DataEngine engine, CsvTextFile file, QualityOptions options)
    {
        var names = new QualityTable(engine, file.Describe(0), options);
        names.RequireColumns(options);
        var label = options.Label is null ? -1 : names.IndexOf(options.Label);
        if (names.Key.Count > 0 || DirectRowPass.Read(file, [.. names.Features.Select(names.IndexOf)], label) is not { } rows)
        {
            return null;
        }

        var table = new QualityTable(engine, file.Describe(rows.Rows), options) { Direct = (file, rows) };
        table.RefuseAllMissing();
        table.RefuseSingleClassLabel();
        return table;
    }

    /// <summary>Opens the reference side of a plain CSV file read directly (as <see cref="OpenReference"/>); null when the row pass declines it.</summary>
    /// <exception cref="DataReadException">The reference lacks a feature of the data (MG0187).</exception>
    internal static QualityTable? OpenDirectReference(DataEngine engine, CsvTextFile file, QualityTable data)
    {
        var described = file.Describe(0);
        RequireFeatures(described, data);
        var columns = file.Columns.ToList();
        if (data.Key.Any(columns.Contains) || DirectRowPass.Read(file, [.. data.Features.Select(f => columns.IndexOf(f))], -1) is not { } rows)
        {
            return null;
        }

        return new QualityTable(engine, file.Describe(rows.Rows), ReferenceOptions(file.Describe(rows.Rows), data)) { Direct = (file, rows) };
    }

    /// <summary>Opens the reference side: it must hold every feature of <paramref name="data"/> (MG0187).</summary>
    public static QualityTable OpenReference(DataEngine engine, LoadedDataset dataset, QualityTable data)
    {
        RequireFeatures(dataset, data);
        return new QualityTable(engine, dataset, ReferenceOptions(dataset, data));
    }

    private static QualityOptions ReferenceOptions(LoadedDataset dataset, QualityTable data)
    {
        var names = dataset.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return new QualityOptions { Key = [.. data.Key.Where(names.Contains)], Label = data.Label is not null && names.Contains(data.Label) ? data.Label : null };
    }

    private static void RequireFeatures(LoadedDataset dataset, QualityTable data)
    {
        var names = dataset.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var missing = data.Features.Where(f => !names.Contains(f)).ToList();
        if (missing.Count > 0)
        {
            throw new DataReadException(DiagnosticCatalog.QualityReferenceMismatch.Create(
                $"The reference '{PathDisplay.For(dataset.Source.Path)}' lacks column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} of the data; leakage compares every feature.") with
            { File = dataset.Source.Path });
        }
    }

    /// <summary>The name of a row for users: its key columns' values joined by <c>|</c>, or its line number in the file.</summary>
    public string KeyOf(long row)
    {
        if (Key.Count == 0)
        {
            // Of several files, the file's name goes first: line numbers repeat across files.
            var example = Dataset.Locator.Example(row, null);
            var line = (example.Line ?? example.Row).ToString(CultureInfo.InvariantCulture);
            return example.File is { } file ? $"{Path.GetFileName(file)}:{line}" : line;
        }

        keys ??= ReadKeys();
        return keys[row];
    }

    /// <summary>The position of a column in file order, or -1.</summary>
    public int IndexOf(string column) => Columns.ToList().IndexOf(column);

    /// <summary>The SQL text of a column's value (NULL stays NULL).</summary>
    public static string Text(string column) => $"CAST({SqlText.Identifier(column)} AS VARCHAR)";

    private string[] ReadKeys()
    {
        var expression = string.Join(" || '|' || ", Key.Select(k => $"coalesce({Text(k)}, '')"));
        var values = new string[Rows];
        var i = 0;
        Engine.Query($"SELECT {expression} FROM {Table} ORDER BY rowid", r => values[i++] = r.GetString(0));
        return values;
    }

    private void RequireColumns(QualityOptions options)
    {
        if (options.Label is { } label && !Columns.Contains(label, StringComparer.Ordinal))
        {
            throw new ConfigurationException(DiagnosticCatalog.QualityLabelMissing.Create(
                $"The label column '{label}' is not in '{Display}'.{Suggest(label)}") with { File = Dataset.Source.Path, Column = label });
        }

        foreach (var column in options.Key.Concat(options.Timestamp is null ? [] : [options.Timestamp]).Where(c => !Columns.Contains(c, StringComparer.Ordinal)))
        {
            throw new ConfigurationException(DiagnosticCatalog.QualityColumnMissing.Create(
                $"The column '{column}' is not in '{Display}'.{Suggest(column)}") with { File = Dataset.Source.Path, Column = column });
        }
    }

    private string Suggest(string name) => DidYouMean.Suggest(name, Columns) is { } s ? $" Did you mean '{s}'?" : $" Its columns: {string.Join(", ", Columns)}.";

    private void RefuseAllMissing()
    {
        if (Rows == 0)
        {
            return;
        }

        var counts = Direct is { } direct
            ? direct.Rows.NonMissing
            : [.. Engine.Row($"SELECT {string.Join(", ", Columns.Select(c => $"count({SqlText.Identifier(c)})"))} FROM {Table}").Select(c => SqlValue.ToInt64(c!))];
        for (var i = 0; i < Columns.Count; i++)
        {
            if (counts[i] == 0)
            {
                throw new DataReadException(DiagnosticCatalog.QualityAllMissingColumn.Create(
                    $"Column '{Columns[i]}' of '{Display}' has no value in any of its {Rows} rows; drop it or fix the export.") with { File = Dataset.Source.Path, Column = Columns[i] });
            }
        }
    }

    private void RefuseSingleClassLabel()
    {
        if (Label is null || Rows == 0)
        {
            return;
        }

        var classes = Direct is { } direct
            ? [.. direct.Rows.Hashes.Labels!.OfType<string>().Distinct(StringComparer.Ordinal).Take(2)]
            : Engine.Query($"SELECT DISTINCT {Text(Label)} FROM {Table} WHERE {SqlText.Identifier(Label)} IS NOT NULL ORDER BY 1 LIMIT 2", r => r.GetString(0));
        if (classes.Count < 2)
        {
            throw new DataReadException(DiagnosticCatalog.QualitySingleClassLabel.Create(
                $"The label '{Label}' of '{Display}' has one class ('{classes.FirstOrDefault()}'); conflicting labels and label checks need at least two.") with { File = Dataset.Source.Path, Column = Label });
        }
    }

    private void RefuseDuplicateKeys()
    {
        if (Key.Count == 0)
        {
            return;
        }

        var columns = string.Join(", ", Key.Select(SqlText.Identifier));
        var duplicate = Engine.Query(
            $"SELECT min(rowid), max(rowid), count(*) FROM (SELECT rowid, {columns} FROM {Table}) GROUP BY {columns} HAVING count(*) > 1 ORDER BY min(rowid) LIMIT 1",
            r => (First: SqlValue.ToInt64(r.GetValue(0)), Second: SqlValue.ToInt64(r.GetValue(1)), Count: SqlValue.ToInt64(r.GetValue(2))));
        if (duplicate.Count > 0)
        {
            var (first, second, count) = duplicate[0];
            var at = Dataset.Locator.Example(second, null);
            throw new DataReadException(DiagnosticCatalog.QualityDuplicateKey.Create(
                $"The key {string.Join(", ", Key.Select(k => $"'{k}'"))} does not identify rows: '{KeyOf(first)}' occurs {count} times (first at line {Dataset.Locator.Example(first, null).Line?.ToString(CultureInfo.InvariantCulture) ?? "?"}).") with
            { File = at.File ?? Dataset.Source.Path, Line = (int?)at.Line, Column = Key[0] });
        }
    }
}
