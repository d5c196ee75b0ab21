using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelGates.Build
{
    /// <summary>
    /// Applies the project's <c>NoWarn</c>, <c>WarningsAsErrors</c>, <c>WarningsNotAsErrors</c> and
    /// <c>TreatWarningsAsErrors</c> to MG codes exactly as the compiler applies them to CS codes:
    /// NoWarn silences a warning; WarningsAsErrors (or TreatWarningsAsErrors, minus WarningsNotAsErrors)
    /// turns it into an error. Errors stay errors, except the codes of <c>ModelGatesErrorsAsWarnings</c>:
    /// those are warnings that NoWarn silences and only an explicit WarningsAsErrors entry raises again
    /// (TreatWarningsAsErrors does not undo what the project asked for code by code).
    /// </summary>
    internal sealed class WarningPolicy
    {
        private readonly HashSet<string> noWarn;
        private readonly HashSet<string> asErrors;
        private readonly HashSet<string> notAsErrors;
        private readonly HashSet<string> errorsAsWarnings;
        private readonly bool allAsErrors;

        public WarningPolicy(string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, bool treatWarningsAsErrors, string? errorsAsWarnings)
        {
            this.noWarn = Codes(noWarn);
            asErrors = Codes(warningsAsErrors);
            notAsErrors = Codes(warningsNotAsErrors);
            allAsErrors = treatWarningsAsErrors;
            this.errorsAsWarnings = Codes(errorsAsWarnings);
        }

        /// <summary>The category a diagnostic is logged with: <c>error</c>, <c>warning</c>, <c>message</c>, or null to drop a silenced warning.</summary>
        public string? Resolve(string category, string code)
        {
            if (category == "error" && errorsAsWarnings.Contains(code))
            {
                return noWarn.Contains(code) ? null : asErrors.Contains(code) ? "error" : "warning";
            }

            if (category != "warning")
            {
                return category;
            }

            if (noWarn.Contains(code))
            {
                return null;
            }

            if (asErrors.Contains(code) || (allAsErrors && !notAsErrors.Contains(code)))
            {
                return "error";
            }

            return "warning";
        }

        private static HashSet<string> Codes(string? list) =>
            new HashSet<string>(
                (list ?? string.Empty).Split(new[] { ';', ',', ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()),
                StringComparer.OrdinalIgnoreCase);
    }
}
