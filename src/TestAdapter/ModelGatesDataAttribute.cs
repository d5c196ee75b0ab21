using System.Reflection;
using Xunit.Sdk;

namespace ModelGates.Xunit;

/// <summary>
/// Supplies every check of a <c>modelgates.json</c> as a case of the theory it decorates:
/// <code>
/// [Theory, ModelGatesData("modelgates.json")]
/// public void Gate(GateCase check) => check.Verify();
/// </code>
/// The gates run once per config and process (when cases are discovered); each case then looks up its own
/// outcome. A config that cannot be read fails the theory loudly with its MG diagnostics, never "0 tests".
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ModelGatesDataAttribute : DataAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="configPath">The config, relative to the test assembly's folder or the current folder, or absolute.</param>
    public ModelGatesDataAttribute(string configPath) => ConfigPath = configPath;

    /// <summary>The config as given.</summary>
    public string ConfigPath { get; }

    /// <summary>Only checks whose id starts with this (for example <c>drift:</c>), or all when null.</summary>
    public string? Filter { get; set; }

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var path = ConfigLocator.Resolve(ConfigPath, testMethod);
        var run = GateRunCache.Get(path);
        return run.Report.Checks
            .Where(c => Filter is null || c.Id.StartsWith(Filter, StringComparison.Ordinal))
            .Select(c => new object[] { new GateCase(path, c.Id, c.Description) })
            .ToList();
    }
}
