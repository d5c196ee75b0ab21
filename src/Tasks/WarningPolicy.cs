using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelGates.Build
{
    /// <summary>
    /// Applies the project's <c>NoWarn</c>, <c>WarningsAsErrors</c>, <c>WarningsNotAsErrors</c> and
    /// <c>TreatWarningsAsErrors</c> to MG codes exactly as the compiler applies them to CS codes:
    /// NoWarn silences a warning; WarningsAsErrors (or TreatWarningsAsErrors, minus WarningsNotAsErrors)
    /// turns it into an error. Errors stay errors.
    /// </summary>
    internal sealed class WarningPolicy
    {
        private readonly HashSet<string> noWarn;
        private readonly HashSet<string> asErrors;
        private readonly HashSet<string> notAsErrors;
        private readonly bool allAsErrors;

        public WarningPolicy(string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, bool treatWarningsAsErrors)
        {
            this.noWarn = Codes(noWarn);
            asErrors = Codes(warningsAsErrors);
            notAsErrors = Codes(warningsNotAsErrors);
            allAsErrors = treatWarningsAsErrors;
        }

        /// <summary>The category a diagnostic is logged with: <c>error</c>, <c>warning</c>, <c>message</c>, or null to drop a silenced warning.</summary>
        public string? Resolve(string category, string code)
        {
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
