using System.Text;

namespace ModelGates.Quality.Privacy;

/// <summary>
/// The one masker every output uses for values of personal-data and sensitive columns (docs/privacy.md#masking).
/// A masked value keeps only what helps a reader recognise the kind of value and tell examples apart, never enough
/// to recover it: an e-mail keeps its first letter and top-level domain (<c>j***@****.com</c>), a card its last four
/// digits (<c>**** **** **** 1111</c>), an IBAN its country and last four characters, identifiers and phone numbers
/// their last two digits; anything else becomes <c>***</c>.
/// </summary>
internal static class ValueMasker
{
    /// <summary>What a value of a sensitive column (or one that does not look like its column's kind) reads as.</summary>
    public const string Hidden = "***";

    /// <summary>The masked form of <paramref name="value"/>, a value of a column of kind <paramref name="kind"/>.</summary>
    public static string Mask(string? value, PiiKind kind)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return value ?? string.Empty;
        }

        var text = value.Trim();
        var own = PiiValueDetector.Detect(text);
        if (own is { } detected && detected != kind && kind == PiiKind.Other)
        {
            kind = detected;
        }

        return kind switch
        {
            PiiKind.Email => MaskEmail(text),
            PiiKind.PaymentCard => MaskCard(text),
            PiiKind.Iban => MaskIban(text),
            PiiKind.IpAddress => text.Contains(':', StringComparison.Ordinal) ? "****:****:****:****" : "***.***.***.***",
            PiiKind.Phone or PiiKind.DutchBsn or PiiKind.SwedishPersonnummer or PiiKind.FrenchNir or PiiKind.SpanishDni
                or PiiKind.ItalianCodiceFiscale or PiiKind.UsSsn => KeepLast(text, 2),
            _ => Hidden,
        };
    }

    private static string MaskEmail(string text)
    {
        var at = text.LastIndexOf('@');
        var dot = text.LastIndexOf('.');
        if (at <= 0 || dot < at)
        {
            return Hidden;
        }

        return $"{text[0]}***@****{text[dot..]}";
    }

    private static string MaskCard(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length < 12 ? Hidden : "**** **** **** " + digits[^4..];
    }

    private static string MaskIban(string text)
    {
        var compact = PiiValueDetector.Compact(text).ToUpperInvariant();
        return compact.Length < 12 ? Hidden : $"{compact[..2]}** **** **** {compact[^4..]}";
    }

    // Only alphanumerics count, so separators do not shift what is kept; the stars hide the length.
    private static string KeepLast(string text, int keep)
    {
        var chars = text.Where(char.IsAsciiLetterOrDigit).ToArray();
        if (chars.Length <= keep * 3)
        {
            return Hidden;
        }

        return new StringBuilder("*******").Append(chars[^keep..]).ToString();
    }
}
