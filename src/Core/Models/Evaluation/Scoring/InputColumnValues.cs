using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelGates.Models.Evaluation.Scoring;

/// <summary>The values of one model input column, already of the type the model's input schema declares.</summary>
internal abstract class InputColumnValues
{
    protected InputColumnValues(string name, DataViewType type, DataViewSchema.Annotations? annotations)
    {
        Name = name;
        Type = type;
        Annotations = annotations;
    }

    public string Name { get; }

    public DataViewType Type { get; }

    /// <summary>The input schema's annotations (slot names of a vector), handed on to the model unchanged.</summary>
    public DataViewSchema.Annotations? Annotations { get; }

    /// <summary>A getter reading the row at the cursor's current position.</summary>
    public abstract ValueGetter<TValue> Getter<TValue>(Func<long> position);

    /// <summary>The number of source data columns: 1 for a scalar, the slot count for a vector.</summary>
    public abstract int Width { get; }

    /// <summary>
    /// A copy in which source <paramref name="slot"/> (0 for a scalar) of row i holds the value of row
    /// <paramref name="order"/>[i]; every other slot keeps its row. Permutation importance shuffles one data column this way.
    /// </summary>
    public abstract InputColumnValues Permuted(int slot, int[] order);

    /// <summary>A scalar column of <typeparamref name="T"/>.</summary>
    public static InputColumnValues Scalar<T>(string name, DataViewType type, T[] values, DataViewSchema.Annotations? annotations = null) =>
        new ScalarColumn<T>(name, type, values, annotations);

    /// <summary>A fixed-size vector column of <typeparamref name="T"/>, one array per row.</summary>
    public static InputColumnValues Vector<T>(string name, DataViewType type, T[][] values, DataViewSchema.Annotations? annotations) =>
        new VectorColumn<T>(name, type, values, annotations);

    private sealed class ScalarColumn<T>(string name, DataViewType type, T[] values, DataViewSchema.Annotations? annotations)
        : InputColumnValues(name, type, annotations)
    {
        public override int Width => 1;

        public override InputColumnValues Permuted(int slot, int[] order)
        {
            var shuffled = new T[values.Length];
            for (var i = 0; i < shuffled.Length; i++)
            {
                shuffled[i] = values[order[i]];
            }

            return new ScalarColumn<T>(Name, Type, shuffled, Annotations);
        }

        public override ValueGetter<TValue> Getter<TValue>(Func<long> position)
        {
            if (typeof(TValue) != typeof(T))
            {
                throw new InvalidOperationException($"Column '{Name}' holds {typeof(T).Name}, not {typeof(TValue).Name}.");
            }

            ValueGetter<T> getter = (ref T value) => value = values[position()];
            return (ValueGetter<TValue>)(object)getter;
        }
    }

    private sealed class VectorColumn<T>(string name, DataViewType type, T[][] values, DataViewSchema.Annotations? annotations)
        : InputColumnValues(name, type, annotations)
    {
        public override int Width => values.Length == 0 ? ((VectorDataViewType)Type).Size : values[0].Length;

        public override InputColumnValues Permuted(int slot, int[] order)
        {
            var shuffled = new T[values.Length][];
            for (var i = 0; i < shuffled.Length; i++)
            {
                var row = (T[])values[i].Clone();
                row[slot] = values[order[i]][slot];
                shuffled[i] = row;
            }

            return new VectorColumn<T>(Name, Type, shuffled, Annotations);
        }

        public override ValueGetter<TValue> Getter<TValue>(Func<long> position)
        {
            if (typeof(TValue) != typeof(VBuffer<T>))
            {
                throw new InvalidOperationException($"Column '{Name}' holds vectors of {typeof(T).Name}, not {typeof(TValue).Name}.");
            }

            ValueGetter<VBuffer<T>> getter = (ref VBuffer<T> value) =>
            {
                var row = values[position()];
                var editor = VBufferEditor.Create(ref value, row.Length);
                row.CopyTo(editor.Values);
                value = editor.Commit();
            };
            return (ValueGetter<TValue>)(object)getter;
        }
    }
}
