using System.Text.Json;
using ModelGates.Diagnostics;
using ModelGates.Monitoring.Windows;
using ModelGates.Output;

namespace ModelGates.Monitoring.Reports;

/// <summary>
/// The <c>monitors</c> array of <c>modelgates monitor --format json</c> (docs/monitoring.md#json): per monitor its
/// windows (the records the history keeps) and the retraining decision.
/// </summary>
internal static class MonitorJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<MonitorResult> results, string baseDirectory)
    {
        writer.WriteStartArray("monitors");
        foreach (var r in results)
        {
            var m = r.Monitor;
            writer.WriteStartObject();
            writer.WriteString("name", m.Name);
            writer.WriteString("data", m.Data);
            writer.WriteString("window", m.Window.Text);
            writer.WriteString("timeZone", m.TimeZone.Id);
            writer.WriteString("history", m.History.Display(baseDirectory));
            writer.WriteNumber("windowsComputed", r.Computed);
            writer.WriteNumber("windowsReused", r.Reused);
            writer.WriteStartArray("windows");
            foreach (var w in r.Windows)
            {
                WindowRecordJson.Write(writer, w);
            }

            writer.WriteEndArray();
            var d = r.Retrain;
            writer.WriteStartObject("retrain");
            writer.WriteBoolean("due", d.Due);
            writer.WriteString("reason", d.Reason);
            writer.WriteStartArray("windows");
            foreach (var key in d.Windows)
            {
                writer.WriteStringValue(key);
            }

            writer.WriteEndArray();
            writer.WriteStringOrNull("since", d.Since is { } since ? WindowPlanner.Key(since) : null);
            writer.WriteString("severity", m.Trigger.Severity.ToText());
            writer.WriteNumber("breaches", d.Breaches);
            writer.WriteNumber("judged", d.Judged);
            writer.WriteNumber("requiredBreaches", m.Trigger.Breaches);
            writer.WriteNumber("of", m.Trigger.Of);
            writer.WriteStringOrNull("lastPromotion", d.LastPromotion is { } p ? WindowPlanner.Key(p) : null);
            writer.WriteString("cooldown", m.Trigger.CooldownText);
            writer.WriteBoolean("cooldownElapsed", d.CooldownElapsed);
            writer.WriteNumber("newLabelledRows", d.NewLabelledRows);
            writer.WriteNumber("minNewLabelledRows", m.Trigger.MinNewLabelledRows);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
