using ModelGates.Diagnostics;
using ModelGates.Monitoring.Estimation;

namespace ModelGates.Tests.Monitoring.Estimation;

public sealed class EstimationErrorTests
{
    [Fact]
    public void Reference_with_fewer_labels_than_scores_is_MG6020()
    {
        var error = Assert.Throws<ModelGatesException>(() => CbpeEstimator.Fit(new double[40], new bool[39]));

        Assert.Equal(ExitCodes.DataError, error.ExitCode);
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("MG6020", diagnostic.Code);
        Assert.Contains("40 rows but 39 labels", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_with_too_few_positives_is_MG6021()
    {
        var scores = Enumerable.Range(0, 100).Select(i => i / 100.0).ToArray();
        var labels = scores.Select(s => s > 0.95).ToArray();

        var error = Assert.Throws<ModelGatesException>(() => CbpeEstimator.Fit(scores, labels));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("MG6021", diagnostic.Code);
        Assert.Contains("4 positive and 96 negative", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_a_number_score_is_MG6022_with_its_row()
    {
        var estimator = Fitted();

        var error = Assert.Throws<ModelGatesException>(() => estimator.Estimate([0.2, 0.4, double.NaN]));

        Assert.Equal(ExitCodes.DataError, error.ExitCode);
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("MG6022", diagnostic.Code);
        Assert.Contains("window score of row 3 is NaN", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_window_is_MG6023()
    {
        var error = Assert.Throws<ModelGatesException>(() => Fitted().Estimate([]));

        Assert.Equal("MG6023", Assert.Single(error.Diagnostics).Code);
    }

    private static CbpeEstimator Fitted()
    {
        var scores = Enumerable.Range(0, 100).Select(i => i / 100.0).ToArray();
        return CbpeEstimator.Fit(scores, scores.Select((s, i) => (i % 3 == 0) ^ (s > 0.5)).ToArray());
    }
}
