using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Quality.Features;
using ModelGates.Quality.Outliers;
using ModelGates.Tests.Quality.LabelErrors;
using Xunit;
using Xunit.Abstractions;

namespace ModelGates.Tests.Quality.Outliers;

/// <summary>LoOP on Gower distance over the credit data with impossible-but-valid-typed rows injected.</summary>
public sealed class OutlierDetectorTests(ITestOutputHelper output)
{
    // Each row types as the data does, but no applicant looks like it: 19 years old with 40 years at the job, a loan
    // of 50,000 for a price of 600; 95 years old with 70 years at a part-time job, earning 900, with assets of 250,000 and a debt of 30,000 and a 72-month loan of 500; a
    // 20-year-old with 45 years' seniority, a 72-month loan of 30,000 and expenses of 180 on an income of 10.
    private static readonly (string Home, string Marital, string Job, double Seniority, double Time, double Age, double Expenses, double Income, double Assets, double Debt, double Amount, double Price)[] Impossible =
    [
        ("rent", "single", "fixed", 40, 36, 19, 35, 120, 0, 0, 50000, 600),
        ("owner", "married", "partime", 70, 72, 95, 60, 900, 250000, 30000, 500, 900),
        ("parents", "single", "freelance", 45, 72, 20, 180, 10, 0, 0, 30000, 31000),
    ];

    [Fact]
    public void Injected_impossible_rows_rank_in_the_top_k()
    {
        var (table, injected) = WithImpossibleRows();
        var result = OutlierDetector.Detect(table, new OutlierOptions { Exclude = ["Status"] });
        var top = result.Finding.Rows.Take(injected.Count).Select(r => r.RowIndex).ToList();
        output.WriteLine($"flagged {result.Finding.Count}; top: {string.Join(", ", result.Finding.Rows.Take(6).Select(r => $"{r.RowIndex} {r.Score:F3} [{r.Details[1].Value} {r.Details[2].Value}]"))}");
        Assert.Equal(injected.Order(), top.Order());
        Assert.All(result.Finding.Rows.Take(injected.Count), r => Assert.True(r.Score >= 0.8));
        Assert.Equal(Severity.Warning, result.Finding.Severity);
        Assert.Equal("outliers", result.Finding.Check);
        Assert.Equal("MG2151", result.Finding.Code);
        Assert.Null(result.Note);
        Assert.Equal(table.Rows, result.Examined);
    }

    [Fact]
    public void The_finding_names_the_columns_that_make_a_row_an_outlier()
    {
        var (table, injected) = WithImpossibleRows();
        var result = OutlierDetector.Detect(table, new OutlierOptions { Exclude = ["Status"] });
        var first = result.Finding.Rows.Single(r => r.RowIndex == injected[0]);
        var columns = first.Details.Single(d => d.Key == "columns").Value.Split(", ");
        Assert.Contains("Amount", columns);
    }

    [Fact]
    public void Above_max_rows_a_seeded_sample_is_scored_and_the_finding_says_so()
    {
        var table = CreditRiskLabelFlips.Table();
        var options = new OutlierOptions { Exclude = ["Status"], MaxRows = 1000, Seed = 3 };
        var first = OutlierDetector.Detect(table, options);
        var second = OutlierDetector.Detect(table, options);
        Assert.Equal(1000, first.Examined);
        Assert.Equal(1000, first.Probabilities.Count(p => !double.IsNaN(p)));
        Assert.Contains("seeded sample of 1000 of 3627 rows (seed 3)", first.Note, StringComparison.Ordinal);
        Assert.All(first.Finding.Rows, r => Assert.Contains(r.Details, d => d.Key == "sample"));
        Assert.Equal((double)first.Finding.Count / 1000, first.Finding.Share);
        Assert.Equal(first.Probabilities, second.Probabilities);
        Assert.NotEqual(first.Probabilities, OutlierDetector.Detect(table, options with { Seed = 4 }).Probabilities);
    }

    [Fact]
    public void A_column_of_too_many_categories_is_MG2154_exit_code_3()
    {
        var table = CreditRiskLabelFlips.Table();
        var ids = Enumerable.Range(0, table.Rows).Select(i => "id" + i).ToArray();
        var withIds = new FeatureTable(table.Rows, [.. table.Columns, FeatureColumn.Categorical("ApplicantId", ids)], "train.csv");
        var e = Assert.Throws<DataReadException>(() => OutlierDetector.Detect(withIds, new OutlierOptions()));
        Assert.Equal("MG2154", e.Diagnostics[0].Code);
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
        Assert.Equal("ApplicantId", e.Diagnostics[0].Column);
        Assert.Contains("3627 distinct values", e.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_MG2157_exit_code_2()
    {
        var table = CreditRiskLabelFlips.Table();
        var e = Assert.Throws<ConfigurationException>(() => OutlierDetector.Detect(table, new OutlierOptions { Neighbors = 0 }));
        Assert.Equal("MG2157", e.Diagnostics[0].Code);
        Assert.Equal(ExitCodes.UsageError, e.ExitCode);
    }

    private static (FeatureTable Table, List<long> Injected) WithImpossibleRows()
    {
        var table = CreditRiskLabelFlips.Table();
        var n = table.Rows + Impossible.Length;

        // Injected at fixed positions spread through the data, so rank does not depend on position.
        long[] at = [100, 1800, 3500];
        var columns = table.Columns.Select(c =>
        {
            if (c.Numbers is { } numbers)
            {
                var values = numbers.ToList();
                for (var i = 0; i < at.Length; i++)
                {
                    values.Insert((int)at[i], NumberOf(c.Name, Impossible[i]));
                }

                return FeatureColumn.Numeric(c.Name, [.. values]);
            }

            var text = c.Categories!.ToList();
            for (var i = 0; i < at.Length; i++)
            {
                text.Insert((int)at[i], TextOf(c.Name, Impossible[i]));
            }

            return FeatureColumn.Categorical(c.Name, [.. text]);
        }).ToList();
        return (new FeatureTable(n, columns, table.Source), [.. at]);
    }

    private static double NumberOf(string name, (string Home, string Marital, string Job, double Seniority, double Time, double Age, double Expenses, double Income, double Assets, double Debt, double Amount, double Price) r) => name switch
    {
        "Seniority" => r.Seniority,
        "Time" => r.Time,
        "Age" => r.Age,
        "Expenses" => r.Expenses,
        "Income" => r.Income,
        "Assets" => r.Assets,
        "Debt" => r.Debt,
        "Amount" => r.Amount,
        "Price" => r.Price,
        _ => throw new ArgumentException(name),
    };

    private static string TextOf(string name, (string Home, string Marital, string Job, double Seniority, double Time, double Age, double Expenses, double Income, double Assets, double Debt, double Amount, double Price) r) => name switch
    {
        "Status" => "good",
        "Home" => r.Home,
        "Marital" => r.Marital,
        "Job" => r.Job,
        "Records" => "false",
        _ => throw new ArgumentException(name),
    };
}
