using System.Text.RegularExpressions;
using ModelGates.Data;
using ModelGates.Quality.Features;
using ModelGates.Quality.LabelErrors;
using ModelGates.Testing;
using Xunit;

namespace ModelGates.Tests.Quality.LabelErrors;

/// <summary>The out-of-fold predictions file shown in docs/quality-label-errors.md is read as documented.</summary>
public sealed partial class LabelErrorDocsTests
{
    [Fact]
    public void The_documented_predictions_file_is_read_and_its_disagreeing_row_flagged()
    {
        var page = File.ReadAllText(RepoPaths.Combine("docs", "quality-label-errors.md"));
        var csv = CsvBlock().Match(page).Groups[1].Value;
        Assert.StartsWith("row,p_bad,p_good", csv, StringComparison.Ordinal);

        var dir = Directory.CreateTempSubdirectory("mg-oof-doc-");
        try
        {
            var path = Path.Combine(dir.FullName, "oof.csv");
            File.WriteAllText(path, csv);
            FeatureTable predictions;
            using (var engine = new DataEngine())
            {
                predictions = FeatureTable.Read(engine, DatasetLoader.Load(engine, new DatasetSource(path)));
            }

            // Row 2 is labelled bad but predicted good with 0.93.
            var data = new FeatureTable(3, [FeatureColumn.Categorical("Status", ["good", "bad", "bad"])]);
            var result = LabelErrorDetector.Detect(data, predictions, new LabelErrorOptions { Label = "Status" });
            Assert.Equal([1L], result.Finding.Rows.Select(r => r.RowIndex));
            Assert.Equal(0.07, result.Probabilities[1, 0], 12);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [GeneratedRegex("```csv\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsvBlock();
}
