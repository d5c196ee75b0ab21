using System.Text.Json;

namespace ModelGates.Gates;

/// <summary>
/// What a gate measured beyond its checks — a drift gate's per-column distributions, a model gate's metrics,
/// curves and slices — written into the JSON result as the gate's <c>details</c> object (docs/json-output.md).
/// The HTML report is rendered from that JSON, so everything a chart needs is in it.
/// </summary>
public interface IGateDetails
{
    /// <summary>Writes the details as the value of the <c>details</c> property (an object).</summary>
    void Write(Utf8JsonWriter writer);
}
