using ModelGates.Quality.Privacy;

namespace ModelGates.Tests.Quality.Privacy;

public sealed class PiiValueDetectorTests
{
    [Theory]
    [InlineData("john.doe@example.com", "Email")]
    [InlineData("a+tag@sub.example.co.uk", "Email")]
    [InlineData("+1 650-253-0000", "Phone")]
    [InlineData("+44 20 7031 3000", "Phone")]
    [InlineData("0031 20 794 3700", "Phone")]
    [InlineData("192.0.2.1", "IpAddress")]
    [InlineData("2001:db8::1", "IpAddress")]
    [InlineData("078-05-1120", "UsSsn")]
    [InlineData("4111 1111 1111 1111", "PaymentCard")]
    [InlineData("4111-1111-1111-1111", "PaymentCard")]
    [InlineData("NL91 ABNA 0417 1643 00", "Iban")]
    public void Recognises_each_kind(string value, string kindName) => Assert.Equal(Enum.Parse<PiiKind>(kindName), PiiValueDetector.Detect(value));

    [Theory]
    [InlineData("john.doe@")] // no domain
    [InlineData("john@localhost")] // no top-level domain
    [InlineData("4111111111111112")] // fails Luhn
    [InlineData("1234567812345678")] // no card issuer prefix, fails Luhn
    [InlineData("NL92ABNA0417164300")] // wrong IBAN check
    [InlineData("123456789")] // fails the 11-test
    [InlineData("999.1.1.1")] // not an address
    [InlineData("1.2.3")]
    [InlineData("12:30")]
    [InlineData("666-12-3456")] // never-issued SSN area
    [InlineData("6502530000")] // a national number without country code is not validated
    [InlineData("3500")]
    [InlineData("4111.111111111111")] // an amount: the digits pass Luhn, but a decimal point makes it no card
    [InlineData("1117.7123596153846")]
    [InlineData("owner")]
    [InlineData("")]
    [InlineData(null)]
    public void Does_not_flag_decoys_and_ordinary_values(string? value) => Assert.Null(PiiValueDetector.Detect(value));

    [Fact]
    public void Pattern_only_kinds_have_no_checksum()
    {
        Assert.False(PiiKind.Email.HasChecksum());
        Assert.False(PiiKind.Phone.HasChecksum());
        Assert.False(PiiKind.IpAddress.HasChecksum());
        Assert.False(PiiKind.UsSsn.HasChecksum());
    }
}
