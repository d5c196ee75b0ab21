namespace ModelGates.Reports.Html;

/// <summary>
/// The styles of the monitors' trend charts, added to the report's stylesheet only when it has monitors, so a report
/// without them keeps its bytes. Colours come from <see cref="ReportStyles"/>' variables (light and dark); the heat
/// map's four steps are a sequential scale that reads in both.
/// </summary>
internal static class TrendStyles
{
    public const string Css = """

        svg rect.tbreach { fill: var(--bad); fill-opacity: 0.12; } svg rect.tinsufficient { fill: var(--muted); fill-opacity: 0.18; stroke: var(--muted); stroke-dasharray: 2 2; }
        svg .tband { fill: var(--s1); fill-opacity: 0.18; stroke: none; } svg .floor { stroke: var(--bad); stroke-width: 1.5; stroke-dasharray: 8 3; }
        svg .tdue { stroke: var(--warn); stroke-width: 2; } svg .tpromotion { stroke: var(--ok); stroke-width: 2; stroke-dasharray: 4 2; }
        svg rect.tbar { fill: var(--cur); } svg rect.tbar.reached { fill: var(--bad); }
        svg .q0 { fill: #dbe9f6; } svg .q1 { fill: #f3c98b; } svg .q2 { fill: #e3702f; } svg .q3 { fill: #b3141b; } svg .qn { fill: var(--bg); stroke: var(--line); }
        svg rect.qd { fill: transparent; stroke: var(--fg); stroke-width: 1.5; } figure.trend { flex: 1 1 100%; } .scroll { overflow-x: auto; }
        """;
}
