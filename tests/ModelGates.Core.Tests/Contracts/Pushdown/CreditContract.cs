using ModelGates.Checks;
using ModelGates.Contracts;
using ModelGates.Contracts.Pushdown;
using ModelGates.Data;
using ModelGates.Testing;

namespace ModelGates.Tests.Contracts.Pushdown;

/// <summary>
/// The sample credit data and a contract it breaks in every rule kind, and the means to hold a table's findings to a
/// file's: the same checks, statuses, measurements, messages and example rows.
/// </summary>
internal static class CreditContract
{
    /// <summary>A contract with violations of every kind on samples/data/credit_data.csv (and some rules that pass).</summary>
    public const string Json = """
        {
          "rows": { "min": 5000 },
          "columns": {
            "Status": { "type": "string", "maxMissingShare": 0, "allowedValues": ["good"], "maxUnknownShare": 0.1 },
            "Seniority": { "type": "integer", "min": 1, "max": 40 },
            "Home": { "type": "integer", "maxMissingShare": 0 },
            "Time": { "type": "integer", "min": 12, "max": 60 },
            "Age": { "type": "number", "min": 20, "max": 65 },
            "Marital": { "maxMissingShare": 0, "allowedValues": ["married", "single", "widow"], "minLength": 6, "maxLength": 7 },
            "Records": { "type": "boolean", "pattern": "yes|no" },
            "Job": { "pattern": "f[a-z]+", "maxMissingShare": 0 },
            "Expenses": { "type": "integer", "unique": true },
            "Income": { "type": "integer", "maxMissingShare": 0.05, "max": 500 },
            "Assets": { "type": "integer", "maxMissingShare": 0.01 },
            "Debt": { "type": "number", "max": 20000 },
            "Amount": { "type": "integer", "min": 100, "max": 4000 },
            "Price": { "type": "integer", "unique": true }
          },
          "uniqueKeys": [["Age", "Amount"], ["Seniority", "Time", "Price"], ["Status"]],
          "checks": [
            { "name": "loan well below price", "row": "\"Amount\" <= \"Price\" - 200" },
            { "name": "few bad loans", "sql": "count(*) filter (where \"Status\" = 'bad') <= 0.2 * count(*)" },
            { "name": "incomes present", "sql": "count(\"Income\") > 0" },
            { "name": "adults", "row": "\"Age\" >= 18" }
          ]
        }
        """;

    /// <summary>The columns of the credit data with the types a database would give them (the same on PostgreSQL and DuckDB).</summary>
    public static readonly (string Name, string Type)[] Columns =
    [
        ("Status", "text"), ("Seniority", "integer"), ("Home", "text"), ("Time", "integer"), ("Age", "integer"),
        ("Marital", "text"), ("Records", "text"), ("Job", "text"), ("Expenses", "integer"), ("Income", "integer"),
        ("Assets", "integer"), ("Debt", "integer"), ("Amount", "integer"), ("Price", "integer"),
    ];

    public static string CsvPath => RepoPaths.Combine("samples", "data", "credit_data.csv");

    /// <summary>Loads the credit data into table <c>credit</c> of a DuckDB session, <c>row_id</c> numbering the rows in file order.</summary>
    public static void Load(DuckDbTestSession session)
    {
        var columns = string.Join(", ", Columns.Select(c => $"'{c.Name}': '{(c.Type == "text" ? "VARCHAR" : "INTEGER")}'"));
        session.Execute($"CREATE TABLE credit_raw AS SELECT * FROM read_csv('{CsvPath}', header = true, columns = {{{columns}}})");
        session.Execute("CREATE TABLE credit AS SELECT rowid + 1 AS row_id, * FROM credit_raw");
    }

    /// <summary>The file path's result: the CSV read as text, as <c>modelgates validate</c> reads it.</summary>
    public static ValidationResult ValidateFile(DataContract contract)
    {
        using var pipeline = new ModelGates.Inputs.InputPipeline();
        return ContractValidator.Validate(pipeline.Engine, contract, pipeline.ReadTable(new DatasetSource(CsvPath) { AllText = true }).Dataset, 0);
    }

    public static DataContract Read(TempDirectory dir, string json = Json) => ContractReader.Read(dir.Write("credit.contract.json", json));

    /// <summary>Asserts that a table's findings equal a file's: check for check, diagnostic for diagnostic, example for example.</summary>
    /// <param name="compareExamples">Whether the examples' rows and values must match (they do when the table numbers its rows in file order).</param>
    public static void AssertSameFindings(ValidationResult file, SqlValidationResult table, bool compareExamples = true)
    {
        Assert.Equal(file.Checks.Select(c => c.Id), table.Checks.Select(c => c.Id));
        Assert.Equal(file.Dataset.Rows, table.Rows);
        foreach (var (f, t) in file.Checks.Zip(table.Checks))
        {
            Assert.Equal(Describe(f), Describe(t));
            if (f.Diagnostic is { } fd)
            {
                var td = t.Diagnostic!;
                Assert.Equal((fd.Code, fd.Severity, fd.Message, fd.File, fd.Line, fd.SourceColumn, fd.Column, fd.Check), (td.Code, td.Severity, td.Message, td.File, td.Line, td.SourceColumn, td.Column, td.Check));
                Assert.Equal(fd.Examples.Count, td.Examples.Count);
                if (compareExamples)
                {
                    Assert.Equal(fd.Examples.Select(e => (e.Row, e.Value)), td.Examples.Select(e => (e.Row, e.Value)));
                }
            }
        }
    }

    private static string Describe(CheckResult c) => $"{c.Id} {c.Description} {c.Status} measured={c.Measured} bound={c.Bound} column={c.Column}";
}
