using ModelGates.Contracts.Pushdown;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Testing;

namespace ModelGates.Tests.Contracts.Pushdown;

public sealed class SqlContractValidatorDuckDbTests
{
    [Fact]
    public void A_table_gives_the_findings_of_the_same_rows_as_a_csv_file()
    {
        using var dir = new TempDirectory();
        var contract = CreditContract.Read(dir);
        using var session = new DuckDbTestSession();
        CreditContract.Load(session);

        var file = CreditContract.ValidateFile(contract);
        var table = SqlContractValidator.Validate(session, "credit", contract, new SqlContractOptions { DisplayName = PathDisplay.For(CreditContract.CsvPath), RowNumberColumn = "row_id" });

        // The contract breaks most rules; the comparison is only worth something if it does.
        Assert.True(file.Diagnostics.Count >= 15, string.Join("\n", file.Diagnostics.Select(d => d.Message)));
        CreditContract.AssertSameFindings(file, table);
    }

    [Fact]
    public void One_aggregate_scan_measures_every_rule_and_only_failing_checks_query_examples()
    {
        using var dir = new TempDirectory();
        var contract = CreditContract.Read(dir);
        using var session = new DuckDbTestSession();
        CreditContract.Load(session);

        var result = SqlContractValidator.Validate(session, "credit", contract, new SqlContractOptions { RowNumberColumn = "row_id" });

        var failingWithExamples = result.Diagnostics.Count(d => d.Examples.Count > 0);
        var allowedValuesFailures = result.Diagnostics.Count(d => d.Code == "MG2007");
        var scans = session.Sent.Count(q => q.StartsWith("SELECT count(*), ", StringComparison.Ordinal));
        Assert.Equal(1, scans);

        // columns + a compile per check and pattern + the scan + a grouping per key + examples + top unknown values.
        var patterns = contract.Columns.Count(c => c.Pattern is not null);
        var expected = 1 + contract.Checks.Count + patterns + 1 + contract.UniqueKeys.Count + failingWithExamples + allowedValuesFailures;
        Assert.Equal(expected, result.Queries);
        Assert.Equal(expected, session.Sent.Count - 1); // the test's own DESCRIBE of the relation is the first query
        Assert.All(session.Sent.Where(q => q.Contains("WHERE", StringComparison.Ordinal) && !q.StartsWith("SELECT count(*), ", StringComparison.Ordinal) && !q.Contains("GROUP BY", StringComparison.Ordinal) && !q.StartsWith("DESCRIBE", StringComparison.Ordinal)),
            q => Assert.EndsWith($"LIMIT {ModelGates.Contracts.ValidationContext.ExampleLimit}", q, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_row_number_examples_are_ordered_by_value_and_carry_row_zero()
    {
        using var dir = new TempDirectory();
        var contract = CreditContract.Read(dir);
        using var session = new DuckDbTestSession();
        CreditContract.Load(session);

        var numbered = SqlContractValidator.Validate(session, "credit_raw", contract);

        var examples = numbered.Diagnostics.Where(d => d.Check is not ("loan well below price" or "adults")).SelectMany(d => d.Examples).ToList();
        Assert.NotEmpty(examples);
        Assert.All(examples, e => Assert.Equal(0, e.Row));
        foreach (var diagnostic in numbered.Diagnostics.Where(d => d.Examples.Count > 1))
        {
            var values = diagnostic.Examples.Select(e => e.Value ?? "\uffff").ToList();
            Assert.Equal(values.Order(StringComparer.Ordinal), values);
        }

        var rowCheck = numbered.Diagnostics.Single(d => d.Check == "loan well below price");
        Assert.StartsWith("Status=", rowCheck.Examples[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_row_number_column_is_a_configuration_error()
    {
        using var dir = new TempDirectory();
        using var session = new DuckDbTestSession();
        CreditContract.Load(session);

        var error = Assert.Throws<ConfigurationException>(() => SqlContractValidator.Validate(session, "credit", CreditContract.Read(dir), new SqlContractOptions { RowNumberColumn = "line_no" }));

        Assert.Equal("MG2015", error.Diagnostics.Single().Code);
    }

    [Fact]
    public void An_engine_without_regular_expressions_reports_each_pattern_unchecked_instead_of_passing_it()
    {
        using var dir = new TempDirectory();
        var contract = CreditContract.Read(dir);
        using var session = new DuckDbTestSession { WithoutRegex = true };
        CreditContract.Load(session);

        var result = SqlContractValidator.Validate(session, "credit", contract);

        var unchecked_ = result.Checks.Where(c => c.Id.EndsWith("/pattern", StringComparison.Ordinal)).ToList();
        Assert.Equal(contract.Columns.Count(c => c.Pattern is not null), unchecked_.Count);
        Assert.All(unchecked_, c => Assert.Equal(("MG2014", ModelGates.Checks.CheckStatus.Warned), (c.Diagnostic!.Code, c.Status)));
        Assert.Contains("no regular expressions", unchecked_[0].Diagnostic!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "allowUnexpectedColumns": true, "columns": { "Job": { "pattern": "f[a-z" } } }""", "MG0015", 1)]
    [InlineData("""{ "allowUnexpectedColumns": true, "checks": [{ "name": "x", "sql": "count(*) filter (where nope > 1) = 0" }, { "name": "y", "row": "\"Age\" + 1" }] }""", "MG0017", 2)]
    public void A_pattern_or_check_the_engine_cannot_compile_is_a_configuration_error(string json, string code, int count)
    {
        using var dir = new TempDirectory();
        using var session = new DuckDbTestSession();
        CreditContract.Load(session);

        var error = Assert.Throws<ConfigurationException>(() => SqlContractValidator.Validate(session, "credit", CreditContract.Read(dir, json)));

        Assert.Equal(Enumerable.Repeat(code, count), error.Diagnostics.Select(d => d.Code));
        Assert.All(error.Diagnostics, d => Assert.Equal(dir.File("credit.contract.json"), d.File));
    }
}
