using ModelGates.Drift;

namespace ModelGates.Tests.Drift;

/// <summary>Bad input gets a clear ArgumentException naming the problem (the engine turns empty sides into "insufficient data").</summary>
public sealed class DriftInputValidationTests
{
    public static TheoryData<string> AllIds()
    {
        var data = new TheoryData<string>();
        foreach (var test in DriftTestRegistry.All)
        {
            data.Add(test.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Every_test_rejects_an_empty_side(string id)
    {
        var test = DriftTestRegistry.Get(id);
        var (full, empty) = test.Input == DriftInputKind.Values
            ? ((DriftSample)NumericSample.FromSorted([1.0, 2.0, 3.0]), (DriftSample)NumericSample.FromSorted([]))
            : (CountVector.Of(4, 5), CountVector.Of(0, 0));

        var onReference = Assert.Throws<ArgumentException>(() => test.Compute(empty, full));
        Assert.Equal("reference", onReference.ParamName);
        Assert.Contains("empty", onReference.Message, StringComparison.Ordinal);
        var onCurrent = Assert.Throws<ArgumentException>(() => test.Compute(full, empty));
        Assert.Equal("current", onCurrent.ParamName);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Every_test_rejects_the_other_input_kind(string id)
    {
        var test = DriftTestRegistry.Get(id);
        DriftSample wrong = test.Input == DriftInputKind.Values ? CountVector.Of(4, 5) : NumericSample.FromSorted([1.0, 2.0]);
        var error = Assert.Throws<ArgumentException>(() => test.Compute(wrong, wrong));
        Assert.Contains(test.Id, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Weighted_samples_are_accepted_exactly_by_the_tests_that_say_so(string id)
    {
        var test = DriftTestRegistry.Get(id);
        if (test.Input != DriftInputKind.Values)
        {
            Assert.False(test.AcceptsWeights);
            return;
        }

        var weighted = NumericSample.FromSorted([1.0, 2.0, 3.0], [2.0, 1.0, 3.0]);
        var plain = NumericSample.FromSorted([1.5, 2.5, 3.5]);
        if (test.AcceptsWeights)
        {
            Assert.True(double.IsFinite(test.Compute(weighted, plain).Statistic));
        }
        else
        {
            var error = Assert.Throws<ArgumentException>(() => test.Compute(weighted, plain));
            Assert.Contains("weighted", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Weights_are_accepted_by_ks_wasserstein_ed_t_test_and_wasserstein_rank()
    {
        var accepting = DriftTestRegistry.All.Where(t => t.AcceptsWeights).Select(t => t.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["ed", "ks", "t_test", "wasserstein", "wasserstein_rank"], accepting);
    }

    [Theory]
    [InlineData("t_test")]
    [InlineData("cramer_von_mises")]
    [InlineData("anderson")]
    public void Tests_needing_two_observations_per_side_say_so(string id)
    {
        var test = DriftTestRegistry.Get(id);
        Assert.Equal(2, test.MinimumSize);
        var error = Assert.Throws<ArgumentException>(() => test.Compute(NumericSample.FromSorted([1.0]), NumericSample.FromSorted([1.0, 2.0, 3.0])));
        Assert.Contains("at least 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_vectors_must_be_aligned()
    {
        var error = Assert.Throws<ArgumentException>(() => DriftTestRegistry.Get("chisquare").Compute(CountVector.Of(1, 2, 3), CountVector.Of(1, 2)));
        Assert.Contains("not aligned", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("z")]
    [InlineData("fisher_exact")]
    public void Binary_tests_need_two_categories(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => DriftTestRegistry.Get(id).Compute(CountVector.Of(1, 2, 3), CountVector.Of(3, 2, 1)));
        Assert.Contains("[false, true]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numeric_samples_must_be_finite_and_sorted()
    {
        Assert.Contains("not sorted", Assert.Throws<ArgumentException>(() => NumericSample.FromSorted([2.0, 1.0])).Message, StringComparison.Ordinal);
        Assert.Contains("missing", Assert.Throws<ArgumentException>(() => NumericSample.FromSorted([1.0, double.NaN])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => NumericSample.FromUnsorted([3.0, double.PositiveInfinity]));
        Assert.Throws<ArgumentException>(() => NumericSample.FromSorted([1.0, 2.0], [1.0]));
        Assert.Throws<ArgumentException>(() => NumericSample.FromSorted([1.0, 2.0], [1.0, 0.0]));
        Assert.Throws<ArgumentException>(() => NumericSample.FromUnsorted([1.0, 2.0], [1.0, -1.0]));
    }

    [Fact]
    public void Numeric_sample_sorts_and_sizes()
    {
        var sample = NumericSample.FromUnsorted([3.0, 1.0, 2.0], [0.5, 2.0, 1.0]);
        Assert.Equal([1.0, 2.0, 3.0], sample.Values.ToArray());
        Assert.Equal([2.0, 1.0, 0.5], sample.Weights.ToArray());
        Assert.Equal(3.5, sample.Size);
        Assert.True(sample.IsWeighted);
        Assert.False(NumericSample.FromSorted([1.0]).IsWeighted);
        Assert.True(NumericSample.FromSorted([]).IsEmpty);
    }

    [Fact]
    public void Count_vectors_reject_negative_counts_and_total_the_rest()
    {
        Assert.Throws<ArgumentException>(() => CountVector.Of(3, -1));
        var counts = CountVector.Of(3, 0, 4);
        Assert.Equal(7, counts.Total);
        Assert.Equal(3, counts.Length);
        Assert.Throws<OverflowException>(() => CountVector.Of(long.MaxValue, 1));
    }
}
