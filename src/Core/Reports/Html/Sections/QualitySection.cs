using System.Text;
using ModelGates.Gates;

namespace ModelGates.Reports.Html.Sections;

/// <summary>Quality gates: each finding with its count, share and first rows; passing checks folded away.</summary>
internal static class QualitySection
{
    public static void Write(StringBuilder html, IReadOnlyList<GateResult> gates)
    {
        if (gates.Count == 0)
        {
            return;
        }

        html.Append("<section><h2>Data quality</h2>");
        foreach (var gate in gates)
        {
            html.Append("<h3>").Append(Html.Escape(gate.Name)).Append("</h3>");
            html.Append("<p class=\"meta\">Dataset <code>").Append(Html.Escape(Html.Fact(gate.Facts, "dataset"))).Append("</code>, ")
                .Append(Html.Escape(Html.Fact(gate.Facts, "rows"))).Append(" rows, reference <code>").Append(Html.Escape(Html.Fact(gate.Facts, "reference"))).Append("</code>, ")
                .Append(Html.Escape(Html.Fact(gate.Facts, "reviewed"))).Append(" reviewed rows set aside</p>");
            ChecksTable.Write(html, gate, onlyProblems: true);
            html.Append("<details><summary>All checks of ").Append(Html.Escape(gate.Name)).Append("</summary>");
            ChecksTable.Write(html, gate, onlyProblems: false);
            html.Append("</details>");
        }

        html.Append("</section>");
    }
}
