namespace ModelGates.Reports.Html;

/// <summary>The report's one stylesheet: light and dark through prefers-color-scheme, print-friendly, no web fonts.</summary>
internal static class ReportStyles
{
    public const string Css = """
        :root { --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --waived: #6639ba; --ref: #afb8c1; --cur: #0969da; --s0: #0969da; --s1: #bc4c00; --s2: #1a7f37; --s3: #8250df; }
        @media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #8d96a0; --line: #30363d; --ok: #3fb950; --bad: #f85149; --warn: #d29922; --waived: #a371f7; --ref: #6e7681; --cur: #4493f8; --s0: #4493f8; --s1: #db6d28; --s2: #3fb950; --s3: #a371f7; } }
        body { background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px; padding: 24px; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { font-size: 15px; margin: 18px 0 6px; }
        .meta, .muted { color: var(--muted); } code { font-size: 12px; }
        table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; } caption { text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; } th[scope=col] { font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .status { font-weight: 600; white-space: nowrap; } .ok { color: var(--ok); } .bad { color: var(--bad); } .warn { color: var(--warn); } .waived { color: var(--waived); }
        .verdict { font-size: 18px; font-weight: 700; margin: 8px 0; }
        .charts { display: flex; flex-wrap: wrap; gap: 12px; } figure { margin: 0; } figcaption { font-size: 13px; font-weight: 600; margin: 0 0 2px 4px; }
        svg.chart { max-width: 100%; height: auto; } svg .grid { stroke: var(--line); stroke-width: 1; } svg .axis { stroke: var(--muted); stroke-width: 1; }
        svg .tick, svg .legend, svg .label { fill: var(--fg); font: 10px system-ui, sans-serif; } svg .label { font-size: 11px; }
        svg rect.ref { fill: var(--ref); stroke: var(--fg); stroke-width: 0.5; } svg rect.cur { fill: var(--cur); }
        svg rect.bar { fill: var(--cur); } svg rect.bar.forbidden { fill: var(--bad); } svg .whisker { stroke: var(--fg); stroke-width: 1.2; } svg .baseline { stroke: var(--warn); stroke-width: 2; }
        svg .diagonal { stroke: var(--muted); stroke-dasharray: 4 3; } svg .marker { stroke: var(--fg); stroke-width: 1.5; }
        svg .series0 { stroke: var(--s0); stroke-width: 2; } svg .series1 { stroke: var(--s1); stroke-width: 2; stroke-dasharray: 6 3; }
        svg .series2 { stroke: var(--s2); stroke-width: 2; stroke-dasharray: 2 2; } svg .series3 { stroke: var(--s3); stroke-width: 2; }
        svg circle.series0 { fill: var(--s0); } svg circle.series1 { fill: var(--s1); } svg circle.series2 { fill: var(--s2); } svg circle.series3 { fill: var(--s3); }
        svg polyline { fill: none; stroke-linejoin: round; }
        details { margin: 6px 0; } summary { cursor: pointer; }
        @media print { body { max-width: none; padding: 0; } details { display: block; } h2 { break-before: auto; } figure, table { break-inside: avoid; } }
        """;
}
