using System.Reflection;

namespace ModelGates.Cli;

/// <summary>The tool's version as stamped in its assembly.</summary>
internal static class ToolVersion
{
    public static string Text { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
