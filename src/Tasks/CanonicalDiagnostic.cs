using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelGates.Build
{
    /// <summary>One line of MSBuild's canonical diagnostic format, <c>file(line,col): error MG2006: message</c>, as the engine prints it.</summary>
    internal sealed class CanonicalDiagnostic
    {
        private static readonly Regex Pattern = new Regex(
            @"^(?<origin>.+?)(\((?<line>\d+)(,(?<col>\d+))?\))?: (?<category>error|warning|message) (?<code>MG\d{4}): (?<text>.*)$",
            RegexOptions.CultureInvariant);

        private CanonicalDiagnostic(string file, int line, int column, string category, string code, string text)
        {
            File = file;
            Line = line;
            Column = column;
            Category = category;
            Code = code;
            Text = text;
        }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary><c>error</c>, <c>warning</c> or <c>message</c>.</summary>
        public string Category { get; }

        public string Code { get; }

        public string Text { get; }

        public static CanonicalDiagnostic? TryParse(string line)
        {
            var match = Pattern.Match(line);
            if (!match.Success)
            {
                return null;
            }

            var origin = match.Groups["origin"].Value;
            return new CanonicalDiagnostic(
                origin == "modelgates" ? string.Empty : origin,
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : 0,
                match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture) : 0,
                match.Groups["category"].Value,
                match.Groups["code"].Value,
                match.Groups["text"].Value);
        }
    }
}
