using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace ModelGates.Quality.Privacy;

/// <summary>
/// Tells what kind of personal data one value is, if any (docs/privacy.md#what-is-detected). Checksum kinds are
/// tried first, so a 16-digit number that passes Luhn is a card and not a phone number; pattern-only kinds
/// (e-mail, phone, IP address, US SSN) come after.
/// </summary>
internal static partial class PiiValueDetector
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The kind of <paramref name="value"/>, or null when it is not recognised as personal data.</summary>
    public static PiiKind? Detect(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 254)
        {
            return null;
        }

        var text = value.Trim();
        if (text.Contains('@', StringComparison.Ordinal))
        {
            return Email().IsMatch(text) ? PiiKind.Email : null;
        }

        if (Ssn().Match(text) is { Success: true } ssn && IsSsn(ssn))
        {
            return PiiKind.UsSsn;
        }

        if (IsIpAddress(text))
        {
            return PiiKind.IpAddress;
        }

        if (text.StartsWith('+'))
        {
            return IsPhone(text) ? PiiKind.Phone : null;
        }

        // A number with a decimal point is an amount, not an identifier: "4123.456789012345" is no card.
        var compact = Compact(text);
        if (compact.Length > 0 && compact.All(char.IsAsciiDigit) && !text.Contains('.', StringComparison.Ordinal))
        {
            // A 15-digit French NIR is tried first: it may start like a Mastercard and pass Luhn by chance.
            if (compact.Length == 15 && Checksums.FrenchNir(compact))
            {
                return PiiKind.FrenchNir;
            }

            if (compact.Length is >= 13 and <= 19 && IsCardPrefix(compact) && Checksums.Luhn(compact))
            {
                return PiiKind.PaymentCard;
            }

            if (Checksums.DutchBsn(compact))
            {
                return PiiKind.DutchBsn;
            }

            if (Checksums.SwedishPersonnummer(compact))
            {
                return PiiKind.SwedishPersonnummer;
            }

            if (Checksums.FrenchNir(compact))
            {
                return PiiKind.FrenchNir;
            }
        }
        else if (compact.Length > 0)
        {
            var upper = compact.ToUpperInvariant();
            if (Checksums.Iban(upper))
            {
                return PiiKind.Iban;
            }

            if (Checksums.SpanishDni(upper))
            {
                return PiiKind.SpanishDni;
            }

            if (Checksums.ItalianCodiceFiscale(upper))
            {
                return PiiKind.ItalianCodiceFiscale;
            }

            if (Checksums.FrenchNir(upper))
            {
                return PiiKind.FrenchNir;
            }
        }

        return IsPhone(text) ? PiiKind.Phone : null;
    }

    /// <summary>The value without the separators people write inside identifiers: spaces, hyphens, dots, slashes and a personnummer's plus.</summary>
    internal static string Compact(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (c is not (' ' or '-' or '.' or '/' or '+' or '\u00A0'))
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }

    // Issuer prefixes of the card networks (ISO/IEC 7812 IIN ranges): Amex, Diners, JCB (3), Visa (4), Mastercard
    // (51-55, 2221-2720), Maestro, Discover, UnionPay (5, 6). Other 16-digit numbers that pass Luhn are not cards.
    private static bool IsCardPrefix(string digits)
    {
        if (digits[0] is '3' or '4' or '5' or '6')
        {
            return true;
        }

        // Mastercard's 2-series numbers are always 16 digits long.
        var four = int.Parse(digits.AsSpan(0, 4), CultureInfo.InvariantCulture);
        return four is >= 2221 and <= 2720 && digits.Length == 16;
    }

    // Area 000, 666 and 900-999, group 00 and serial 0000 are never issued (SSA), so they are not SSNs.
    private static bool IsSsn(Match m) =>
        m.Groups["area"].Value is not ("000" or "666") && m.Groups["area"].Value[0] != '9'
        && m.Groups["group"].Value != "00" && m.Groups["serial"].Value != "0000";

    private static bool IsIpAddress(string text)
    {
        if (IPv4().IsMatch(text))
        {
            return text.Split('.').All(part => int.Parse(part, CultureInfo.InvariantCulture) <= 255);
        }

        // IPAddress.TryParse also takes "1" and "0x1" as IPv4; only the colon form is read by it here.
        return text.Contains(':', StringComparison.Ordinal) && text.Count(c => c == ':') >= 2 && IPv6Chars().IsMatch(text)
            && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    // Only numbers written with their country code (+31 ..., 0031 ...) are validated: a bare national number
    // cannot be told from an amount or an identifier without knowing the country.
    private static bool IsPhone(string text)
    {
        if (!PhoneShape().IsMatch(text))
        {
            return false;
        }

        var international = text.StartsWith('+') ? text : text.StartsWith("00", StringComparison.Ordinal) ? "+" + text[2..] : null;
        if (international is null)
        {
            return false;
        }

        try
        {
            return Phones.IsValidNumber(Phones.Parse(international, "ZZ"));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    // A practical e-mail shape: a local part, @, and a domain with a dot and a letter TLD ("john@" or "john@host" is not one).
    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"^(?<area>\d{3})-(?<group>\d{2})-(?<serial>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Ssn();

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex IPv4();

    [GeneratedRegex(@"^[0-9A-Fa-f:.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IPv6Chars();

    [GeneratedRegex(@"^(?:\+|00)[0-9 ().\-/]{6,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();
}
