using System.Globalization;
using ModelGates.Checks;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Quality.Privacy;

namespace ModelGates.Contracts;

/// <summary>
/// The contract's privacy checks (docs/privacy.md): every column's sample is scanned for personal data; a column
/// with <c>"pii": "forbidden"</c> that holds some fails (MG2140), one with <c>"pii": "masked"</c> that holds unmasked
/// values fails (MG2142), a detected column the contract leaves unsaid is a warning (MG2141), and so is a column
/// whose name hints at a special category without <c>"sensitive": true</c> (MG2143). The scan also decides which
/// columns every output masks.
/// </summary>
internal static class PiiCheck
{
    /// <summary>Scans the dataset's columns, records the columns to mask in <paramref name="privacy"/>, and returns the checks that have something to say.</summary>
    public static List<CheckResult> Run(ValidationContext context, ColumnPrivacy privacy)
    {
        var results = Scan(context);
        var checks = new List<CheckResult>();
        foreach (var result in results)
        {
            var declared = context.Contract.Find(result.Column);
            if (result.IsPersonal || declared?.MasksValues == true)
            {
                privacy.Add(result.Column, result.Flagged ? result.MainKind : PiiKind.Other);
            }

            if (Judge(context, result, declared) is { } check)
            {
                checks.Add(check);
            }
        }

        return checks;
    }

    private static CheckResult? Judge(ValidationContext context, PiiColumnResult result, ColumnContract? declared)
    {
        var name = result.Column;
        var id = $"{name}/pii";
        var share = result.Sampled == 0 ? 0 : (double)(result.ChecksumValidHits + result.PatternOnlyHits) / result.Sampled;
        switch (declared?.Pii)
        {
            case PiiPolicy.Forbidden:
                var reason = result.Flagged ? PiiFindings.Describe(result)
                    : declared.Sensitive ? "it is declared \"sensitive\""
                    : result.SpecialCategory is { } category ? $"its name suggests a special category ({category}, GDPR art. 9)"
                    : null;
                return ContractChecks.Result(id, $"{name} pii forbidden", reason is null ? null : Report(context, DiagnosticCatalog.PiiForbidden, result, declared,
                    $"Column '{name}' must not hold personal data (\"pii\": \"forbidden\") but {reason}."), share, 0, name);
            case PiiPolicy.Masked:
                return ContractChecks.Result(id, $"{name} pii masked", !result.Flagged ? null : Report(context, DiagnosticCatalog.PiiNotMasked, result, declared,
                    $"Column '{name}' must hold masked personal data only (\"pii\": \"masked\") but has unmasked values: {PiiFindings.Describe(result)}."), share, 0, name);
            case PiiPolicy.Allowed:
                return ContractChecks.Result(id, $"{name} pii allowed", null, share, column: name);
        }

        if (result.Flagged && declared?.Sensitive != true)
        {
            return ContractChecks.Result(id, $"{name} pii declared", Report(context, DiagnosticCatalog.PiiUndeclared, result, declared,
                $"Column '{name}' holds personal data the contract does not declare: {PiiFindings.Describe(result)}. Add \"pii\": \"allowed\" (its values are then masked in every output) or \"forbidden\" to its rules."), share, 0, name);
        }

        if (result.SpecialCategory is { } hint && declared?.Sensitive != true)
        {
            return ContractChecks.Result(id, $"{name} sensitive declared", Report(context, DiagnosticCatalog.SpecialCategoryName, result, declared,
                $"Column '{name}' looks like a special category of personal data ({hint}, GDPR art. 9) by its name; its values are masked in every output. Add \"sensitive\": true to its rules to say so."), 0, 0, name);
        }

        return null;
    }

    private static Diagnostic Report(ValidationContext context, DiagnosticDescriptor descriptor, PiiColumnResult result, ColumnContract? declared, string message)
    {
        var position = declared?.PositionOf(declared.Pii is null ? "sensitive" : "pii") ?? context.Contract.PositionOf("columns");
        var hits = result.ChecksumValidHits + result.PatternOnlyHits;
        var severity = declared is null ? descriptor.DefaultSeverity : (Severity)Math.Min((int)descriptor.DefaultSeverity, (int)declared.Severity);
        return descriptor.Create(message) with
        {
            Severity = severity,
            File = context.ContractFile,
            Line = position.Line,
            SourceColumn = position.Column,
            Column = result.Column,
            Check = "pii",
            Measured = result.Sampled == 0 ? 0 : (double)hits / result.Sampled,
            Bound = 0,
            Examples = [.. result.Hits.Take(ValidationContext.ExampleLimit).Select(h => context.Dataset.Locator.Example(h.RowIndex, h.Masked))],
        };
    }

    // One query reads the sample of every column: every k-th row in load order, at most PiiScanner.SampleSize rows.
    private static List<PiiColumnResult> Scan(ValidationContext context)
    {
        var columns = context.Dataset.Columns.Select(c => c.Name).ToList();
        if (columns.Count == 0)
        {
            return [];
        }

        var step = PiiScanner.SampleStep(context.Rows);
        var select = string.Join(", ", columns.Select(c => $"CAST({context.Stored(c)} AS VARCHAR)"));
        var where = step == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" WHERE rowid % {step} = 0");
        var rows = context.Engine.Query(
            $"SELECT rowid, {select} FROM {context.Relation}{where} ORDER BY rowid LIMIT {PiiScanner.SampleSize}",
            r =>
            {
                var values = new string?[columns.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = r.IsDBNull(i + 1) ? null : r.GetString(i + 1);
                }

                return (Row: SqlValue.ToInt64(r.GetValue(0)), Values: values);
            });
        return [.. columns.Select((c, i) => PiiScanner.ScanRows(c, rows.Select(r => (r.Row, r.Values[i]))))];
    }
}
