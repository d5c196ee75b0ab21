namespace ModelGates.Contracts;

/// <summary>What a contract says about personal data in a column (<c>"pii"</c>, docs/privacy.md#contract-keys).</summary>
public enum PiiPolicy
{
    /// <summary>The column must not hold personal data: detected personal data fails the contract (MG2140).</summary>
    Forbidden,

    /// <summary>The column may hold personal data; its values are masked in every output.</summary>
    Allowed,

    /// <summary>The column holds personal data in masked form only: an unmasked value detected fails the contract (MG2142).</summary>
    Masked,
}
