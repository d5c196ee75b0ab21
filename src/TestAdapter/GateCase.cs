using Xunit.Abstractions;

namespace ModelGates.Xunit;

/// <summary>
/// One gate check as a theory argument. It carries only a serializable identity (config path and check id),
/// so xunit discovers every check as its own test case in <c>dotnet test</c>, TRX files and Test Explorer;
/// the outcome is looked up when the case runs.
/// </summary>
public sealed class GateCase : IXunitSerializable
{
    /// <summary>For xunit's deserializer.</summary>
    [Obsolete("For xunit's deserializer only.")]
    public GateCase()
    {
    }

    /// <summary>Creates a case.</summary>
    public GateCase(string configPath, string checkId, string description)
    {
        ConfigPath = configPath;
        CheckId = checkId;
        Description = description;
    }

    /// <summary>The full path of the modelgates.json the check belongs to.</summary>
    internal string ConfigPath { get; private set; } = string.Empty;

    /// <summary>The check's stable id (<c>contract:training/Income/maxMissingShare</c>).</summary>
    internal string CheckId { get; private set; } = string.Empty;

    /// <summary>The readable statement of the check, shown as the case's name.</summary>
    internal string Description { get; private set; } = string.Empty;

    /// <inheritdoc />
    public void Deserialize(IXunitSerializationInfo info)
    {
        ConfigPath = info.GetValue<string>(nameof(ConfigPath));
        CheckId = info.GetValue<string>(nameof(CheckId));
        Description = info.GetValue<string>(nameof(Description));
    }

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(ConfigPath), ConfigPath);
        info.AddValue(nameof(CheckId), CheckId);
        info.AddValue(nameof(Description), Description);
    }

    /// <summary>Passes when the check passed, warned or was waived; otherwise fails with measured vs bound, where the rule is, and where the report is.</summary>
    public void Verify() => GateRunCache.Verify(this);

    /// <summary>The description: xunit shows it as the case's argument.</summary>
    public override string ToString() => Description;
}
