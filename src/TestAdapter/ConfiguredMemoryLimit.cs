using ModelGates.Gates.Config;
using ModelGates.Memory;

namespace ModelGates.Xunit;

/// <summary>
/// The memory limit assertions run under: the <c>"memoryLimit"</c> of the project's modelgates.json (the first one found
/// from the current folder upward, as <c>[ModelGatesData]</c> finds its config), so a test reads data as the build's
/// gates do; the default when there is no config or it sets no limit.
/// </summary>
internal static class ConfiguredMemoryLimit
{
    /// <exception cref="Diagnostics.ConfigurationException">The config's limit is not a size (MG0160 at its line).</exception>
    public static MemoryLimit Find() => From(Directory.GetCurrentDirectory());

    /// <summary>The limit of the first modelgates.json in <paramref name="start"/> or a folder above it.</summary>
    /// <exception cref="Diagnostics.ConfigurationException">The config's limit is not a size (MG0160 at its line).</exception>
    internal static MemoryLimit From(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, GatesConfigReader.DefaultFileName);
            if (File.Exists(candidate))
            {
                return GatesConfigReader.ReadMemoryLimit(candidate) ?? MemoryLimit.Default;
            }
        }

        return MemoryLimit.Default;
    }
}
