using System.Text;
using System.Text.Json;

namespace ModelGates.Reports.Html.Sections;

/// <summary>Data contracts: each violation with its counts and example rows; passing checks folded away.</summary>
internal static class ContractSection
{
    public static void Write(StringBuilder html, IReadOnlyList<JsonElement> gates)
    {
        if (gates.Count == 0)
        {
            return;
        }

        html.Append("<section><h2>Data contracts</h2>");
        foreach (var gate in gates)
        {
            var facts = Html.Get(gate, "facts");
            html.Append("<h3>").Append(Html.Escape(Html.Text(gate, "name"))).Append("</h3>");
            html.Append("<p class=\"meta\">Dataset <code>").Append(Html.Escape(Html.Text(facts, "dataset"))).Append("</code>, ")
                .Append(Html.Escape(Html.Text(facts, "rows"))).Append(" rows, contract <code>").Append(Html.Escape(Html.Text(facts, "contract"))).Append("</code></p>");
            ChecksTable.Write(html, gate, onlyProblems: true);
            html.Append("<details><summary>All checks of ").Append(Html.Escape(Html.Text(gate, "name"))).Append("</summary>");
            ChecksTable.Write(html, gate, onlyProblems: false);
            html.Append("</details>");
        }

        html.Append("</section>");
    }
}
