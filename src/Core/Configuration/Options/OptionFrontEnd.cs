namespace ModelGates.Configuration.Options;

/// <summary>Where an option was written, which decides how a message names it.</summary>
public enum OptionFrontEnd
{
    /// <summary>A C# property (<c>DriftOptions.Alpha</c>).</summary>
    CSharp,

    /// <summary>A command-line option (<c>--alpha</c>).</summary>
    CommandLine,

    /// <summary>A key of modelgates.json (<c>'alpha'</c>).</summary>
    Json,
}
