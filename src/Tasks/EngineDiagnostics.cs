using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using ModelGates.Shared;

namespace ModelGates.Build
{
    /// <summary>
    /// The diagnostics file the engine wrote for one run (<c>--diagnostics-file</c>), read with the format code
    /// the engine wrote it with (src/Shared/SharedConstants.cs). Whatever cannot be read is a problem to report,
    /// never a diagnostic silently dropped.
    /// </summary>
    internal sealed class EngineDiagnostics
    {
        private EngineDiagnostics(IReadOnlyList<EngineDiagnostic> diagnostics, IReadOnlyList<string> problems)
        {
            Diagnostics = diagnostics;
            Problems = problems;
        }

        /// <summary>The diagnostics, in the engine's order.</summary>
        public IReadOnlyList<EngineDiagnostic> Diagnostics { get; }

        /// <summary>Why the file or some of its lines could not be read.</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>True when every line was read.</summary>
        public bool IsComplete => Problems.Count == 0;

        /// <summary>How many diagnostics the engine reported as errors (before the project's warning policy).</summary>
        public int Errors
        {
            get
            {
                var errors = 0;
                foreach (var d in Diagnostics)
                {
                    if (d.Severity == "error")
                    {
                        errors++;
                    }
                }

                return errors;
            }
        }

        /// <summary>Reads the file at <paramref name="path"/>.</summary>
        public static EngineDiagnostics Read(string path)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(path, new UTF8Encoding(false, true));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is DecoderFallbackException)
            {
                return new EngineDiagnostics(new EngineDiagnostic[0], new[] { "The ModelGates diagnostics file cannot be read: " + e.Message });
            }

            return Parse(lines);
        }

        /// <summary>Reads the lines of a diagnostics file.</summary>
        public static EngineDiagnostics Parse(IReadOnlyList<string> lines)
        {
            var format = SharedConstants.DiagnosticsFile.Header + " / " + SharedConstants.DiagnosticsFile.FieldLine.Replace("\t", ", ");
            if (lines.Count < 2 || lines[0] != SharedConstants.DiagnosticsFile.Header || lines[1] != SharedConstants.DiagnosticsFile.FieldLine)
            {
                return new EngineDiagnostics(new EngineDiagnostic[0], new[]
                {
                    "The ModelGates diagnostics file does not start with the expected header (" + format + "): the engine (ModelGatesEngine) and the task (ModelGatesTasksAssembly) come from different versions.",
                });
            }

            var diagnostics = new List<EngineDiagnostic>();
            var problems = new List<string>();
            for (var i = 2; i < lines.Count; i++)
            {
                if (lines[i].Length == 0)
                {
                    continue;
                }

                var diagnostic = EngineDiagnostic.From(SharedConstants.DiagnosticsFile.ParseLine(lines[i]));
                if (diagnostic == null)
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "Line {0} of the ModelGates diagnostics file is not in its format ({1}): {2}", i + 1, format, lines[i]));
                }
                else
                {
                    diagnostics.Add(diagnostic);
                }
            }

            return new EngineDiagnostics(diagnostics, problems);
        }
    }

    /// <summary>One diagnostic of the engine, as the task logs it.</summary>
    internal sealed class EngineDiagnostic
    {
        private EngineDiagnostic(string severity, string code, string file, int line, int column, string message, string helpLink)
        {
            Severity = severity;
            Code = code;
            File = file;
            Line = line;
            Column = column;
            Message = message;
            HelpLink = helpLink;
        }

        /// <summary><c>error</c>, <c>warning</c> or <c>info</c>.</summary>
        public string Severity { get; }

        public string Code { get; }

        /// <summary>The file, or empty.</summary>
        public string File { get; }

        /// <summary>The 1-based line, or 0.</summary>
        public int Line { get; }

        /// <summary>The 1-based column, or 0.</summary>
        public int Column { get; }

        public string Message { get; }

        public string HelpLink { get; }

        /// <summary>The diagnostic of one line's fields, or null when a field is not what it must be.</summary>
        public static EngineDiagnostic? From(string[]? fields)
        {
            if (fields == null
                || (fields[0] != "error" && fields[0] != "warning" && fields[0] != "info")
                || SharedConstants.CodeRanges.RangeOf(fields[1]) == '\0'
                || !TryNumber(fields[3], out var line)
                || !TryNumber(fields[4], out var column))
            {
                return null;
            }

            return new EngineDiagnostic(fields[0], fields[1], fields[2], line, column, fields[5], fields[6]);
        }

        private static bool TryNumber(string text, out int value)
        {
            value = 0;
            return text.Length == 0 || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0);
        }
    }
}
