using System.Text;
using ModelGates.Gates;

namespace ModelGates.Reports.Html.Sections;

/// <summary>Lineage and integrity: per model, what its lineage records (seed, trainer, commit) and its checks (record, data, seed, lock).</summary>
internal static class LineageSection
{
    private static readonly string[] FactKeys = ["model", "seed", "trainer", "commit", "created", "mlNetVersion", "sha256"];

    public static void Write(StringBuilder html, IReadOnlyList<GateResult> gates)
    {
        if (gates.Count == 0)
        {
            return;
        }

        html.Append("<section><h2>Lineage and integrity</h2>");
        foreach (var gate in gates)
        {
            html.Append("<h3>").Append(Html.Escape(gate.Name)).Append("</h3><p class=\"meta\">");
            var first = true;
            foreach (var key in FactKeys.Where(k => gate.Facts.Any(f => string.Equals(f.Key, k, StringComparison.Ordinal))))
            {
                html.Append(first ? string.Empty : ", ").Append(Html.Escape(key)).Append(" <code>").Append(Html.Escape(Html.Fact(gate.Facts, key))).Append("</code>");
                first = false;
            }

            html.Append("</p>");
            ChecksTable.Write(html, gate, onlyProblems: false);
        }

        html.Append("</section>");
    }
}
