using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Quality.Features;

/// <summary>
/// The columns a quality detector reads, in data row order: built from plain arrays, or read from a dataset the
/// input pipeline loaded (<see cref="Inputs.TableInput"/>, <see cref="Inputs.ColumnInput.Table"/>).
/// </summary>
internal sealed class FeatureTable
{
    /// <summary>Creates a table; every column must have <paramref name="rows"/> values.</summary>
    public FeatureTable(int rows, IReadOnlyList<FeatureColumn> columns, string? source = null)
    {
        if (columns.Any(c => c.Length != rows))
        {
            throw new ArgumentException("Every column must have one value per row.", nameof(columns));
        }

        Rows = rows;
        Columns = columns;
        Source = source;
    }

    /// <summary>The number of data rows.</summary>
    public int Rows { get; }

    /// <summary>The columns, in data order.</summary>
    public IReadOnlyList<FeatureColumn> Columns { get; }

    /// <summary>The data's path as the user gave it, for messages; null for arrays.</summary>
    public string? Source { get; }

    /// <summary>The column of that name (ordinal), or MG2156 naming the columns there are (exit code 3).</summary>
    public FeatureColumn Require(string name, string role)
    {
        if (Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal)) is { } found)
        {
            return found;
        }

        var suggestion = DidYouMean.Suggest(name, Columns.Select(c => c.Name));
        throw new DataReadException(DiagnosticCatalog.DetectorColumnMissing.Create(
            $"The {role} column '{name}' is not in '{Source ?? "the data"}' (columns: {string.Join(", ", Columns.Select(c => c.Name))}).{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}")
            with { File = Source, Column = name });
    }

    /// <summary>
    /// Reads the columns of a loaded dataset in table order: numeric SQL types as numbers, every other type as text.
    /// </summary>
    /// <param name="engine">The engine holding the table.</param>
    /// <param name="data">The dataset.</param>
    /// <param name="columns">The columns to read, or null for all.</param>
    public static FeatureTable Read(DataEngine engine, LoadedDataset data, IReadOnlyList<string>? columns = null)
    {
        var wanted = columns?.Select(name => data.Find(name) ?? throw new DataReadException(DiagnosticCatalog.DetectorColumnMissing.Create(
            $"The column '{name}' is not in '{data.Source.Path}' (columns: {string.Join(", ", data.Columns.Select(c => c.Name))}).") with { File = data.Source.Path, Column = name }))
            .ToList() ?? [.. data.Columns];
        var rows = checked((int)data.Rows);
        var read = new List<FeatureColumn>();
        foreach (var column in wanted)
        {
            var x = SqlText.Identifier(column.Name);
            if (column.TypeKind == ColumnKind.Numeric)
            {
                var values = new double[rows];
                var i = 0;
                engine.Query($"SELECT CAST({x} AS DOUBLE) FROM {data.Table}", r => values[i++] = r.IsDBNull(0) ? double.NaN : r.GetDouble(0));
                read.Add(FeatureColumn.Numeric(column.Name, values));
            }
            else
            {
                var values = new string?[rows];
                var i = 0;
                engine.Query($"SELECT CAST({x} AS VARCHAR) FROM {data.Table}", r => values[i++] = r.IsDBNull(0) ? null : r.GetString(0));
                read.Add(FeatureColumn.Categorical(column.Name, values));
            }
        }

        return new FeatureTable(rows, read, data.Source.Path);
    }
}
