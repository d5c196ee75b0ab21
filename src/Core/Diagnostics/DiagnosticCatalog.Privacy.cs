namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    /// <summary>MG2140: a column whose contract says <c>"pii": "forbidden"</c> holds personal data (detected, or declared sensitive).</summary>
    public static readonly DiagnosticDescriptor PiiForbidden = new("MG2140", "Personal data in a column that forbids it", Severity.Error);

    /// <summary>MG2141: personal data was detected in a column the contract does not declare with <c>"pii"</c>.</summary>
    public static readonly DiagnosticDescriptor PiiUndeclared = new("MG2141", "Undeclared personal data", Severity.Warning);

    /// <summary>MG2142: unmasked personal data in a column whose contract says <c>"pii": "masked"</c>.</summary>
    public static readonly DiagnosticDescriptor PiiNotMasked = new("MG2142", "Personal data not masked", Severity.Error);

    /// <summary>MG2143: a column's name hints at a special category of personal data (GDPR art. 9) but the contract does not mark it sensitive.</summary>
    public static readonly DiagnosticDescriptor SpecialCategoryName = new("MG2143", "Special category of personal data", Severity.Warning);
}
