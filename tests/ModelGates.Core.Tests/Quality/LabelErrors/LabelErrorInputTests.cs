using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Quality.Features;
using ModelGates.Quality.LabelErrors;
using ModelGates.Testing;
using Xunit;

namespace ModelGates.Tests.Quality.LabelErrors;

/// <summary>Bad input to the label-error check: each an MG code and exit code, never a stack trace.</summary>
public sealed class LabelErrorInputTests
{
    [Fact]
    public void A_class_with_fewer_rows_than_folds_is_MG2152_exit_code_3()
    {
        var table = Table(["a", "a", "a", "a", "a", "b", "b", "b"]);
        var e = Assert.Throws<DataReadException>(() => LabelErrorDetector.Detect(table, new LabelErrorOptions { Label = "y", Folds = 5 }));
        Assert.Equal("MG2152", e.Diagnostics[0].Code);
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
        Assert.Contains("3 rows of class 'b', fewer than the 5 folds", e.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_rows_than_folds_is_MG2152()
    {
        var table = Table(["a", "b", "a"]);
        var e = Assert.Throws<DataReadException>(() => LabelErrorDetector.Detect(table, new LabelErrorOptions { Label = "y", Folds = 5 }));
        Assert.Equal("MG2152", e.Diagnostics[0].Code);
        Assert.Contains("3 rows, fewer than the 5 folds", e.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_of_one_class_is_MG2153_exit_code_3()
    {
        var e = Assert.Throws<DataReadException>(() => LabelErrorDetector.Detect(Table(["good", "good", "good"]), new LabelErrorOptions { Label = "y" }));
        Assert.Equal("MG2153", e.Diagnostics[0].Code);
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
        Assert.Contains("one class ('good')", e.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_label_is_MG2153_naming_the_row()
    {
        var e = Assert.Throws<DataReadException>(() => LabelErrorDetector.Detect(Table(["a", null, "b"]), new LabelErrorOptions { Label = "y" }));
        Assert.Equal("MG2153", e.Diagnostics[0].Code);
        Assert.Contains("data row 2", e.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_label_is_MG2156_with_a_suggestion()
    {
        var e = Assert.Throws<DataReadException>(() => LabelErrorDetector.Detect(Table(["a", "b"]), new LabelErrorOptions { Label = "Y" }));
        Assert.Equal("MG2156", e.Diagnostics[0].Code);
        Assert.Contains("Did you mean 'y'?", e.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(5, "xgboost")]
    public void Invalid_options_are_MG2157_exit_code_2(int folds, string? trainer)
    {
        var e = Assert.Throws<ConfigurationException>(() => LabelErrorDetector.Detect(Table(["a", "b"]), new LabelErrorOptions
        {
            Label = "y",
            Folds = folds,
            Trainer = trainer is null ? LabelErrorTrainer.LightGbm : LabelErrorTrainerText.Parse(trainer),
        }));
        Assert.Equal("MG2157", e.Diagnostics[0].Code);
        Assert.Equal(ExitCodes.UsageError, e.ExitCode);
    }

    [Fact]
    public void Supplied_out_of_fold_predictions_are_matched_by_row_number_and_flag_the_disagreeing_row()
    {
        var dir = Directory.CreateTempSubdirectory("mg-oof-");
        try
        {
            // Rows 1-8 agree confidently with their labels; row 9 is labelled a but predicted b with 0.95.
            var labels = new[] { "a", "a", "a", "a", "b", "b", "b", "b", "a" };
            var lines = new List<string> { "row,p_a,p_b" };
            for (var i = 0; i < labels.Length; i++)
            {
                var pa = i == 8 ? 0.05 : labels[i] == "a" ? 0.9 : 0.1;
                lines.Add(FormattableString.Invariant($"{i + 1},{pa},{1 - pa}"));
            }

            var path = Path.Combine(dir.FullName, "oof.csv");
            File.WriteAllLines(path, lines);
            var result = LabelErrorDetector.Detect(Table(labels), Predictions(path), new LabelErrorOptions { Label = "y" });
            Assert.Equal([8L], result.Finding.Rows.Select(r => r.RowIndex));
            Assert.Equal("b", result.Finding.Rows[0].Details.Single(d => d.Key == "suggested").Value);
            Assert.Equal(1.0 / 9, result.Finding.Share, 12);
            Assert.Equal(Severity.Warning, result.Finding.Severity);

            // The same flag under a tolerated share is info.
            Assert.Equal(Severity.Info, LabelErrorDetector.Detect(Table(labels), Predictions(path), new LabelErrorOptions { Label = "y", MaxShare = 0.2 }).Finding.Severity);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("row,p_a\n1,0.5\n2,0.5\n", "no probability column for class 'b' (expected 'p_b')")]
    [InlineData("id,p_a,p_b\n1,0.5,0.5\n2,0.5,0.5\n", "no key column 'row'")]
    [InlineData("row,p_a,p_b\n1,0.5,0.5\n", "Data row 2 (key 2) has no row")]
    [InlineData("row,p_a,p_b\n1,1.5,-0.5\n2,0.5,0.5\n", "a probability must be a number in [0, 1]")]
    [InlineData("row,p_a,p_b\n1,0.5,0.2\n2,0.5,0.5\n", "sum to 0.7, not 1")]
    [InlineData("row,p_a,p_b\n1,0.5,0.5\n1,0.5,0.5\n2,0.5,0.5\n", "key 1 twice")]
    public void Unusable_out_of_fold_predictions_are_MG2155_exit_code_3(string csv, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("mg-oof-");
        try
        {
            var path = Path.Combine(dir.FullName, "oof.csv");
            File.WriteAllText(path, csv);
            var e = Assert.Throws<DataReadException>(() => LabelErrorDetector.Detect(Table(["a", "b"]), Predictions(path), new LabelErrorOptions { Label = "y" }));
            Assert.Equal("MG2155", e.Diagnostics[0].Code);
            Assert.Equal(ExitCodes.DataError, e.ExitCode);
            Assert.Contains(expected, e.Diagnostics[0].Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static FeatureTable Table(string?[] labels) =>
        new(labels.Length, [FeatureColumn.Numeric("x", [.. labels.Select((_, i) => (double)i)]), FeatureColumn.Categorical("y", labels)], "data.csv");

    private static FeatureTable Predictions(string path)
    {
        using var engine = new DataEngine();
        return FeatureTable.Read(engine, DatasetLoader.Load(engine, new DatasetSource(path)));
    }
}
