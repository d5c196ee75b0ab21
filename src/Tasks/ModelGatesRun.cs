using System;
using System.Globalization;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ModelGates.Build
{
    /// <summary>
    /// Runs the ModelGates engine (the <c>modelgates</c> CLI carried in the package) out of process and logs
    /// its diagnostics as MSBuild errors and warnings with their MG code, file, line and column. The engine
    /// carries DuckDB's and ML.NET's native libraries; keeping them out of MSBuild's long-lived process
    /// avoids locked files and assembly clashes, so this task stays small and dependency-free.
    /// </summary>
    public sealed class ModelGatesRun : ToolTask
    {
        private WarningPolicy policy = new WarningPolicy(null, null, null, false);

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

        /// <summary>The folder the engine writes its JSON and Markdown reports to.</summary>
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

        /// <summary>True when every gate passed (no errors after the warning policy).</summary>
        [Output]
        public bool Passed { get; private set; }

        /// <summary>True when a drift check failed or warned.</summary>
        [Output]
        public bool DriftDetected { get; private set; }

        /// <inheritdoc />
        protected override string ToolName => "dotnet";

        /// <inheritdoc />
        protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Normal;

        /// <inheritdoc />
        public override bool Execute()
        {
            policy = new WarningPolicy(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
            var ran = base.Execute();
            Passed = ran && !Log.HasLoggedErrors;
            return Passed;
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
            builder.AppendSwitch("--format msbuild");
            if (ReportDirectory is { Length: > 0 } reports)
            {
                builder.AppendSwitchIfNotNull("--report-dir ", reports.TrimEnd('/', '\\'));
            }

            return builder.ToString();
        }

        /// <inheritdoc />
        protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
        {
            var diagnostic = CanonicalDiagnostic.TryParse(singleLine);
            if (diagnostic == null)
            {
                Log.LogMessage(messageImportance, singleLine);
                return;
            }

            if (diagnostic.Code.StartsWith("MG3", StringComparison.Ordinal) && diagnostic.Category != "message")
            {
                DriftDetected = true;
            }

            var help = "https://github.com/modelgates/modelgates/blob/main/docs/diagnostics/" + diagnostic.Code + ".md";
            switch (policy.Resolve(diagnostic.Category, diagnostic.Code))
            {
                case "error":
                    Log.LogError("ModelGates", diagnostic.Code, help, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Text);
                    break;
                case "warning":
                    Log.LogWarning("ModelGates", diagnostic.Code, help, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Text);
                    break;
                case "message":
                    Log.LogMessage("ModelGates", diagnostic.Code, help, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, MessageImportance.High, diagnostic.Text);
                    break;
                default:
                    Log.LogMessage(MessageImportance.Low, "Suppressed by NoWarn: " + singleLine);
                    break;
            }
        }

        /// <inheritdoc />
        protected override bool HandleTaskExecutionErrors()
        {
            // Exit code 1 (a gate failed), 2 (configuration) and 3 (unreadable data) come with diagnostics the
            // engine printed and this task logged; MSB6006 ("exited with code 1") would only add noise.
            if (Log.HasLoggedErrors)
            {
                return false;
            }

            Log.LogError("ModelGates", "MG0000", null, ConfigFile, 0, 0, 0, 0,
                string.Format(CultureInfo.InvariantCulture, "The ModelGates engine exited with code {0} without reporting why. Run 'dotnet {1} {2} --config {3}' to see its output.", ExitCode, EngineAssembly, Command, ConfigFile));
            return false;
        }

        /// <inheritdoc />
        protected override Encoding StandardOutputEncoding => Encoding.UTF8;

        /// <inheritdoc />
        protected override Encoding StandardErrorEncoding => Encoding.UTF8;
    }
}
