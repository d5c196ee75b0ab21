using System.Data.Common;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Models.Evaluation.Scoring;

/// <summary>
/// Builds the rows a model scores from a loaded dataset: each column of the model's input schema is taken
/// from the data column of the same name and converted, in SQL, to the type the schema declares (numbers to
/// Single or Double with missing values as NaN, anything to text, text or 0/1 to Boolean, ...). A value that
/// cannot be converted is an MG4013 naming the column and the value, never an ML.NET exception later.
/// </summary>
internal static class ModelInputBuilder
{
    /// <summary>The converted input columns that the data has, and the input-schema columns it lacks.</summary>
    /// <remarks>
    /// Text inputs are read from <paramref name="text"/>, the rows as written: DuckDB's sniffer reads a yes/no
    /// column as BOOLEAN, and its text form "true" would miss every category the model learned.
    /// </remarks>
    public static (ColumnarDataView View, IReadOnlyList<DataViewSchema.Column> Missing) Build(DataEngine engine, LoadedDataset data, LoadedDataset text, DataViewSchema inputSchema, string modelPath)
    {
        if (text.Rows != data.Rows)
        {
            throw Mismatch(modelPath, $"'{data.Source.Path}' gives {data.Rows} rows read typed and {text.Rows} read as text; fix the unparsed rows first.");
        }

        var plans = new List<ColumnPlan>();
        var missing = new List<DataViewSchema.Column>();
        foreach (var column in inputSchema.Where(c => !c.IsHidden))
        {
            var plan = Plan(data, column, modelPath);
            if (plan is null)
            {
                missing.Add(column);
            }
            else
            {
                plans.Add(plan);
            }
        }

        var typed = plans.Where(p => p.Target != InputTarget.Text).ToList();
        var texts = plans.Where(p => p.Target == InputTarget.Text).Select(p => p with { Sources = [.. p.Sources.Select(s => text.Find(s.Name)!)] }).ToList();
        CheckConversions(engine, data, typed, modelPath);
        var byName = Read(engine, data, typed).Concat(Read(engine, text, texts)).ToDictionary(v => v.Name, StringComparer.Ordinal);
        var values = plans.Select(p => byName[p.Column.Name]).ToList();
        return (new ColumnarDataView(values, data.Rows), missing);
    }

    /// <summary>How one input column is made from the data, or null when the data lacks a source column.</summary>
    private static ColumnPlan? Plan(LoadedDataset data, DataViewSchema.Column column, string modelPath)
    {
        var itemType = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
        var target = TargetOf(itemType) ?? throw Mismatch(modelPath,
            $"The model's input column '{column.Name}' has type {column.Type}, which ModelGates cannot build from a data column (supported: Single, Double, integers, Boolean, String, DateTime, and fixed-size vectors of them with slot names).");

        if (column.Type is VectorDataViewType vectorType)
        {
            if (data.Find(column.Name) is not null)
            {
                throw Mismatch(modelPath, $"The model's input column '{column.Name}' is a vector ({column.Type}); ModelGates fills vectors slot by slot from data columns named after the slots, not from one column '{column.Name}'.");
            }

            var slotNames = SlotNames(column);
            if (!vectorType.IsKnownSize || slotNames is null || slotNames.Count != vectorType.Size)
            {
                throw Mismatch(modelPath, $"The model's input column '{column.Name}' is a vector ({column.Type}) without slot names, so its slots cannot be matched to data columns by name.");
            }

            var sources = slotNames.Select(n => data.Find(n)).ToList();
            if (sources.Any(s => s is null))
            {
                return null;
            }

            return new ColumnPlan(column, target, [.. sources.Select(s => s!)]);
        }

        return data.Find(column.Name) is { } source ? new ColumnPlan(column, target, [source]) : null;
    }

    private static IReadOnlyList<string>? SlotNames(DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull("SlotNames") is null)
        {
            return null;
        }

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.Annotations.GetValue("SlotNames", ref names);
        return names.DenseValues().Select(n => n.ToString()).ToList();
    }

    private static InputTarget? TargetOf(DataViewType type) => type switch
    {
        _ when type == NumberDataViewType.Single => InputTarget.Single,
        _ when type == NumberDataViewType.Double => InputTarget.Double,
        _ when type == NumberDataViewType.SByte => InputTarget.SByte,
        _ when type == NumberDataViewType.Byte => InputTarget.Byte,
        _ when type == NumberDataViewType.Int16 => InputTarget.Int16,
        _ when type == NumberDataViewType.UInt16 => InputTarget.UInt16,
        _ when type == NumberDataViewType.Int32 => InputTarget.Int32,
        _ when type == NumberDataViewType.UInt32 => InputTarget.UInt32,
        _ when type == NumberDataViewType.Int64 => InputTarget.Int64,
        _ when type == NumberDataViewType.UInt64 => InputTarget.UInt64,
        TextDataViewType => InputTarget.Text,
        BooleanDataViewType => InputTarget.Boolean,
        DateTimeDataViewType => InputTarget.DateTime,
        _ => null,
    };

    /// <summary>Counts, per source column, the values that do not convert; the first failure is an MG4013 with an example.</summary>
    private static void CheckConversions(DataEngine engine, LoadedDataset data, List<ColumnPlan> plans, string modelPath)
    {
        var checks = plans.SelectMany(p => p.Sources.Select(s => (Plan: p, Source: s, Failure: ConversionFailure(p.Target, s)))).ToList();
        foreach (var check in checks.Where(c => c.Failure.Sql is null))
        {
            throw Mismatch(modelPath, $"Data column '{check.Source.Name}' ({check.Source.SqlType}) cannot feed the model's input column '{check.Plan.Column.Name}' ({check.Plan.Column.Type}): {check.Failure.Why}.");
        }

        if (checks.Count == 0)
        {
            return;
        }

        var counts = engine.Row($"SELECT {string.Join(", ", checks.Select(c => $"count(*) FILTER (WHERE {c.Failure.Sql})"))} FROM {data.Table}");
        for (var i = 0; i < checks.Count; i++)
        {
            var failed = SqlValue.ToInt64(counts[i]);
            if (failed == 0)
            {
                continue;
            }

            var (plan, source, failure) = checks[i];
            var example = engine.Scalar($"SELECT CAST({SqlText.Identifier(source.Name)} AS VARCHAR) FROM {data.Table} WHERE {failure.Sql} LIMIT 1");
            throw Mismatch(modelPath, string.Create(
                CultureInfo.InvariantCulture,
                $"{failed} value(s) of data column '{source.Name}' cannot be converted to {plan.Column.Type} for the model's input column '{plan.Column.Name}' ({failure.Why}); for example {(example is null ? "a missing value" : $"'{example}'")}."));
        }
    }

    /// <summary>The SQL condition that is true for a value that cannot be converted, or a null condition and the reason the conversion is impossible.</summary>
    private static (string? Sql, string Why) ConversionFailure(InputTarget target, DatasetColumn source)
    {
        var x = SqlText.Identifier(source.Name);
        var kind = source.TypeKind;
        var isText = kind is ColumnKind.Categorical or ColumnKind.Text;
        switch (target)
        {
            case InputTarget.Single or InputTarget.Double:
                return kind == ColumnKind.Numeric ? ("false", string.Empty)
                    : isText ? ($"{x} IS NOT NULL AND TRY_CAST({x} AS DOUBLE) IS NULL", "the text is not a number")
                    : (null, "only numbers and numeric text convert to a floating-point input");
            case InputTarget.Text:
                return ("false", string.Empty);
            case InputTarget.Boolean:
                return kind == ColumnKind.Boolean ? ($"{x} IS NULL", "a Boolean input has no missing value")
                    : kind == ColumnKind.Numeric ? ($"{x} IS NULL OR {x} NOT IN (0, 1)", "only 0 and 1 convert to a Boolean input, and it has no missing value")
                    : isText ? ($"TRY_CAST({x} AS BOOLEAN) IS NULL", "only true/false, t/f, yes/no, 1/0 convert to a Boolean input, and it has no missing value")
                    : (null, "only Booleans, 0/1 and true/false text convert to a Boolean input");
            case InputTarget.DateTime:
                return kind == ColumnKind.Datetime ? ($"{x} IS NULL", "a DateTime input has no missing value")
                    : isText ? ($"TRY_CAST({x} AS TIMESTAMP) IS NULL", "the text is not a date and time, or is missing")
                    : (null, "only dates, timestamps and date text convert to a DateTime input");
            default:
                var (min, max) = IntegerRange(target);
                var range = $"{x} IS NULL OR TRY_CAST({x} AS DOUBLE) IS NULL OR TRY_CAST({x} AS DOUBLE) <> trunc(TRY_CAST({x} AS DOUBLE)) OR TRY_CAST({x} AS DOUBLE) < {min} OR TRY_CAST({x} AS DOUBLE) > {max}";
                return kind is ColumnKind.Numeric || isText
                    ? (range, $"an integer input takes whole numbers from {min} to {max} and has no missing value")
                    : (null, "only numbers convert to an integer input");
        }
    }

    private static (string Min, string Max) IntegerRange(InputTarget target) => target switch
    {
        InputTarget.SByte => ("-128", "127"),
        InputTarget.Byte => ("0", "255"),
        InputTarget.Int16 => ("-32768", "32767"),
        InputTarget.UInt16 => ("0", "65535"),
        InputTarget.Int32 => ("-2147483648", "2147483647"),
        InputTarget.UInt32 => ("0", "4294967295"),
        InputTarget.Int64 => ("-9223372036854775808", "9223372036854775807"),
        _ => ("0", "18446744073709551615"),
    };

    private static string Expression(InputTarget target, DatasetColumn source)
    {
        var x = SqlText.Identifier(source.Name);
        return target switch
        {
            InputTarget.Single or InputTarget.Double => $"TRY_CAST({x} AS DOUBLE)",
            InputTarget.Text => source.TypeKind == ColumnKind.Numeric ? $"CASE WHEN {x} = trunc({x}) AND abs({x}) < 1e15 THEN CAST(CAST({x} AS BIGINT) AS VARCHAR) ELSE CAST({x} AS VARCHAR) END" : $"CAST({x} AS VARCHAR)",
            InputTarget.Boolean => source.TypeKind == ColumnKind.Numeric ? $"({x} <> 0)" : $"TRY_CAST({x} AS BOOLEAN)",
            InputTarget.DateTime => $"TRY_CAST({x} AS TIMESTAMP)",
            InputTarget.UInt64 => $"CAST(TRY_CAST({x} AS DOUBLE) AS UBIGINT)",
            _ => $"CAST(TRY_CAST({x} AS DOUBLE) AS BIGINT)",
        };
    }

    private static List<InputColumnValues> Read(DataEngine engine, LoadedDataset data, List<ColumnPlan> plans)
    {
        var rows = checked((int)data.Rows);
        var readers = plans.Select(p => ColumnReader.For(p, rows)).ToList();
        var expressions = plans.SelectMany(p => p.Sources.Select(s => Expression(p.Target, s))).ToList();
        if (expressions.Count > 0)
        {
            var row = 0;
            engine.Query($"SELECT {string.Join(", ", expressions)} FROM {data.Table}", r =>
            {
                var field = 0;
                foreach (var reader in readers)
                {
                    reader.Read(r, row, field);
                    field += reader.Width;
                }

                row++;
            });
        }

        return [.. readers.Select(r => r.Values())];
    }

    private static ModelGatesException Mismatch(string modelPath, string message) =>
        EvaluationErrors.Data(DiagnosticCatalog.ModelInputMismatch, message, modelPath);

    private enum InputTarget
    {
        Single,
        Double,
        SByte,
        Byte,
        Int16,
        UInt16,
        Int32,
        UInt32,
        Int64,
        UInt64,
        Text,
        Boolean,
        DateTime,
    }

    private sealed record ColumnPlan(DataViewSchema.Column Column, InputTarget Target, IReadOnlyList<DatasetColumn> Sources);

    /// <summary>Collects one input column's values from the query's fields (one field, or one per vector slot).</summary>
    private abstract class ColumnReader
    {
        public abstract int Width { get; }

        public abstract void Read(DbDataReader reader, int row, int field);

        public abstract InputColumnValues Values();

        public static ColumnReader For(ColumnPlan plan, int rows) => plan.Target switch
        {
            InputTarget.Single => Typed(plan, rows, (r, i) => r.IsDBNull(i) ? float.NaN : (float)r.GetDouble(i)),
            InputTarget.Double => Typed(plan, rows, (r, i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i)),
            InputTarget.SByte => Typed(plan, rows, (r, i) => (sbyte)r.GetInt64(i)),
            InputTarget.Byte => Typed(plan, rows, (r, i) => (byte)r.GetInt64(i)),
            InputTarget.Int16 => Typed(plan, rows, (r, i) => (short)r.GetInt64(i)),
            InputTarget.UInt16 => Typed(plan, rows, (r, i) => (ushort)r.GetInt64(i)),
            InputTarget.Int32 => Typed(plan, rows, (r, i) => (int)r.GetInt64(i)),
            InputTarget.UInt32 => Typed(plan, rows, (r, i) => (uint)r.GetInt64(i)),
            InputTarget.Int64 => Typed(plan, rows, (r, i) => r.GetInt64(i)),
            InputTarget.UInt64 => Typed(plan, rows, (r, i) => SqlValue.ToUInt64(r.GetValue(i))),
            InputTarget.Text => Typed(plan, rows, (r, i) => r.IsDBNull(i) ? ReadOnlyMemory<char>.Empty : r.GetString(i).AsMemory()),
            InputTarget.Boolean => Typed(plan, rows, (r, i) => r.GetBoolean(i)),
            _ => Typed(plan, rows, (r, i) => r.GetDateTime(i)),
        };

        private static ColumnReader Typed<T>(ColumnPlan plan, int rows, Func<DbDataReader, int, T> read) =>
            plan.Column.Type is VectorDataViewType ? new VectorReader<T>(plan, rows, read) : new ScalarReader<T>(plan, rows, read);

        private sealed class ScalarReader<T>(ColumnPlan plan, int rows, Func<DbDataReader, int, T> read) : ColumnReader
        {
            private readonly T[] values = new T[rows];

            public override int Width => 1;

            public override void Read(DbDataReader reader, int row, int field) => values[row] = read(reader, field);

            public override InputColumnValues Values() => InputColumnValues.Scalar(plan.Column.Name, plan.Column.Type, values, plan.Column.Annotations);
        }

        private sealed class VectorReader<T>(ColumnPlan plan, int rows, Func<DbDataReader, int, T> read) : ColumnReader
        {
            private readonly T[][] values = new T[rows][];

            public override int Width => plan.Sources.Count;

            public override void Read(DbDataReader reader, int row, int field)
            {
                var slots = new T[Width];
                for (var s = 0; s < slots.Length; s++)
                {
                    slots[s] = read(reader, field + s);
                }

                values[row] = slots;
            }

            public override InputColumnValues Values() => InputColumnValues.Vector(plan.Column.Name, plan.Column.Type, values, plan.Column.Annotations);
        }
    }
}
