using ModelGates.Quality.Privacy;

namespace ModelGates.Tests.Quality.Privacy;

/// <summary>The check-digit algorithms against published test numbers, and the same numbers with one character changed.</summary>
public sealed class ChecksumsTests
{
    // Test card numbers documented by the card processors (Stripe, PayPal/Braintree): Visa, Mastercard (5- and 2-series),
    // Amex, Discover, JCB, Diners.
    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("4012888888881881")]
    [InlineData("5555555555554444")]
    [InlineData("5105105105105100")]
    [InlineData("2223003122003222")]
    [InlineData("378282246310005")]
    [InlineData("371449635398431")]
    [InlineData("6011111111111117")]
    [InlineData("3530111333300000")]
    [InlineData("30569309025904")]
    public void Documented_test_cards_pass_Luhn_and_a_changed_digit_fails(string card)
    {
        Assert.True(Checksums.Luhn(card));
        Assert.False(Checksums.Luhn(ChangeDigit(card, 5)));
        Assert.Equal(PiiKind.PaymentCard, PiiValueDetector.Detect(card));
    }

    // The example IBANs of the SWIFT IBAN registry.
    [Theory]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("DE89370400440532013000")]
    [InlineData("GB29NWBK60161331926819")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("BE68539007547034")]
    [InlineData("ES9121000418450200051332")]
    [InlineData("IT60X0542811101000000123456")]
    [InlineData("CH9300762011623852957")]
    [InlineData("NO9386011117947")]
    public void Registry_example_IBANs_pass_mod_97_and_a_changed_digit_fails(string iban)
    {
        Assert.True(Checksums.Iban(iban));
        Assert.False(Checksums.Iban(ChangeDigit(iban, 6)));
        Assert.False(Checksums.Iban(iban[..2] + ((int.Parse(iban[2..4], System.Globalization.CultureInfo.InvariantCulture) + 1) % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + iban[4..]));
        Assert.Equal(PiiKind.Iban, PiiValueDetector.Detect(iban));
    }

    [Fact]
    public void An_IBAN_of_the_wrong_length_for_its_country_fails() => Assert.False(Checksums.Iban("NL91ABNA04171643001"));

    // BSN: the numbers the Dutch government's test sets use; personnummer: Skatteverket's example 811218-9876.
    [Theory]
    [InlineData("111222333", "DutchBsn")]
    [InlineData("123456782", "DutchBsn")]
    [InlineData("811218-9876", "SwedishPersonnummer")]
    [InlineData("19811218-9876", "SwedishPersonnummer")]
    [InlineData("1 84 12 76 451 089 46", "FrenchNir")]
    [InlineData("2 55 08 14 168 025 38", "FrenchNir")]
    [InlineData("12345678Z", "SpanishDni")]
    [InlineData("X1234567L", "SpanishDni")]
    [InlineData("RSSMRA85T10A562S", "ItalianCodiceFiscale")]
    [InlineData("MRTMTT25D09F205Z", "ItalianCodiceFiscale")]
    public void National_identifiers_with_a_valid_check_are_recognised_and_a_changed_check_is_not(string value, string kindName)
    {
        var kind = Enum.Parse<PiiKind>(kindName);
        Assert.Equal(kind, PiiValueDetector.Detect(value));
        Assert.True(kind.HasChecksum());
        var last = value[^1];
        var changed = value[..^1] + (char.IsAsciiDigit(last) ? (char)('0' + ((last - '0' + 1) % 10)) : (char)('A' + ((last - 'A' + 1) % 26)));
        Assert.Null(PiiValueDetector.Detect(changed));
    }

    [Fact]
    public void A_personnummer_needs_a_real_date() => Assert.False(Checksums.SwedishPersonnummer("8113189879"));

    [Fact]
    public void A_Corsican_NIR_reads_2A_as_19()
    {
        // 2A → 19 for the key: body 1 80 01 19 123 456 → key computed over 1800119123456.
        var key = 97 - (int)(1800119123456L % 97);
        Assert.True(Checksums.FrenchNir("18001" + "2A" + "123456" + key.ToString("00", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string ChangeDigit(string value, int index)
    {
        var chars = value.ToCharArray();
        chars[index] = chars[index] == '9' ? '0' : (char)(chars[index] + 1);
        return new string(chars);
    }
}
