using System.Globalization;
using System.Numerics;
using Microsoft.ML;
using Microsoft.ML.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Models.Evaluation.Scoring;

/// <summary>
/// Builds the rows a model scores from values held in memory (one dictionary per row), converting each value to
/// the type of the model's input column with the rules <see cref="ModelInputBuilder"/> applies in SQL, so a row
/// read from a dataset scores the same either way. A value that cannot be converted is an MG4013 naming the row,
/// the column and the value.
/// </summary>
internal static class RowInputBuilder
{
    /// <summary>The data columns that feed <paramref name="column"/>: itself, or the slot names of a vector.</summary>
    public static IEnumerable<string> SourceColumns(DataViewSchema.Column column) =>
        column.Type is VectorDataViewType && SlotNames(column) is { } slots ? slots : [column.Name];

    public static ColumnarDataView Build(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, DataViewSchema inputSchema, string modelPath)
    {
        var columns = new List<InputColumnValues>();
        foreach (var column in inputSchema.Where(c => !c.IsHidden))
        {
            if (column.Type is VectorDataViewType vector)
            {
                var slots = SlotNames(column);
                if (!vector.IsKnownSize || slots is null || slots.Count != vector.Size)
                {
                    throw Mismatch(modelPath, $"The model's input column '{column.Name}' is a vector ({column.Type}) without slot names, so its slots cannot be matched to row values by name.");
                }

                columns.Add(Vector(column, vector.ItemType, slots, rows, modelPath));
            }
            else
            {
                columns.Add(Scalar(column, rows, modelPath));
            }
        }

        return new ColumnarDataView(columns, rows.Count);
    }

    private static InputColumnValues Scalar(DataViewSchema.Column column, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, string modelPath)
    {
        var type = column.Type;
        return type switch
        {
            _ when type == NumberDataViewType.Single => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, v => (float)ToDouble(v), modelPath, type), column.Annotations),
            _ when type == NumberDataViewType.Double => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, ToDouble, modelPath, type), column.Annotations),
            _ when type == NumberDataViewType.SByte => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, v => checked((sbyte)ToWhole(v)), modelPath, type), column.Annotations),
            _ when type == NumberDataViewType.Byte => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, v => checked((byte)ToWhole(v)), modelPath, type), column.Annotations),
            _ when type == NumberDataViewType.Int16 => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, v => checked((short)ToWhole(v)), modelPath, type), column.Annotations),
            _ when type == NumberDataViewType.UInt16 => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, v => checked((ushort)ToWhole(v)), modelPath, type), column.Annotations),
            _ when type == NumberDataViewType.Int32 => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, v => checked((int)ToWhole(v)), modelPath, type), column.Annotations),
            _ when type == NumberDataViewType.UInt32 => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, v => checked((uint)ToWhole(v)), modelPath, type), column.Annotations),
            _ when type == NumberDataViewType.Int64 => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, v => checked((long)ToWhole(v)), modelPath, type), column.Annotations),
            _ when type == NumberDataViewType.UInt64 => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, v => checked((ulong)ToWhole(v)), modelPath, type), column.Annotations),
            TextDataViewType => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, v => ToText(v).AsMemory(), modelPath, type), column.Annotations),
            BooleanDataViewType => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, ToBoolean, modelPath, type), column.Annotations),
            DateTimeDataViewType => InputColumnValues.Scalar(column.Name, type, Values(rows, column.Name, ToDateTime, modelPath, type), column.Annotations),
            _ => throw Mismatch(modelPath, $"The model's input column '{column.Name}' has type {column.Type}, which ModelGates cannot build from row values (supported: Single, Double, integers, Boolean, String, DateTime, and fixed-size vectors of them with slot names)."),
        };
    }

    private static InputColumnValues Vector(DataViewSchema.Column column, DataViewType itemType, IReadOnlyList<string> slots, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, string modelPath)
    {
        if (itemType == NumberDataViewType.Single)
        {
            return InputColumnValues.Vector(column.Name, column.Type, Slots(rows, slots, v => (float)ToDouble(v), modelPath, itemType), column.Annotations);
        }

        if (itemType == NumberDataViewType.Double)
        {
            return InputColumnValues.Vector(column.Name, column.Type, Slots(rows, slots, ToDouble, modelPath, itemType), column.Annotations);
        }

        if (itemType is TextDataViewType)
        {
            return InputColumnValues.Vector(column.Name, column.Type, Slots(rows, slots, v => ToText(v).AsMemory(), modelPath, itemType), column.Annotations);
        }

        throw Mismatch(modelPath, $"The model's input column '{column.Name}' is a vector of {itemType}; rows in memory fill vectors of Single, Double or String only.");
    }

    private static T[] Values<T>(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, string name, Func<object?, T> convert, string modelPath, DataViewType type)
    {
        var values = new T[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            values[i] = Convert(rows[i], name, i, convert, modelPath, type);
        }

        return values;
    }

    private static T[][] Slots<T>(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, IReadOnlyList<string> slots, Func<object?, T> convert, string modelPath, DataViewType type)
    {
        var values = new T[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = new T[slots.Count];
            for (var s = 0; s < slots.Count; s++)
            {
                row[s] = Convert(rows[i], slots[s], i, convert, modelPath, type);
            }

            values[i] = row;
        }

        return values;
    }

    private static T Convert<T>(IReadOnlyDictionary<string, object?> row, string name, int index, Func<object?, T> convert, string modelPath, DataViewType type)
    {
        row.TryGetValue(name, out var value);
        try
        {
            return convert(value is DBNull ? null : value);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            var shown = value is null ? "no value" : string.Create(CultureInfo.InvariantCulture, $"'{value}' ({value.GetType().Name})");
            throw Mismatch(modelPath, string.Create(CultureInfo.InvariantCulture, $"Row {index + 1} has {shown} for the model's input column '{name}' ({type}): {e.Message}"));
        }
    }

    /// <summary>Numbers and numeric text; null, absent and empty text are missing (NaN).</summary>
    private static double ToDouble(object? value) => value switch
    {
        null => double.NaN,
        string s when string.IsNullOrWhiteSpace(s) => double.NaN,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new FormatException("the text is not a number"),
        bool => throw new InvalidCastException("only numbers and numeric text convert to a floating-point input"),
        BigInteger big => (double)big,
        IConvertible c when IsNumber(c) => c.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException("only numbers and numeric text convert to a floating-point input"),
    };

    private static decimal ToWhole(object? value)
    {
        var d = value switch
        {
            null => throw new InvalidCastException("an integer input has no missing value"),
            string s => decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new FormatException("the text is not a number"),
            BigInteger big => (decimal)big,
            IConvertible c when IsNumber(c) => c.ToDecimal(CultureInfo.InvariantCulture),
            _ => throw new InvalidCastException("only numbers convert to an integer input"),
        };
        return d == decimal.Truncate(d) ? d : throw new InvalidCastException("an integer input takes whole numbers only");
    }

    /// <summary>Text as written; whole numbers without a decimal point (as the SQL conversion writes them).</summary>
    private static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        double d when d == Math.Truncate(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        float f when f == MathF.Truncate(f) && Math.Abs(f) < 1e15 => ((long)f).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool ToBoolean(object? value) => value switch
    {
        bool b => b,
        null => throw new InvalidCastException("a Boolean input has no missing value"),
        string s => s.Trim().ToLowerInvariant() switch
        {
            "true" or "t" or "yes" or "y" or "1" => true,
            "false" or "f" or "no" or "n" or "0" => false,
            _ => throw new FormatException("only true/false, t/f, yes/no, 1/0 convert to a Boolean input"),
        },
        IConvertible c when IsNumber(c) => c.ToDouble(CultureInfo.InvariantCulture) switch
        {
            0 => false,
            1 => true,
            _ => throw new InvalidCastException("only 0 and 1 convert to a Boolean input"),
        },
        _ => throw new InvalidCastException("only Booleans, 0/1 and true/false text convert to a Boolean input"),
    };

    private static DateTime ToDateTime(object? value) => value switch
    {
        DateTime t => t,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset o => o.DateTime,
        null => throw new InvalidCastException("a DateTime input has no missing value"),
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException("only dates, timestamps and date text convert to a DateTime input"),
    };

    private static bool IsNumber(IConvertible c) => c.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal;

    private static List<string>? SlotNames(DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull("SlotNames") is null)
        {
            return null;
        }

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.Annotations.GetValue("SlotNames", ref names);
        return [.. names.DenseValues().Select(n => n.ToString())];
    }

    private static ModelGatesException Mismatch(string modelPath, string message) =>
        EvaluationErrors.Data(DiagnosticCatalog.ModelInputMismatch, message, modelPath);
}
