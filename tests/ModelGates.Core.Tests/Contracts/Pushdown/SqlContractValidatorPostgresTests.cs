using System.Globalization;
using System.Text;
using ModelGates.Contracts;
using ModelGates.Contracts.Pushdown;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Sources;
using ModelGates.Sql;
using ModelGates.Sql.Dialects;
using ModelGates.Testing;
using ValueType = ModelGates.Contracts.ValueType;

namespace ModelGates.Tests.Contracts.Pushdown;

public sealed class SqlContractValidatorPostgresTests : IClassFixture<PostgresServer>
{
    private static readonly HashSet<int> Loaded = [];

    private readonly string connectionString;

    public SqlContractValidatorPostgresTests(PostgresServer server) => connectionString = server.ConnectionStringFor(Database(server));

    [PostgresFact]
    public void A_postgres_table_gives_the_findings_of_the_same_rows_as_a_csv_file()
    {
        using var dir = new TempDirectory();
        var contract = CreditContract.Read(dir);
        using var session = PostgresSession.Open("warehouse", connectionString);

        var file = CreditContract.ValidateFile(contract);
        var table = SqlContractValidator.Validate(session, "public.credit", contract, new SqlContractOptions { DisplayName = PathDisplay.For(CreditContract.CsvPath), RowNumberColumn = "row_id" });

        Assert.True(file.Diagnostics.Count >= 15);
        CreditContract.AssertSameFindings(file, table);
    }

    [PostgresFact]
    public void Postgres_and_duckdb_pick_the_same_examples_when_rows_have_no_number()
    {
        using var dir = new TempDirectory();
        var contract = CreditContract.Read(dir);
        using var postgres = PostgresSession.Open("warehouse", connectionString);
        using var duckdb = new DuckDbTestSession();
        CreditContract.Load(duckdb);

        var options = new SqlContractOptions { DisplayName = "credit" };
        var onPostgres = SqlContractValidator.Validate(postgres, "public.credit_raw", contract, options);
        var onDuckDb = SqlContractValidator.Validate(duckdb, "credit_raw", contract, options);

        Assert.Equal(onDuckDb.Checks.Select(c => c.Id), onPostgres.Checks.Select(c => c.Id));
        Assert.Equal(
            onDuckDb.Diagnostics.Select(d => (d.Code, d.Message, string.Join("|", d.Examples.Select(e => $"{e.Row}:{e.Value}")))),
            onPostgres.Diagnostics.Select(d => (d.Code, d.Message, string.Join("|", d.Examples.Select(e => $"{e.Row}:{e.Value}")))));
        Assert.Contains(onPostgres.Diagnostics, d => d.Examples.Count == ModelGates.Contracts.ValidationContext.ExampleLimit);
    }

    [PostgresFact]
    public void Text_parses_as_each_declared_type_as_a_files_text_does()
    {
        using var session = PostgresSession.Open("warehouse", connectionString);
        using var pipeline = new ModelGates.Inputs.InputPipeline();
        pipeline.Engine.Execute($"CREATE TABLE cast_cases AS SELECT * FROM (VALUES {CastValues()}) AS t(i, v)");

        // Values in a table, not literals: PostgreSQL folds a constant CAST at planning time, before the CASE guards it.
        var differences = new List<string>();
        foreach (var type in CastCases.Select(c => c.Type).Distinct())
        {
            var v = "\"v\"";
            var postgres = session.Query($"SELECT i, ({SqlTypedColumns.Typed(PostgresDialect.Instance, type, SqlTypeFamily.Text, v, v, null, out _)}) IS NOT NULL FROM public.cast_cases ORDER BY i")
                .ToDictionary(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture), r => r[1] is true);
            var duckdb = pipeline.Engine.Query($"SELECT i, ({SqlTypedColumns.Typed(DuckDbDialect.Instance, type, SqlTypeFamily.Text, v, v, null, out _)}) IS NOT NULL FROM cast_cases ORDER BY i", r => (Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), r.GetBoolean(1)))
                .ToDictionary(p => p.Item1, p => p.Item2);
            var file = pipeline.Engine.Query($"SELECT i, ({ValueTypes.ParseSql(type, v, null)}) IS NOT NULL FROM cast_cases ORDER BY i", r => (Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), r.GetBoolean(1)))
                .ToDictionary(p => p.Item1, p => p.Item2);
            for (var i = 0; i < CastCases.Length; i++)
            {
                if (CastCases[i].Type == type && (postgres[i] != file[i] || duckdb[i] != file[i]))
                {
                    differences.Add($"{type.ToText()} '{CastCases[i].Value}': file {file[i]}, duckdb table {duckdb[i]}, postgres {postgres[i]}");
                }
            }
        }

        Assert.True(DocumentedDifferences.SequenceEqual(differences), string.Join("\n", differences));
    }

    [PostgresFact]
    public void A_date_format_postgres_cannot_parse_is_reported_unchecked_and_a_posix_pattern_error_is_a_configuration_error()
    {
        using var dir = new TempDirectory();
        using var session = PostgresSession.Open("warehouse", connectionString);
        var contract = CreditContract.Read(dir, """{ "allowUnexpectedColumns": true, "columns": { "Status": { "type": "date", "format": "%d/%m/%Y" } } }""");

        var result = SqlContractValidator.Validate(session, "public.credit", contract);

        var check = result.Checks.Single(c => c.Id == "Status/type");
        Assert.Equal(("MG2014", ModelGates.Checks.CheckStatus.Warned), (check.Diagnostic!.Code, check.Status));
        Assert.True(result.Passed);

        // RE2 names a group (?P<y>...); PostgreSQL's regular expressions do not, and say so before any data is read.
        var re2Only = CreditContract.Read(dir, """{ "allowUnexpectedColumns": true, "columns": { "Job": { "pattern": "(?P<j>f)[a-z]+" } } }""");
        var error = Assert.Throws<ConfigurationException>(() => SqlContractValidator.Validate(session, "public.credit", re2Only));
        Assert.Equal("MG0015", error.Diagnostics.Single().Code);
        Assert.Contains("postgres", error.Diagnostics.Single().Message, StringComparison.Ordinal);
    }

    /// <summary>Where PostgreSQL's parsing of text differs from DuckDB's TRY_CAST (docs/contracts.md, "On a database").</summary>
    private static readonly string[] DocumentedDifferences =
    [
        "integer '1_000': file True, duckdb table True, postgres False",
        "date '0000-01-01': file True, duckdb table True, postgres False",
    ];

    private static readonly (ValueType Type, string Value)[] CastCases =
    [
        .. new[] { "1", "-2", "+3", "3.0", "3.5", "1e3", " 7", "7 ", "abc", "", "9223372036854775807", "1e19", "nan", "inf", "0x10", "1_000", ".5", "5." }.Select(v => (ValueType.Integer, v)),
        .. new[] { "1", "-2.5", "+3e-2", "1E5", " 7.25 ", "abc", ".5", "5.", "nan", "NaN", "inf", "-Infinity", "1e400", "0x10", "1,5" }.Select(v => (ValueType.Number, v)),
        .. new[] { "true", "FALSE", "t", "F", "yes", "No", "y", "n", "1", "0", "2", "on", "off", "maybe", " true", "" }.Select(v => (ValueType.Boolean, v)),
        .. new[] { "2024-02-29", "2023-02-29", "2024-13-01", "2024-1-5", "20240105", "2024/01/05", "2024-01-05 10:00", "0000-01-01", " 2024-01-05", "2024-04-31" }.Select(v => (ValueType.Date, v)),
        .. new[] { "2024-01-05 10:00", "2024-01-05T10:00:30", "2024-01-05 10:00:30.123", "2024-01-05", "2024-01-05 25:00", "2024-01-05 10:61", "2024-02-30 10:00", "2024-01-05 10:00:30+02" }.Select(v => (ValueType.Timestamp, v)),
    ];

    private static string CastValues() =>
        string.Join(", ", CastCases.Select((c, i) => $"({i.ToString(CultureInfo.InvariantCulture)}, {SqlText.Literal(c.Value)})"));

    private static string Database(PostgresServer server)
    {
        // One database per fixture, loaded once; the tests only read it.
        lock (Loaded)
        {
            if (Loaded.Add(server.Port))
            {
                server.CreateDatabase("contracts");
                server.Psql(LoadCredit(), "contracts");
                server.Psql($"CREATE TABLE public.cast_cases AS SELECT * FROM (VALUES {CastValues()}) AS t(i, v);", "contracts");
            }
        }

        return "contracts";
    }

    /// <summary>The credit data as SQL: <c>credit_raw</c> as the file's rows, <c>credit</c> with <c>row_id</c>, the record number.</summary>
    private static string LoadCredit()
    {
        var lines = File.ReadAllLines(CreditContract.CsvPath);
        var columns = string.Join(", ", CreditContract.Columns.Select(c => $"\"{c.Name}\" {c.Type}"));
        var sql = new StringBuilder($"CREATE TABLE public.credit (row_id bigint, {columns});\n");
        sql.Append("INSERT INTO public.credit VALUES\n");
        for (var i = 1; i < lines.Length; i++)
        {
            var values = lines[i].Split(',').Select(v => v.Length == 0 ? "NULL" : "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'");
            sql.Append(CultureInfo.InvariantCulture, $"({i}, {string.Join(", ", values)}){(i == lines.Length - 1 ? ";" : ",")}\n");
        }

        sql.Append($"CREATE TABLE public.credit_raw AS SELECT {string.Join(", ", CreditContract.Columns.Select(c => $"\"{c.Name}\""))} FROM public.credit;\n");
        return sql.ToString();
    }
}
