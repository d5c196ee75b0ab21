using ModelGates.Shared;

namespace ModelGates.Diagnostics;

/// <summary>The fixed identity of one diagnostic code: its id, title, default severity and help page.</summary>
/// <param name="Code">The code, <c>MG</c> followed by four digits.</param>
/// <param name="Title">A short title, the heading of the code's documentation page.</param>
/// <param name="DefaultSeverity">The severity used unless a configuration overrides it.</param>
public sealed record DiagnosticDescriptor(string Code, string Title, Severity DefaultSeverity)
{
    /// <summary>The base of every help link; a code's page is <c>{HelpBase}/{Code}.md</c>.</summary>
    internal const string HelpBase = SharedConstants.HelpLinks.DiagnosticsBase;

    /// <summary>The link to this code's documentation page.</summary>
    public string HelpLink => SharedConstants.HelpLinks.ForDiagnostic(Code);

    /// <summary>Creates a diagnostic of this code with its default severity.</summary>
    public Diagnostic Create(string message) => new(Code, DefaultSeverity, message);
}
