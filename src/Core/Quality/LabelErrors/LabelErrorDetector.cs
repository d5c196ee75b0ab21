using System.Globalization;
using ModelGates.Diagnostics;
using ModelGates.Quality.Features;

namespace ModelGates.Quality.LabelErrors;

/// <summary>
/// The label-error check: out-of-fold probabilities (a seeded K-fold ML.NET model, or a supplied predictions file),
/// confident learning over them, and one <see cref="QualityFinding"/> listing the flagged rows by self-confidence.
/// </summary>
internal static class LabelErrorDetector
{
    /// <summary>The check id of the finding.</summary>
    public const string Check = "labelErrors";

    /// <summary>Trains K models on the table's feature columns and flags rows by confident learning.</summary>
    /// <exception cref="ModelGatesException">MG2152, MG2153, MG2156, MG2158 (exit code 3); MG2157 (exit code 2).</exception>
    public static LabelErrorResult Detect(FeatureTable table, LabelErrorOptions options)
    {
        options.Validate();
        var labels = LabelClasses.Of(table.Require(options.Label, "label"), table.Source);
        labels.RequireFolds(options.Folds, options.Label, table.Source);
        var features = Features(table, options);
        var probabilities = OutOfFoldPredictor.Predict(features, labels, options, table.Source);
        var method = $"{options.Folds}-fold {options.Trainer.ToText()}, seed {options.Seed.ToString(CultureInfo.InvariantCulture)}";
        return Evaluate(labels, probabilities, options, method);
    }

    /// <summary>Flags rows by confident learning over supplied out-of-fold probabilities (one column per class).</summary>
    /// <exception cref="ModelGatesException">MG2153, MG2155, MG2156 (exit code 3); MG2157 (exit code 2).</exception>
    public static LabelErrorResult Detect(FeatureTable table, FeatureTable predictions, LabelErrorOptions options)
    {
        options.Validate();
        var labels = LabelClasses.Of(table.Require(options.Label, "label"), table.Source);
        var probabilities = OutOfFoldPredictions.Match(table, predictions, labels.Classes, options.Keys);
        return Evaluate(labels, probabilities, options, $"out-of-fold predictions '{predictions.Source ?? "supplied"}'");
    }

    /// <summary>Confident learning over probabilities already matched to the rows, and the finding.</summary>
    public static LabelErrorResult Evaluate(LabelClasses labels, double[,] probabilities, LabelErrorOptions options, string method)
    {
        var learning = ConfidentLearning.Run(labels.Indices, probabilities);
        var n = labels.Indices.Length;
        var share = n == 0 ? 0.0 : (double)learning.Issues.Count / n;
        var severity = learning.Issues.Count > 0 && share > options.MaxShare ? options.Severity : Severity.Info;
        var k = labels.Classes.Count;
        var rows = learning.Issues.Take(options.MaxRows).Select(i =>
        {
            var row = new double[k];
            for (var c = 0; c < k; c++)
            {
                row[c] = probabilities[i, c];
            }

            var suggested = NumpyArithmetic.ArgMax(row);
            var selfConfidence = row[labels.Indices[i]];
            return new FlaggedRow(i, 1.0 - selfConfidence,
            [
                new("label", labels.Classes[labels.Indices[i]]),
                new("suggested", labels.Classes[suggested]),
                new("selfConfidence", Number(selfConfidence)),
                new("suggestedProbability", Number(row[suggested])),
                new("method", method),
            ]);
        }).ToList();
        var finding = new QualityFinding(Check, DiagnosticCatalog.LabelErrorsFound.Code, severity, options.Label, learning.Issues.Count, share, rows);
        return new LabelErrorResult(finding, labels.Classes, learning, probabilities, method);
    }

    private static List<FeatureColumn> Features(FeatureTable table, LabelErrorOptions options)
    {
        if (options.Features is { } named)
        {
            return [.. named.Select(name => table.Require(name, "feature"))];
        }

        var excluded = new HashSet<string>([options.Label, .. options.Keys], StringComparer.Ordinal);
        var features = table.Columns.Where(c => !excluded.Contains(c.Name)).ToList();
        return features.Count > 0
            ? features
            : throw new ConfigurationException(DiagnosticCatalog.QualityOptionInvalid.Create($"The data has no feature column besides the label '{options.Label}' and the keys."));
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>What the label-error check found and what it was computed from.</summary>
/// <param name="Finding">The finding (check <c>labelErrors</c>, MG2150).</param>
/// <param name="Classes">The label's classes, the columns of <paramref name="Probabilities"/>.</param>
/// <param name="Learning">Thresholds, confident joint and prune counts.</param>
/// <param name="Probabilities">The out-of-fold probabilities.</param>
/// <param name="Method">How the probabilities were obtained, in words.</param>
internal sealed record LabelErrorResult(QualityFinding Finding, IReadOnlyList<string> Classes, ConfidentLearningResult Learning, double[,] Probabilities, string Method);
