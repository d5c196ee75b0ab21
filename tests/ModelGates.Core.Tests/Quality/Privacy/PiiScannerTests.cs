using ModelGates.Quality.Privacy;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality.Privacy;

public sealed class PiiScannerTests
{
    [Fact]
    public void Each_personal_data_column_of_the_credit_sample_is_flagged_and_each_decoy_is_not()
    {
        var data = PrivacyDataFixture.Data;
        foreach (var column in PrivacyData.PiiColumns)
        {
            var result = PiiScanner.Scan(column, data.Values[column].Cast<string?>().ToList());
            Assert.True(result.Flagged, column);
            Assert.Equal(data.Values[column].Count, result.ChecksumValidHits + result.PatternOnlyHits);
        }

        foreach (var column in PrivacyData.DecoyColumns)
        {
            var result = PiiScanner.Scan(column, data.Values[column].Cast<string?>().ToList());
            Assert.False(result.Flagged, $"{column}: {result.KindList}");
            Assert.Equal(0, result.ChecksumValidHits + result.PatternOnlyHits);
        }
    }

    [Fact]
    public void The_kinds_found_are_the_columns_kinds()
    {
        var data = PrivacyDataFixture.Data;
        PiiKind[] expected = [PiiKind.Email, PiiKind.Phone, PiiKind.PaymentCard, PiiKind.Iban, PiiKind.IpAddress, PiiKind.DutchBsn];
        Assert.Equal(expected, PrivacyData.PiiColumns.Select(c => PiiScanner.Scan(c, data.Values[c].Cast<string?>().ToList()).MainKind));
    }

    [Fact]
    public void One_checksum_valid_hit_flags_a_column()
    {
        var values = Enumerable.Range(0, 500).Select(i => (string?)$"note {i}").Append("4111111111111111").ToList();
        var result = PiiScanner.Scan("Notes", values);
        Assert.True(result.Flagged);
        Assert.Equal(1, result.ChecksumValidHits);
        Assert.Equal(["**** **** **** 1111"], result.MaskedExamples);
        Assert.Equal(500, Assert.Single(result.Hits).RowIndex);
    }

    [Theory]
    [InlineData(4, 10, false)] // under the minimum of five hits
    [InlineData(5, 10, true)]
    [InlineData(5, 50, true)] // five is 10 % of fifty
    [InlineData(9, 100, false)] // under 10 % of the sample
    [InlineData(10, 100, true)]
    public void Pattern_only_hits_flag_at_max_of_five_and_ten_percent(int hits, int sampled, bool flagged)
    {
        var values = Enumerable.Range(0, sampled).Select(i => (string?)(i < hits ? $"user{i}@example.org" : $"text {i}"))
            .Concat(Enumerable.Repeat<string?>(null, 50)).ToList();
        var result = PiiScanner.Scan("Comment", values);
        Assert.Equal(sampled, result.Sampled);
        Assert.Equal(hits, result.PatternOnlyHits);
        Assert.Equal(flagged, result.Flagged);
    }

    [Theory]
    [InlineData("HealthCondition", "health")]
    [InlineData("diagnosis_code", "health")]
    [InlineData("ethnic_group", "ethnicity")]
    [InlineData("Religion", "religion")]
    [InlineData("sexualOrientation", "sexualOrientation")]
    [InlineData("political_party", "politicalOpinion")]
    [InlineData("trade_union_member", "tradeUnion")]
    [InlineData("fingerprintHash", "biometrics")]
    [InlineData("dna_sample", "genetics")]
    public void Special_category_names_are_hinted(string column, string category)
    {
        Assert.Equal(category, SpecialCategories.Hint(column));
        Assert.True(PiiScanner.Scan(column, []).IsPersonal);
    }

    [Theory]
    [InlineData("Income")]
    [InlineData("union_type")]
    [InlineData("Seniority")]
    [InlineData("Marital")]
    [InlineData("rejected")]
    public void Ordinary_names_are_not(string column) => Assert.Null(SpecialCategories.Hint(column));

    [Fact]
    public void Findings_carry_masked_values_and_rank_checksum_hits_first()
    {
        var values = new List<string?> { "x", "jane@example.com", "4111111111111111", "bob@example.com", "ann@example.com", "eve@example.com", "joe@example.com" };
        var results = new[] { PiiScanner.Scan("Contact", values), PiiScanner.Scan("religion", ["a", "b"]), PiiScanner.Scan("Plain", ["a"]) };
        var findings = PiiFindings.ToFindings(results, rowLimit: 3);

        Assert.Equal(["MG2141", "MG2143"], findings.Select(f => f.Code));
        var pii = findings[0];
        Assert.Equal(("pii", "Contact", 6L), (pii.Check, pii.Column, pii.Count));
        Assert.Equal(6.0 / 7, pii.Share, 12);
        Assert.Equal([2L, 1L, 3L], pii.Rows.Select(r => r.RowIndex));
        Assert.Equal("**** **** **** 1111", pii.Rows[0].Details.Single(d => d.Key == "value").Value);
        Assert.Equal("valid", pii.Rows[0].Details.Single(d => d.Key == "checksum").Value);
        var all = string.Join("|", findings.SelectMany(f => f.Rows).SelectMany(r => r.Details).Select(d => d.Value));
        Assert.DoesNotContain("jane@", all, StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111111111", all, StringComparison.Ordinal);
    }
}
