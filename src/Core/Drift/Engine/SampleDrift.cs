using System.Runtime.InteropServices;
using System.Text;
using ModelGates.Data;
using ModelGates.Drift.Engine.Inputs;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Inputs;
using ModelGates.Profiles;

namespace ModelGates.Drift.Engine;

/// <summary>
/// Drift between columns held in memory, judged exactly as <see cref="DriftEngine"/> judges loaded data
/// (same policy, tests, bootstrap, corrections and rules), for tests and for callers that already hold
/// their samples. The sides are named <c>memory:reference</c> and <c>memory:current</c> and hashed from their contents.
/// </summary>
public static class SampleDrift
{
    /// <summary>Compares current columns with reference columns of the same names.</summary>
    public static DriftReport Compare(IReadOnlyList<SampleColumn> reference, IReadOnlyList<SampleColumn> current, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        options ??= DriftOptions.Default;
        options.Validate();
        var referenceRows = reference.Count == 0 ? 0 : reference.Max(c => c.Count + c.Missing);
        var currentRows = current.Count == 0 ? 0 : current.Max(c => c.Count + c.Missing);
        var names = reference.Select(c => c.Name).ToList();
        var selected = DriftEngine.Select(names, options);
        var pending = selected
            .Select(name =>
            {
                var r = reference.First(c => c.Name == name);
                var c = current.FirstOrDefault(c => c.Name == name);
                return ColumnEvaluator.Evaluate(ReferenceOf(r), c is null ? null : SourceOf(c), options, "memory:reference", ColumnEvaluator.Inline);
            })
            .ToList();
        var extra = current.Where(c => !names.Contains(c.Name, StringComparer.Ordinal))
            .Select(c => Diagnostics.DiagnosticCatalog.DriftColumnNotInReference.Create($"Column '{c.Name}' of the current data is not in the reference; it is not compared.") with { Column = c.Name, Check = "drift" })
            .ToList();
        return DriftJudge.Judge(
            pending,
            extra,
            options,
            new DriftSide("memory:reference", Hash(reference), referenceRows, false),
            new DriftSide("memory:current", Hash(current), currentRows, false));
    }

    /// <summary>Compares one numeric column: NaN and infinite values count as missing.</summary>
    public static DriftReport CompareValues(string column, ReadOnlySpan<double> reference, ReadOnlySpan<double> current, DriftOptions? options = null) =>
        Compare([SampleColumn.Numeric(column, reference)], [SampleColumn.Numeric(column, current)], options);

    private static ReferenceColumn ReferenceOf(SampleColumn column)
    {
        if (column.Values is { } values)
        {
            return RawReferenceReader.FromSortedValues(column.Name, column.Kind, "DOUBLE", values, column.Missing, ProfileSettings.Default);
        }

        var categories = column.Categories!;
        return new ReferenceColumn
        {
            Name = column.Name,
            Kind = column.Kind,
            SqlType = column.Kind == ColumnKind.Boolean ? "BOOLEAN" : "VARCHAR",
            Count = column.Count,
            Missing = column.Missing,
            Distinct = categories.Count(p => p.Value > 0),
            Categories = categories,
        };
    }

    private static CurrentColumnSource SourceOf(SampleColumn column) => new()
    {
        SqlType = column.Values is null ? column.Kind == ColumnKind.Boolean ? "BOOLEAN" : "VARCHAR" : "DOUBLE",
        TypeKind = column.Kind,
        Count = column.Count,
        Rows = column.Count + column.Missing,
        Read = (plan, reference) => column.Values is { } values
            ? CurrentColumnSource.FromSorted(values, column.Count + column.Missing, plan, reference)
            : new CurrentColumn { Count = column.Count, Missing = column.Missing, Categories = column.Categories },
    };

    private static string Hash(IReadOnlyList<SampleColumn> columns)
    {
        using var buffer = new MemoryStream();
        foreach (var column in columns)
        {
            buffer.Write(Encoding.UTF8.GetBytes(column.Name + "\n"));
            if (column.Values is { } values)
            {
                buffer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            }
            else
            {
                foreach (var (key, count) in column.Categories!.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    buffer.Write(Encoding.UTF8.GetBytes($"{key}\t{count.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n"));
                }
            }

            buffer.Write(BitConverter.GetBytes(column.Missing));
        }

        return DatasetHash.Of(buffer.ToArray());
    }
}
