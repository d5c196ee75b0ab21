using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Monitoring.Windows;

namespace ModelGates.Monitoring;

/// <summary>
/// Runs the <c>monitors</c> of a config as part of <c>modelgates check</c> (and so of <c>dotnet build</c>): each
/// monitor is one gate of kind <c>monitor</c>, with a check per window and one for the retraining trigger. Monitors
/// are incremental (a window already in the history is not judged again), so running them on every build costs
/// about one window per new window of data.
/// </summary>
internal sealed class MonitorGateRunner : IGateRunner
{
    /// <inheritdoc />
    public IEnumerable<GateResult> Run(GatesConfig config, GateRunContext context)
    {
        foreach (var monitor in config.Monitors.Where(m => m.Severity is not null))
        {
            context.Options.Progress?.Invoke($"monitor '{monitor.Name}': cutting '{monitor.Data}' into {monitor.Window.Text} windows");
            var result = MonitorRunner.Run(config, monitor, context);
            yield return ToGate(result) with { Details = Reports.MonitorTrendBuilder.Build(config, result) };
        }
    }

    /// <summary>The result of a monitor as a gate: a check per window, one for the trigger, the other diagnostics as notes.</summary>
    internal static GateResult ToGate(MonitorResult result)
    {
        var monitor = result.Monitor;
        var checks = new List<CheckResult>();
        var notes = result.Diagnostics.ToList();
        foreach (var w in result.Windows)
        {
            var id = $"monitor:{monitor.Name}/{w.Key}";
            var diagnostic = notes.FirstOrDefault(d => d.Check == id);
            if (diagnostic is not null)
            {
                notes.Remove(diagnostic);
            }

            checks.Add(new CheckResult(id, $"{monitor.Name}: window {WindowPlanner.Key(w.Start)} {w.Status}")
            {
                Status = w.Status switch
                {
                    WindowStatus.Ok => CheckStatus.Passed,
                    WindowStatus.Insufficient => CheckStatus.Insufficient,
                    _ => CheckStatus.Warned,
                },
                Measured = w.DriftedShare,
                Diagnostic = diagnostic,
            });
        }

        var retrainId = $"monitor:{monitor.Name}/retrain";
        var due = notes.FirstOrDefault(d => d.Check == retrainId);
        if (due is not null)
        {
            notes.Remove(due);
        }

        checks.Add(new CheckResult(retrainId, $"{monitor.Name}: retraining not due")
        {
            Status = due is null ? CheckStatus.Passed : due.IsError ? CheckStatus.Failed : CheckStatus.Warned,
            Measured = result.Retrain.Breaches,
            Bound = monitor.Trigger.Breaches,
            Diagnostic = due,
        });
        return new GateResult("monitor", monitor.Name, monitor.Position, checks)
        {
            Facts =
            [
                new("data", monitor.Data),
                new("window", monitor.Window.Text),
                new("history", monitor.History.ToString()),
                new("windowsComputed", result.Computed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("windowsReused", result.Reused.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("retrainDue", result.Retrain.Due ? "true" : "false"),
            ],
            Notes = notes,
        };
    }
}
