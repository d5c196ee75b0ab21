using Xunit.Sdk;

namespace ModelGates.Xunit;

/// <summary>A ModelGates assertion failed; the message says what was measured, against which bound, and where to look.</summary>
public sealed class ModelGatesAssertException : XunitException
{
    /// <summary>Creates the exception.</summary>
    public ModelGatesAssertException(string message)
        : base(message)
    {
    }
}
