using ModelGates.Testing;

namespace ModelGates.Xunit.Tests;

public sealed class DataAssertTests
{
    [Fact]
    public void Shipped_sample_satisfies_its_contract()
    {
        var result = DataAssert.Satisfies(RepoPaths.Combine("samples", "data", "credit_data.csv"), RepoPaths.Combine("samples", "contracts", "credit.contract.json"));

        Assert.True(result.Passed);
    }

    [Fact]
    public void Corrupted_sample_fails_with_a_table_of_what_was_measured()
    {
        var error = Assert.Throws<ModelGatesAssertException>(() =>
            DataAssert.Satisfies(RepoPaths.Combine("samples", "data", "broken", "credit_corrupted.csv"), RepoPaths.Combine("samples", "contracts", "credit.contract.json")));

        Assert.Contains("6 of", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"MG2006\s+Amount\s+min\s+-500\s+0\s+.*credit\.contract\.json\(\d+,7\)", error.Message);
        Assert.Contains("row 20 (line 21): \"-500\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Assert.True() Failure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_contract_is_reported_with_its_code()
    {
        var error = Assert.Throws<ModelGatesAssertException>(() => DataAssert.Satisfies(RepoPaths.Combine("samples", "data", "credit_data.csv"), "no-such.contract.json"));

        Assert.Contains("MG0010", error.Message, StringComparison.Ordinal);
    }
}
