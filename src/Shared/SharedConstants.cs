namespace ModelGates.Shared;

/// <summary>
/// The values the engine (ModelGates.Core, net10.0), the MSBuild task (ModelGates.Build.Tasks, netstandard2.0)
/// and the analyzers must agree on. This one file is compiled into each of them (a linked
/// <c>&lt;Compile Include="..\Shared\SharedConstants.cs" /&gt;</c>), so a value changes in one place; it uses
/// nothing beyond netstandard2.0 and C# that every target compiles.
/// </summary>
internal static class SharedConstants
{
    /// <summary>Where the documentation page of every code lives.</summary>
    internal static class HelpLinks
    {
        /// <summary>The base of every diagnostic's page: <c>{DiagnosticsBase}/{Code}.md</c>.</summary>
        public const string DiagnosticsBase = "https://github.com/modelgates/modelgates/blob/main/docs/diagnostics";

        /// <summary>The base of every analyzer rule's page: <c>{RulesBase}/{Id}.md</c>.</summary>
        public const string RulesBase = "https://github.com/modelgates/modelgates/blob/main/docs/rules";

        /// <summary>The page of an engine diagnostic code (<c>MG0xxx</c>, <c>MG2xxx</c>-<c>MG5xxx</c>).</summary>
        public static string ForDiagnostic(string code) => DiagnosticsBase + "/" + code + ".md";

        /// <summary>The page of an analyzer rule (<c>MG1xxx</c>).</summary>
        public static string ForRule(string id) => RulesBase + "/" + id + ".md";
    }

    /// <summary>Process exit codes of the engine; documented in docs/cli.md.</summary>
    internal static class ExitCodes
    {
        /// <summary>Every check passed (warnings allowed).</summary>
        public const int Passed = 0;

        /// <summary>At least one check failed.</summary>
        public const int CheckFailed = 1;

        /// <summary>The command line or a configuration file is wrong.</summary>
        public const int UsageError = 2;

        /// <summary>A dataset, profile or model could not be read.</summary>
        public const int DataError = 3;
    }

    /// <summary>The ranges of MG codes: <c>MG</c>, then a digit naming the range, then three digits.</summary>
    internal static class CodeRanges
    {
        /// <summary>The prefix of every code.</summary>
        public const string Prefix = "MG";

        /// <summary>MG0xxx: usage, configuration and input.</summary>
        public const char Usage = '0';

        /// <summary>MG1xxx: the analyzers (reproducible training code).</summary>
        public const char Analyzers = '1';

        /// <summary>MG2xxx: data contracts.</summary>
        public const char Contracts = '2';

        /// <summary>MG3xxx: drift.</summary>
        public const char Drift = '3';

        /// <summary>MG4xxx: model acceptance.</summary>
        public const char Models = '4';

        /// <summary>MG5xxx: lineage.</summary>
        public const char Lineage = '5';

        /// <summary>MG6xxx: monitoring: windows, their history, the retraining trigger, performance estimation, champion and challenger promotion.</summary>
        public const char Monitoring = '6';

        /// <summary>The range digit of <paramref name="code"/>, or <c>'\0'</c> when it is not an MG code.</summary>
        public static char RangeOf(string code) =>
            code.Length == 6 && code.StartsWith(Prefix, System.StringComparison.Ordinal) ? code[2] : '\0';

        /// <summary>True for a drift code (MG3xxx).</summary>
        public static bool IsDrift(string code) => RangeOf(code) == Drift;

        /// <summary>The code of the retraining trigger (MG6001): the build sets <c>ModelGatesRetrainDue</c> when the engine reports it.</summary>
        public const string RetrainingDue = "MG6001";
    }

    /// <summary>
    /// The diagnostics file the engine writes for the MSBuild task (<c>--diagnostics-file</c>): UTF-8 text, a
    /// header line, a line of field names, then one line per diagnostic with its fields separated by tabs.
    /// Within a field a backslash, tab, line feed and carriage return are written <c>\\</c>, <c>\t</c>,
    /// <c>\n</c>, <c>\r</c>; no other character is escaped. Empty fields mean "not known".
    /// </summary>
    internal static class DiagnosticsFile
    {
        /// <summary>The file name the build uses in its report folder.</summary>
        public const string FileName = "modelgates.diagnostics.tsv";

        /// <summary>The first line; the number is the format's version, raised on any incompatible change.</summary>
        public const string Header = "# modelgates diagnostics 1";

        /// <summary><c>error</c>, <c>warning</c> or <c>info</c>.</summary>
        public const string Severity = "severity";

        /// <summary>The MG code.</summary>
        public const string Code = "code";

        /// <summary>The file the diagnostic points at, as the engine resolved it.</summary>
        public const string File = "file";

        /// <summary>The 1-based line in the file.</summary>
        public const string Line = "line";

        /// <summary>The 1-based character column in the file.</summary>
        public const string Column = "column";

        /// <summary>The message, one sentence or more.</summary>
        public const string Message = "message";

        /// <summary>The code's documentation page.</summary>
        public const string HelpLink = "helpLink";

        /// <summary>The fields of every line, in order.</summary>
        public static readonly string[] Fields = { Severity, Code, File, Line, Column, Message, HelpLink };

        /// <summary>The line of field names, the second line of the file.</summary>
        public static string FieldLine => string.Join("\t", Fields);

        /// <summary>One line of fields (without its line feed), each escaped.</summary>
        public static string FormatLine(string?[] fields)
        {
            var line = new System.Text.StringBuilder();
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    line.Append('\t');
                }

                foreach (var c in fields[i] ?? string.Empty)
                {
                    switch (c)
                    {
                        case '\\': line.Append("\\\\"); break;
                        case '\t': line.Append("\\t"); break;
                        case '\n': line.Append("\\n"); break;
                        case '\r': line.Append("\\r"); break;
                        default: line.Append(c); break;
                    }
                }
            }

            return line.ToString();
        }

        /// <summary>The unescaped fields of one line, or null when the line has not exactly <see cref="Fields"/>' count of them or holds a bad escape.</summary>
        public static string[]? ParseLine(string line)
        {
            var parts = line.Split('\t');
            if (parts.Length != Fields.Length)
            {
                return null;
            }

            for (var i = 0; i < parts.Length; i++)
            {
                var value = Unescape(parts[i]);
                if (value == null)
                {
                    return null;
                }

                parts[i] = value;
            }

            return parts;
        }

        private static string? Unescape(string field)
        {
            if (field.IndexOf('\\') < 0)
            {
                return field;
            }

            var text = new System.Text.StringBuilder(field.Length);
            for (var i = 0; i < field.Length; i++)
            {
                if (field[i] != '\\')
                {
                    text.Append(field[i]);
                    continue;
                }

                if (++i == field.Length)
                {
                    return null;
                }

                switch (field[i])
                {
                    case '\\': text.Append('\\'); break;
                    case 't': text.Append('\t'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    default: return null;
                }
            }

            return text.ToString();
        }
    }

    /// <summary>
    /// Progress lines the engine writes to stderr while it runs (one per gate and phase), and the MSBuild task
    /// logs with high importance: <c>[   3.1s] drift 'x': comparing ...</c>, the time since the run started first.
    /// </summary>
    internal static class Progress
    {
        /// <summary>The environment variable that turns progress lines on (<c>1</c>) or off (<c>0</c>) whatever stderr is.</summary>
        public const string Variable = "MODELGATES_PROGRESS";

        /// <summary>One progress line.</summary>
        public static string Format(System.TimeSpan elapsed, string text) =>
            "[" + elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture).PadLeft(6) + "s] " + text;

        /// <summary>True when <paramref name="line"/> is a progress line as <see cref="Format"/> writes it.</summary>
        public static bool IsProgressLine(string line)
        {
            var end = line.IndexOf("s] ", System.StringComparison.Ordinal);
            return line.Length > 0 && line[0] == '[' && end > 1
                && double.TryParse(line.Substring(1, end - 1).Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
        }
    }
}
