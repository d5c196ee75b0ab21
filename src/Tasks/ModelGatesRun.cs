using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ModelGates.Shared;

namespace ModelGates.Build
{
    /// <summary>
    /// Runs the ModelGates engine (the <c>modelgates</c> CLI carried in the package) out of process and logs
    /// its diagnostics as MSBuild errors, warnings and messages with their MG code, file, line, column and help
    /// link. The engine writes them to a tab-separated diagnostics file (<see cref="EngineDiagnostics"/>); its
    /// screen output is logged as plain messages, and its progress lines with high importance. The engine
    /// carries DuckDB's and ML.NET's native libraries; keeping them out of MSBuild's long-lived process avoids
    /// locked files and assembly clashes, so this task stays small and dependency-free.
    /// </summary>
    public sealed class ModelGatesRun : ToolTask
    {
        private const int KeptOutputLines = 40;

        private readonly Queue<string> lastOutput = new Queue<string>();
        private WarningPolicy policy = new WarningPolicy(null, null, null, false, null);
        private EngineDiagnostics? diagnostics;
        private string diagnosticsFile = string.Empty;
        private bool temporaryDiagnosticsFile;

        /// <summary>The engine command: <c>check</c> (run the gates) or <c>accept</c> (rewrite baselines and reference profiles).</summary>
        [Required]
        public string Command { get; set; } = string.Empty;

        /// <summary>The modelgates.json to run.</summary>
        [Required]
        public string ConfigFile { get; set; } = string.Empty;

        /// <summary>The engine's entry assembly (modelgates.dll).</summary>
        [Required]
        public string EngineAssembly { get; set; } = string.Empty;

        /// <summary>The NuGet global packages folder, where the engine finds its native libraries.</summary>
        public string? ProbingPath { get; set; }

        /// <summary>The folder the engine writes its reports (and the diagnostics file) to.</summary>
        public string? ReportDirectory { get; set; }

        /// <summary>The dotnet host to run the engine with (defaults to DOTNET_HOST_PATH, then <c>dotnet</c>).</summary>
        public string? DotnetHost { get; set; }

        /// <summary>The project's NoWarn.</summary>
        public string? NoWarn { get; set; }

        /// <summary>The project's WarningsAsErrors.</summary>
        public string? WarningsAsErrors { get; set; }

        /// <summary>The project's WarningsNotAsErrors.</summary>
        public string? WarningsNotAsErrors { get; set; }

        /// <summary>The project's TreatWarningsAsErrors.</summary>
        public bool TreatWarningsAsErrors { get; set; }

        /// <summary>MG codes whose errors are logged as warnings (<c>ModelGatesErrorsAsWarnings</c>).</summary>
        public string? ErrorsAsWarnings { get; set; }

        /// <summary>True when every gate passed (no errors after the warning policy).</summary>
        [Output]
        public bool Passed { get; private set; }

        /// <summary>True when a drift check failed or warned.</summary>
        [Output]
        public bool DriftDetected { get; private set; }

        /// <summary>True when a monitor reported that retraining is due (MG6001, at any severity): <c>ModelGatesRetrainDue</c>.</summary>
        [Output]
        public bool RetrainDue { get; private set; }

        /// <inheritdoc />
        protected override string ToolName => "dotnet";

        /// <summary>
        /// Check's text output repeats the diagnostics logged from the file (with example rows), so it shows at
        /// detailed verbosity only, where a code silenced by NoWarn cannot reappear by surprise; accept's
        /// old → new lines are what the user asked to see.
        /// </summary>
        protected override MessageImportance StandardOutputLoggingImportance =>
            Command == "accept" ? MessageImportance.High : MessageImportance.Low;

        /// <inheritdoc />
        public override bool Execute()
        {
            policy = new WarningPolicy(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors, ErrorsAsWarnings);
            temporaryDiagnosticsFile = string.IsNullOrEmpty(ReportDirectory);
            diagnosticsFile = temporaryDiagnosticsFile
                ? Path.Combine(Path.GetTempPath(), "modelgates-" + Guid.NewGuid().ToString("N") + ".tsv")
                : Path.Combine(ReportDirectory!, SharedConstants.DiagnosticsFile.FileName);

            // A file left by an earlier run must never stand for this one.
            TryDelete(diagnosticsFile);

            // Progress lines on: a long run over large data then shows where it is, even though stderr is a pipe here.
            EnvironmentVariables = (EnvironmentVariables ?? new string[0])
                .Concat(new[] { SharedConstants.Progress.Variable + "=1" })
                .ToArray();
            try
            {
                var ran = base.Execute();
                Passed = ran && !Log.HasLoggedErrors;
                return Passed;
            }
            finally
            {
                if (temporaryDiagnosticsFile)
                {
                    TryDelete(diagnosticsFile);
                }
            }
        }

        /// <inheritdoc />
        protected override string GenerateFullPathToTool()
        {
            if (DotnetHost is { Length: > 0 } given)
            {
                return given;
            }

            return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        }

        /// <inheritdoc />
        protected override string GenerateCommandLineCommands()
        {
            var builder = new CommandLineBuilder();
            builder.AppendSwitch("exec");
            if (ProbingPath is { Length: > 0 } probe)
            {
                builder.AppendSwitchIfNotNull("--additionalprobingpath ", probe.TrimEnd('/', '\\'));
            }

            builder.AppendFileNameIfNotNull(EngineAssembly);
            builder.AppendSwitch(Command);
            builder.AppendSwitchIfNotNull("--config ", ConfigFile);
            builder.AppendSwitch("--format text");
            if (ReportDirectory is { Length: > 0 } reports)
            {
                builder.AppendSwitchIfNotNull("--report-dir ", reports.TrimEnd('/', '\\'));
            }

            builder.AppendSwitchIfNotNull("--diagnostics-file ", diagnosticsFile);
            return builder.ToString();
        }

        /// <inheritdoc />
        protected override int ExecuteTool(string pathToTool, string responseFileCommands, string commandLineCommands)
        {
            var exitCode = base.ExecuteTool(pathToTool, responseFileCommands, commandLineCommands);
            if (File.Exists(diagnosticsFile))
            {
                diagnostics = EngineDiagnostics.Read(diagnosticsFile);
                LogDiagnostics(diagnostics);
            }
            else if (exitCode == 0)
            {
                LogEngineFailure(exitCode);
            }

            return exitCode;
        }

        /// <inheritdoc />
        protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
        {
            // Plain messages, never parsed: the diagnostics come from the file.
            if (SharedConstants.Progress.IsProgressLine(singleLine))
            {
                Log.LogMessage(MessageImportance.High, "ModelGates " + singleLine);
                return;
            }

            Log.LogMessage(messageImportance, singleLine);
            lastOutput.Enqueue(singleLine);
            if (lastOutput.Count > KeptOutputLines)
            {
                lastOutput.Dequeue();
            }
        }

        /// <inheritdoc />
        protected override bool HandleTaskExecutionErrors()
        {
            // Exit code 1 (a gate failed), 2 (configuration) and 3 (unreadable data) come with the errors that
            // explain them, logged above; MSB6006 ("exited with code 1") would only add noise. When every one of
            // them was lowered to a warning (ModelGatesErrorsAsWarnings), the build goes on.
            if (diagnostics != null && diagnostics.IsComplete && diagnostics.Errors > 0 && IsExplainedFailure(ExitCode))
            {
                return !Log.HasLoggedErrors;
            }

            if (!Log.HasLoggedErrors || !IsExplainedFailure(ExitCode))
            {
                LogEngineFailure(ExitCode);
            }

            return false;
        }

        /// <inheritdoc />
        protected override Encoding StandardOutputEncoding => Encoding.UTF8;

        /// <inheritdoc />
        protected override Encoding StandardErrorEncoding => Encoding.UTF8;

        private static bool IsExplainedFailure(int exitCode) =>
            exitCode == SharedConstants.ExitCodes.CheckFailed
            || exitCode == SharedConstants.ExitCodes.UsageError
            || exitCode == SharedConstants.ExitCodes.DataError;

        /// <summary>The engine ended without its diagnostics file (it crashed, or is of another version): say so with what it printed.</summary>
        private void LogEngineFailure(int exitCode)
        {
            var output = lastOutput.Count == 0 ? "(none)" : string.Join(Environment.NewLine, lastOutput);
            Log.LogError(null, "MG0000", null, SharedConstants.HelpLinks.ForDiagnostic("MG0000"), ConfigFile, 0, 0, 0, 0,
                string.Format(CultureInfo.InvariantCulture,
                    "The ModelGates engine exited with code {0} without writing its diagnostics file {1}. Its last output:{2}{3}{2}Run 'dotnet {4} {5} --config {6}' to see all of it.",
                    exitCode, diagnosticsFile, Environment.NewLine, output, EngineAssembly, Command, ConfigFile));
        }

        private void LogDiagnostics(EngineDiagnostics read)
        {
            foreach (var problem in read.Problems)
            {
                Log.LogError(null, "MG0000", null, SharedConstants.HelpLinks.ForDiagnostic("MG0000"), diagnosticsFile, 0, 0, 0, 0, problem);
            }

            foreach (var d in read.Diagnostics)
            {
                if (SharedConstants.CodeRanges.IsDrift(d.Code) && d.Severity != "info")
                {
                    DriftDetected = true;
                }

                // Read from the engine's diagnostics file, never from screen text, and before NoWarn: a silenced MG6001 still means due.
                if (d.Code == SharedConstants.CodeRanges.RetrainingDue)
                {
                    RetrainDue = true;
                }

                switch (policy.Resolve(d.Severity == "info" ? "message" : d.Severity, d.Code))
                {
                    case "error":
                        Log.LogError(null, d.Code, null, d.HelpLink, d.File, d.Line, d.Column, 0, 0, d.Message);
                        break;
                    case "warning":
                        Log.LogWarning(null, d.Code, null, d.HelpLink, d.File, d.Line, d.Column, 0, 0, d.Message);
                        break;
                    case "message":
                        Log.LogMessage(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, MessageImportance.High, d.Message);
                        break;
                    default:
                        Log.LogMessage(MessageImportance.Low, "Suppressed by NoWarn: " + d.Code + ": " + d.Message);
                        break;
                }
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
