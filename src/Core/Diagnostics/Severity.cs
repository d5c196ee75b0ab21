namespace ModelGates.Diagnostics;

/// <summary>How much a diagnostic matters to the outcome of a run.</summary>
public enum Severity
{
    /// <summary>Reported for information; never fails a run.</summary>
    Info = 0,

    /// <summary>Reported; a run with only warnings still passes (exit code 0).</summary>
    Warning = 1,

    /// <summary>Fails the run.</summary>
    Error = 2,
}

/// <summary>Text forms of <see cref="Severity"/> as they appear in JSON, MSBuild and config files.</summary>
internal static class SeverityText
{
    /// <summary>The lower-case name used in every output format: <c>info</c>, <c>warning</c>, <c>error</c>.</summary>
    public static string ToText(this Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        _ => "error",
    };

    /// <summary>Parses <c>info</c>, <c>warning</c> or <c>error</c> (case-insensitive).</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.ToLowerInvariant())
        {
            case "info": severity = Severity.Info; return true;
            case "warning": severity = Severity.Warning; return true;
            case "error": severity = Severity.Error; return true;
            default: severity = Severity.Error; return false;
        }
    }
}
