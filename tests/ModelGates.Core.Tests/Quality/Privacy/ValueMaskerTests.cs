using ModelGates.Quality.Privacy;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality.Privacy;

public sealed class ValueMaskerTests
{
    [Theory]
    [InlineData("john.doe@example.com", "Email", "j***@****.com")]
    [InlineData("4111 1111 1111 1111", "PaymentCard", "**** **** **** 1111")]
    [InlineData("4111111111111111", "PaymentCard", "**** **** **** 1111")]
    [InlineData("NL91ABNA0417164300", "Iban", "NL** **** **** 4300")]
    [InlineData("192.0.2.1", "IpAddress", "***.***.***.***")]
    [InlineData("2001:db8::1", "IpAddress", "****:****:****:****")]
    [InlineData("+31 6 12345678", "Phone", "*******78")]
    [InlineData("123456782", "DutchBsn", "*******82")]
    [InlineData("diabetes", "Other", "***")]
    public void Masks_as_documented(string value, string kindName, string masked) => Assert.Equal(masked, ValueMasker.Mask(value, Enum.Parse<PiiKind>(kindName)));

    [Fact]
    public void A_value_in_a_sensitive_column_is_masked_by_its_own_kind()
        => Assert.Equal("j***@****.com", ValueMasker.Mask("jane@example.com", PiiKind.Other));

    [Fact]
    public void No_generated_personal_value_survives_masking()
    {
        var data = PrivacyDataFixture.Data;
        foreach (var column in PrivacyData.PiiColumns)
        {
            var kind = PiiScanner.Scan(column, data.Values[column].Cast<string?>().ToList()).MainKind;
            foreach (var value in data.Values[column])
            {
                var masked = ValueMasker.Mask(value, kind);
                Assert.DoesNotContain(value, masked, StringComparison.Ordinal);
                Assert.Contains('*', masked);
            }
        }
    }
}
