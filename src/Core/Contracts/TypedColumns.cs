using ModelGates.Contracts.Rules;
using ModelGates.Data;
using ModelGates.Sql.Dialects;

namespace ModelGates.Contracts;

/// <summary>
/// The SQL of every column: raw and typed. Declared types come from the contract; undeclared columns
/// take the type DuckDB's sniffer gives them, so custom SQL checks compare numbers as numbers.
/// A view with the typed columns is what custom SQL checks run against.
/// </summary>
internal sealed class TypedColumns
{
    private TypedColumns(IReadOnlyList<ColumnSql> declared, string view)
    {
        Declared = declared;
        View = view;
    }

    /// <summary>The declared columns present in the data.</summary>
    public IReadOnlyList<ColumnSql> Declared { get; }

    /// <summary>The quoted name of the view of typed columns (plus <c>__mg_row</c>, the table rowid).</summary>
    public string View { get; }

    public static TypedColumns Build(DataEngine engine, LoadedDataset dataset, DataContract contract)
    {
        var sniffed = DatasetLoader.SniffTypes(engine, dataset);
        var declared = new List<ColumnSql>();
        var select = new List<string> { "rowid AS __mg_row" };
        foreach (var column in dataset.Columns)
        {
            var raw = SqlText.Identifier(column.Name);
            var text = $"CAST({raw} AS VARCHAR)";
            var rules = contract.Find(column.Name);
            string typed;
            if (rules?.Type is { } type)
            {
                typed = ValueTypes.ParseSql(type, raw, rules.Format);
            }
            else
            {
                var sqlType = sniffed.GetValueOrDefault(column.Name, column.SqlType);
                typed = sqlType == column.SqlType ? raw : $"TRY_CAST({raw} AS {sqlType})";
            }

            select.Add($"{typed} AS {raw}");
            if (rules is not null)
            {
                var number = rules.Type is { } declaredType && declaredType.IsNumeric() ? typed : DuckDbDialect.Instance.TryCastDouble(raw);
                declared.Add(new ColumnSql(rules, DuckDbDialect.Instance, raw, typed, text, number));
            }
        }

        var view = SqlText.Identifier(engine.NewName("typed"));
        engine.Execute($"CREATE VIEW {view} AS SELECT {string.Join(", ", select)} FROM {dataset.Table}");
        return new TypedColumns(declared, view);
    }
}
