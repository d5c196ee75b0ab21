using ModelGates.Testing;

namespace ModelGates.Xunit.Tests.Privacy;

/// <summary>A failing <c>DataAssert</c> over personal data: the failure message shows masked examples only (docs/privacy.md).</summary>
public sealed class DataAssertMaskingTests
{
    [Fact]
    public void The_failure_message_holds_masked_examples_and_no_raw_value()
    {
        var data = PrivacyData.Build();
        using var dir = new TempDirectory();
        var csv = dir.Write("applicants.csv", data.Csv);
        var contract = dir.Write("applicants.contract.json", """
            {
              "allowUnexpectedColumns": true,
              "uniqueKeys": [["Status", "Iban"]],
              "columns": {
                "Email": { "pii": "forbidden", "maxLength": 5 },
                "Card": { "pii": "allowed", "pattern": "^5.*" },
                "HealthCondition": { "sensitive": true, "allowedValues": ["none"] },
                "Bsn": { "maxLength": 3 }
              }
            }
            """);

        var error = Assert.Throws<ModelGatesAssertException>(() => DataAssert.Satisfies(csv, contract));

        Assert.Contains("MG2140", error.Message, StringComparison.Ordinal);
        Assert.Contains("MG2008", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"**** **** **** ", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"""[a-z]\*\*\*@\*\*\*\*\.com""", error.Message);
        Assert.Empty(data.LeaksIn(error.Message));
    }
}
