using System.Globalization;
using ModelGates.Contracts.Rules;
using ModelGates.Sql;

namespace ModelGates.Contracts.Pushdown;

/// <summary>
/// The typed view of a relation on a SQL engine, as a subquery: every column under its own name with its contract
/// type (values that do not parse are NULL, as <c>TRY_CAST</c> gives them for a file), each declared column's stored
/// value beside it as <c>__mg_raw_i</c>, and the row-number column as <c>__mg_row</c>. Rules, custom checks and
/// example queries all read this one relation, so a type is parsed by the same SQL wherever it is used.
/// </summary>
internal sealed class SqlTypedColumns
{
    private SqlTypedColumns(IReadOnlyList<ColumnSql> declared, string relation, IReadOnlyDictionary<string, string> notPushedDown, string rowText)
    {
        Declared = declared;
        Relation = relation;
        NotPushedDown = notPushedDown;
        RowText = rowText;
    }

    /// <summary>The declared columns present in the relation.</summary>
    public IReadOnlyList<ColumnSql> Declared { get; }

    /// <summary>The typed subquery with its alias.</summary>
    public string Relation { get; }

    /// <summary>Type rules the engine cannot check (a <c>format</c> without a strptime parser), by column name, with the reason.</summary>
    public IReadOnlyDictionary<string, string> NotPushedDown { get; }

    /// <summary>SQL for a whole row as text (<c>Status=good, Age=30, ...</c>): the value of a custom row check's examples when rows have no number.</summary>
    public string RowText { get; }

    /// <summary>The name of the row-number column in <see cref="Relation"/>.</summary>
    public const string RowColumn = "__mg_row";

    public static SqlTypedColumns Build(ISqlDialect d, string relation, IReadOnlyList<SqlColumn> columns, DataContract contract, string? rowNumberColumn)
    {
        var select = new List<string>();
        var declared = new List<ColumnSql>();
        var notPushedDown = new Dictionary<string, string>(StringComparer.Ordinal);
        var rowParts = new List<string>();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var stored = d.Identifier(column.Name);
            var family = SqlTypeFamilies.Of(column.EngineType);
            var rules = contract.Find(column.Name);
            if (rules is null)
            {
                select.Add(stored);
                rowParts.Add(RowPart(d, column.Name, stored));
                continue;
            }

            var raw = d.Identifier("__mg_raw_" + i.ToString(CultureInfo.InvariantCulture));
            var storedText = family == SqlTypeFamily.Text ? stored : d.CastText(stored);
            var typedInside = stored;
            var unsupported = false;
            if (rules.Type is { } type)
            {
                typedInside = Typed(d, type, family, stored, storedText, rules.Format, out unsupported);
                if (unsupported)
                {
                    notPushedDown[column.Name] = $"the {d.Name} dialect has no strptime parser for {type.ToText()} values in format '{rules.Format}'";
                    typedInside = stored;
                }
            }

            // Inside the subquery the stored column is read under its name; outside, that name is the typed value.
            select.Add($"{typedInside} AS {stored}");
            select.Add($"{stored} AS {raw}");
            var text = family == SqlTypeFamily.Text ? raw : d.CastText(raw);
            var number = rules.Type is { } declaredType && declaredType.IsNumeric()
                ? stored
                : family switch
                {
                    SqlTypeFamily.Integer or SqlTypeFamily.Real => raw,
                    SqlTypeFamily.Text or SqlTypeFamily.Other => d.TryCastDouble(text),
                    _ => "NULL",
                };
            declared.Add(new ColumnSql(rules, d, raw, stored, text, number));
            rowParts.Add(RowPart(d, column.Name, raw));
        }

        if (rowNumberColumn is not null)
        {
            select.Add($"{d.Identifier(rowNumberColumn)} AS {d.Identifier(RowColumn)}");
        }

        var subquery = $"(SELECT {string.Join(", ", select)} FROM {relation}) AS {d.Identifier("__mg_t")}";
        var rowText = rowParts.Count == 0 ? "''" : $"({string.Join(" || ', ' || ", rowParts)})";
        return new SqlTypedColumns(declared, subquery, notPushedDown, rowText);
    }

    /// <summary>
    /// SQL for <paramref name="value"/> as <paramref name="type"/>, NULL where it is not one. A stored type that already
    /// is the declared one passes through; text is parsed the way a file's text is; other stored types are converted
    /// where the conversion is exact (a whole double is an integer, 0/1 a boolean) and NULL otherwise.
    /// </summary>
    internal static string Typed(ISqlDialect d, ValueType type, SqlTypeFamily family, string value, string text, string? format, out bool unsupported)
    {
        unsupported = false;
        var textual = family is SqlTypeFamily.Text or SqlTypeFamily.Other;
        switch (type)
        {
            case ValueType.String:
                return text;
            case ValueType.Integer:
                return family switch
                {
                    SqlTypeFamily.Integer => value,
                    SqlTypeFamily.Real => WholeNumber(d, value),
                    _ when textual => WholeNumber(d, d.TryCastDouble(text)),
                    _ => "NULL",
                };
            case ValueType.Number:
                return family switch
                {
                    SqlTypeFamily.Integer or SqlTypeFamily.Real => d.CastDouble(value),
                    _ when textual => d.TryCastDouble(text),
                    _ => "NULL",
                };
            case ValueType.Boolean:
                return family switch
                {
                    SqlTypeFamily.Boolean => value,
                    SqlTypeFamily.Integer or SqlTypeFamily.Real => $"(CASE WHEN {value} = 1 THEN true WHEN {value} = 0 THEN false END)",
                    _ when textual => d.TryCastBoolean(text),
                    _ => "NULL",
                };
            case ValueType.Date:
                if (family == SqlTypeFamily.Date)
                {
                    return value;
                }

                if (!textual)
                {
                    return "NULL";
                }

                if (format is null)
                {
                    return d.TryCastDate(text);
                }

                var date = d.TryParseTimestamp(text, format);
                unsupported = date is null;
                return date is null ? value : $"CAST({date} AS DATE)";
            default:
                if (family is SqlTypeFamily.Timestamp or SqlTypeFamily.Date)
                {
                    return family == SqlTypeFamily.Date ? $"CAST({value} AS TIMESTAMP)" : value;
                }

                if (!textual)
                {
                    return "NULL";
                }

                if (format is null)
                {
                    return d.TryCastTimestamp(text);
                }

                var timestamp = d.TryParseTimestamp(text, format);
                unsupported = timestamp is null;
                return timestamp ?? value;
        }
    }

    private static string RowPart(ISqlDialect d, string name, string value) => $"{d.Literal(name + "=")} || coalesce({d.CastText(value)}, '')";

    /// <summary>A number that is whole and fits a 64-bit integer (what a file's integer column accepts), else NULL.</summary>
    private static string WholeNumber(ISqlDialect d, string number) =>
        $"(CASE WHEN {number} = floor({number}) AND {number} >= {d.Literal(-9.2233720368547758E18)} AND {number} <= {d.Literal(9.2233720368547758E18)} THEN {number} END)";
}
