namespace ModelGates.Quality.Privacy;

/// <summary>A kind of personal data that <see cref="PiiScanner"/> recognises in values (docs/privacy.md#what-is-detected).</summary>
internal enum PiiKind
{
    /// <summary>Not personal data by its shape; a sensitive column's values are still masked as a whole.</summary>
    Other = 0,

    /// <summary>An e-mail address (pattern only).</summary>
    Email,

    /// <summary>A phone number that libphonenumber accepts as valid for its region (pattern only: no checksum exists).</summary>
    Phone,

    /// <summary>A payment card number with a known issuer prefix and a valid Luhn check digit.</summary>
    PaymentCard,

    /// <summary>An IBAN whose mod-97 check (ISO 13616) holds and whose length matches its country.</summary>
    Iban,

    /// <summary>An IPv4 or IPv6 address (pattern only).</summary>
    IpAddress,

    /// <summary>A Dutch citizen service number (BSN), 11-test.</summary>
    DutchBsn,

    /// <summary>A Swedish personal identity number (personnummer): a valid date and a Luhn check digit.</summary>
    SwedishPersonnummer,

    /// <summary>A French social security number (NIR): 13 digits and a mod-97 key.</summary>
    FrenchNir,

    /// <summary>A Spanish DNI or NIE: digits and the mod-23 control letter.</summary>
    SpanishDni,

    /// <summary>An Italian codice fiscale: 16 characters and the odd/even check character.</summary>
    ItalianCodiceFiscale,

    /// <summary>A US social security number shape (pattern only: an SSN has no check digit).</summary>
    UsSsn,
}

/// <summary>Names and traits of <see cref="PiiKind"/>.</summary>
internal static class PiiKinds
{
    /// <summary>The id written in outputs and docs (<c>email</c>, <c>paymentCard</c>, ...).</summary>
    public static string Id(this PiiKind kind) => kind switch
    {
        PiiKind.Email => "email",
        PiiKind.Phone => "phone",
        PiiKind.PaymentCard => "paymentCard",
        PiiKind.Iban => "iban",
        PiiKind.IpAddress => "ipAddress",
        PiiKind.DutchBsn => "nlBsn",
        PiiKind.SwedishPersonnummer => "sePersonnummer",
        PiiKind.FrenchNir => "frNir",
        PiiKind.SpanishDni => "esDni",
        PiiKind.ItalianCodiceFiscale => "itCodiceFiscale",
        PiiKind.UsSsn => "usSsn",
        _ => "other",
    };

    /// <summary>Whether a hit of this kind passed a checksum, so that one hit flags its column.</summary>
    public static bool HasChecksum(this PiiKind kind) => kind is PiiKind.PaymentCard or PiiKind.Iban or PiiKind.DutchBsn
        or PiiKind.SwedishPersonnummer or PiiKind.FrenchNir or PiiKind.SpanishDni or PiiKind.ItalianCodiceFiscale;
}
