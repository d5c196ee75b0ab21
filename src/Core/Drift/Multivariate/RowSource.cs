using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Inputs;

namespace ModelGates.Drift.Multivariate;

/// <summary>One side of a comparison as the multivariate checks read it: its columns, its row count, and how to draw a seeded row sample.</summary>
internal sealed class RowSource
{
    private readonly Func<IReadOnlyList<(string Name, bool Numeric)>, int, ulong, SampledRows> draw;

    private RowSource(IReadOnlyList<DatasetColumn> columns, long rows, Func<IReadOnlyList<(string Name, bool Numeric)>, int, ulong, SampledRows> draw)
    {
        Columns = columns;
        Rows = rows;
        this.draw = draw;
    }

    /// <summary>The columns with their types.</summary>
    public IReadOnlyList<DatasetColumn> Columns { get; }

    /// <summary>Rows of the side.</summary>
    public long Rows { get; }

    /// <summary>The column of that name, or null.</summary>
    public DatasetColumn? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>At most <paramref name="maxRows"/> rows, the same positions whichever way the side was read.</summary>
    public SampledRows Draw(IReadOnlyList<(string Name, bool Numeric)> columns, int maxRows, ulong seed) => draw(columns, maxRows, seed);

    /// <summary>A table in the engine.</summary>
    public static RowSource Of(DataEngine engine, LoadedDataset table) =>
        new(table.Columns, table.Rows, (c, n, s) => SampledRows.Draw(engine, table, c, n, s));

    /// <summary>
    /// A plain CSV file read directly, sampled by its lines only, never through a table (so it may run beside the
    /// column checks, which use the engine): a draw that the lines cannot serve throws <see cref="LinesDeclinedException"/>.
    /// </summary>
    public static RowSource OfLines(DirectCsvData direct) => new(
        [.. direct.Columns.Select(c => c.Column)],
        direct.Rows,
        (c, n, s) => SampledLines.TryDraw(direct, c, n, s) ?? throw new LinesDeclinedException());

    /// <summary>A side read by the input pipeline: a plain CSV file read directly is sampled by its lines; otherwise its table.</summary>
    public static RowSource Of(ColumnInput input) => input.Direct is { } direct
        ? new(
            [.. direct.Columns.Select(c => c.Column)],
            direct.Rows,
            (c, n, s) => SampledLines.TryDraw(direct, c, n, s) ?? SampledRows.Draw(input.Engine, input.Table, c, n, s))
        : Of(input.Engine, input.Table);
}

/// <summary>The lines of a file could not stand for its records (<see cref="RowSource.OfLines"/>); its table must be sampled instead.</summary>
internal sealed class LinesDeclinedException : Exception;
