namespace ModelGates.Diagnostics;

/// <summary>One finding of a run: a code, a severity, a message and where it points.</summary>
/// <param name="Code">The <c>MGxxxx</c> code; see <see cref="DiagnosticCatalog"/>.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Message">A complete sentence naming the check, the measured value and the bound.</param>
public sealed record Diagnostic(string Code, Severity Severity, string Message)
{
    /// <summary>The file the diagnostic points at (config, contract or data file), as given by the user.</summary>
    public string? File { get; init; }

    /// <summary>1-based line in <see cref="File"/>, when known.</summary>
    public int? Line { get; init; }

    /// <summary>1-based character column in <see cref="File"/>, when known.</summary>
    public int? SourceColumn { get; init; }

    /// <summary>The dataset column the finding is about, when there is one.</summary>
    public string? Column { get; init; }

    /// <summary>The name of the check that produced it (for example <c>maxMissingShare</c>).</summary>
    public string? Check { get; init; }

    /// <summary>The value that was measured.</summary>
    public Scalar? Measured { get; init; }

    /// <summary>The bound the measured value was compared with.</summary>
    public Scalar? Bound { get; init; }

    /// <summary>Up to a few example rows that show the problem.</summary>
    public IReadOnlyList<ExampleRow> Examples { get; init; } = [];

    /// <summary>True when this diagnostic fails the run.</summary>
    public bool IsError => Severity == Severity.Error;
}

/// <summary>One example of a violation: where it is in the data and the offending value.</summary>
/// <param name="Row">1-based data record number in its file (the header is not counted).</param>
/// <param name="Value">The offending value as text, or null when the value was missing.</param>
/// <param name="File">The data file, when the dataset has more than one.</param>
/// <param name="Line">1-based line in the file, when known exactly.</param>
public sealed record ExampleRow(long Row, string? Value, string? File = null, long? Line = null);
