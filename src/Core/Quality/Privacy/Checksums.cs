using System.Globalization;

namespace ModelGates.Quality.Privacy;

/// <summary>
/// The public check-digit algorithms behind the checksum-valid kinds. Each takes the value with separators already
/// removed and upper-cased; a value of the wrong shape is simply not valid.
/// </summary>
internal static class Checksums
{
    /// <summary>Luhn (ISO/IEC 7812-1): payment cards, Swedish personnummer.</summary>
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 2)
        {
            return false;
        }

        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>ISO 13616 IBAN check: the country and check digits moved to the end, letters as 10..35, mod 97 = 1.</summary>
    public static bool Iban(string iban)
    {
        if (iban.Length < 15 || iban.Length > 34 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return false;
        }

        if (!IbanLengths.TryGetValue(iban[..2], out var length) || length != iban.Length)
        {
            return false;
        }

        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>The Dutch BSN 11-test: 9 digits, weights 9..2 and -1, sum divisible by 11 (and not all zeros).</summary>
    public static bool DutchBsn(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 9 || !AllDigits(digits) || digits.SequenceEqual("000000000"))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (digits[i] - '0');
        }

        sum -= digits[8] - '0';
        return sum % 11 == 0;
    }

    /// <summary>
    /// A Swedish personnummer, 10 digits (YYMMDDNNNC) or 12 (YYYYMMDDNNNC): a real date (or a samordningsnummer's
    /// day + 60) and the Luhn check over the 10-digit form.
    /// </summary>
    public static bool SwedishPersonnummer(ReadOnlySpan<char> digits)
    {
        if (!AllDigits(digits) || (digits.Length != 10 && digits.Length != 12))
        {
            return false;
        }

        var ten = digits.Length == 12 ? digits[2..] : digits;
        var month = int.Parse(ten[2..4], CultureInfo.InvariantCulture);
        var day = int.Parse(ten[4..6], CultureInfo.InvariantCulture);
        if (day > 60)
        {
            day -= 60;
        }

        if (digits.Length == 12)
        {
            var year = int.Parse(digits[..4], CultureInfo.InvariantCulture);
            if (year < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }
        }
        else if (month is < 1 or > 12 || day < 1 || day > 31)
        {
            return false;
        }

        return Luhn(ten);
    }

    /// <summary>
    /// The French NIR: sex (1, 2, or 7/8 for temporary numbers), year, month (01-12, 20-42 or 50-99 where unknown),
    /// department (2A/2B for Corsica, read as 19/18 for the key), commune, order, and key = 97 - (first 13 mod 97).
    /// </summary>
    public static bool FrenchNir(string nir)
    {
        if (nir.Length != 15 || nir[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return false;
        }

        var body = nir[..13];
        if (body[5] == '2' && body[6] is 'A' or 'B')
        {
            // Corsica: 2A is numbered as 19, 2B as 18 in the key computation.
            body = string.Concat(body.AsSpan(0, 5), body[6] == 'A' ? "19" : "18", body.AsSpan(7));
        }

        if (!AllDigits(body) || !AllDigits(nir.AsSpan(13)))
        {
            return false;
        }

        var month = int.Parse(body.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (month is 0 or (> 12 and < 20) or (> 42 and < 50))
        {
            return false;
        }

        var number = long.Parse(body, CultureInfo.InvariantCulture);
        var key = int.Parse(nir.AsSpan(13), CultureInfo.InvariantCulture);
        return key == 97 - (int)(number % 97);
    }

    /// <summary>The Spanish DNI (8 digits and a letter) or NIE (X, Y or Z for 0, 1, 2; 7 digits; a letter): number mod 23.</summary>
    public static bool SpanishDni(string value)
    {
        if (value.Length != 9 || !char.IsAsciiLetterUpper(value[8]))
        {
            return false;
        }

        var digits = value[0] switch
        {
            'X' => "0" + value[1..8],
            'Y' => "1" + value[1..8],
            'Z' => "2" + value[1..8],
            _ => value[..8],
        };

        if (!AllDigits(digits))
        {
            return false;
        }

        const string letters = "TRWAGMYFPDXBNJZSQVHLCKE";
        return letters[(int)(long.Parse(digits, CultureInfo.InvariantCulture) % 23)] == value[8];
    }

    /// <summary>
    /// The Italian codice fiscale: 6 letters, 2 digits, a month letter, 2 digits, a letter and 3 digits (digits may be
    /// replaced by the omocodia letters LMNPQRSTUV), then a check letter from the odd and even position tables, mod 26.
    /// </summary>
    public static bool ItalianCodiceFiscale(string value)
    {
        if (value.Length != 16 || !char.IsAsciiLetterUpper(value[15]))
        {
            return false;
        }

        const string omocodia = "LMNPQRSTUV";
        const string months = "ABCDEHLMPRST";
        for (var i = 0; i < 15; i++)
        {
            var c = value[i];
            var letterSlot = i is < 6 or 8 or 11;
            var ok = letterSlot ? char.IsAsciiLetterUpper(c) : char.IsAsciiDigit(c) || omocodia.Contains(c, StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        if (!months.Contains(value[8], StringComparison.Ordinal))
        {
            return false;
        }

        int[] odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = value[i];
            var index = char.IsAsciiDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? odd[index] : index;
        }

        return (char)('A' + (sum % 26)) == value[15];
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    // ISO 13616 registry lengths (SWIFT IBAN registry); a country not listed is not an IBAN.
    private static readonly Dictionary<string, int> IbanLengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
        ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["DO"] = 28,
        ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23,
        ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18,
        ["NO"] = 15, ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24,
        ["SC"] = 31, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["TN"] = 24,
        ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
    };
}
