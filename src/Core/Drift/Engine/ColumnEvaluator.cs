using System.Globalization;
using System.Text;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Effects;
using ModelGates.Drift.Engine.Inputs;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Policy;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine;

/// <summary>
/// Everything about one column short of the corrections across columns: presence and kind checks, the
/// missing share's p-value, the plan, the minimum count, and the measurement.
/// </summary>
internal static class ColumnEvaluator
{
    /// <summary>Checks, plans and reads one column; <paramref name="schedule"/> runs the measurement (inline, or on a worker).</summary>
    public static PendingColumn Evaluate(
        ReferenceColumn reference,
        CurrentColumnSource? current,
        DriftOptions options,
        string referencePath,
        Func<Func<ColumnMeasurement>, Task<ColumnMeasurement>> schedule)
    {
        var name = reference.Name;
        var settings = options.For(name);
        var result = new ColumnDriftResult
        {
            Column = name,
            Kind = reference.Kind,
            Status = ColumnDriftStatus.Ok,
            ReferenceCount = reference.Count,
            MissingShareReference = Share(reference.Missing, reference.Rows),
            Weight = settings.Weight,
        };

        if (current is null)
        {
            return Finding(
                result with { Status = ColumnDriftStatus.Missing, Note = "missing from the current data" },
                settings,
                DiagnosticCatalog.DriftColumnMissing.Create($"Column '{name}' of the reference is missing from the current data.") with { Column = name, Check = "drift" });
        }

        result = result with
        {
            CurrentCount = current.Count,
            MissingShareCurrent = Share(current.Rows - current.Count, current.Rows),
        };
        if (settings.Skip)
        {
            return Finding(
                result with { Status = ColumnDriftStatus.Skipped, Note = "excluded by its settings" },
                settings,
                DiagnosticCatalog.DriftColumnNotCompared.Create($"Column '{name}' is excluded by its settings and not compared.") with { Column = name, Check = "drift" },
                DisplayOnly(reference, current, settings, referencePath));
        }

        // A current column with no values at all is read as text whatever it held; its missing share tells the story.
        if (current.Count > 0 && !Compatible(reference.Kind, current.TypeKind))
        {
            return Finding(
                result with { Status = ColumnDriftStatus.Incompatible, Note = "kind changed" },
                settings,
                DiagnosticCatalog.DriftColumnKindChanged.Create(
                    $"Column '{name}' holds {current.TypeKind.ToText()} values ({current.SqlType}) in the current data but {reference.Kind.ToText()} values ({reference.SqlType}) in the reference; its distributions cannot be compared.") with
                {
                    Column = name,
                    Check = "kind",
                    Measured = current.TypeKind.ToText(),
                    Bound = reference.Kind.ToText(),
                });
        }

        result = result with
        {
            MissingSharePValue = MissingShareCheck.Measure(reference.Missing, reference.Rows, current.Rows - current.Count, current.Rows),
            MissingShareThreshold = settings.MissingShareThreshold,
        };
        var choice = ColumnPlanner.Choose(reference, settings, current.Count, referencePath);
        if (choice.Plan is not { } plan)
        {
            return Finding(
                result with { Status = ColumnDriftStatus.Skipped, Note = "free text: no drift test applies" },
                settings,
                DiagnosticCatalog.DriftColumnNotCompared.Create(
                    $"Column '{name}' is free text (more distinct values than a categorical column may have); drift tests do not apply and only its missing share is checked.") with
                {
                    Column = name,
                    Check = "drift",
                });
        }

        result = result with
        {
            Test = plan.Test.Id,
            AutoSelected = plan.Auto,
            Threshold = choice.Threshold,
            PValueTest = plan.SignificanceTest.Id,
            Alpha = choice.Alpha,
            EffectMeasure = plan.EffectMeasure.Id,
            EffectThreshold = choice.EffectThreshold,
            Note = choice.Note is null ? null : $"{settings.Test} does not apply; auto chose {plan.SignificanceTest.Id} and {plan.EffectMeasure.Id}",
        };
        var notes = choice.Note is { } note ? new List<Diagnostic> { note } : [];
        var minimum = Math.Max(options.MinimumCount, Math.Max(plan.SignificanceTest.MinimumSize, plan.EffectMeasure.MinimumSize));
        if (reference.Count < minimum || current.Count < minimum)
        {
            var (side, count) = reference.Count < minimum ? ("reference", reference.Count) : ("current data", current.Count);
            notes.Add(DiagnosticCatalog.InsufficientDriftData.Create(string.Create(
                CultureInfo.InvariantCulture,
                $"Column '{name}' has {count} non-missing value(s) in the {side}, fewer than the {minimum} each side needs; its values are not tested for drift (its missing share still is).")) with
            {
                Column = name,
                Check = "minimumCount",
                Measured = count,
                Bound = minimum,
            });
            // Still drawn in the report: a chart shows what little there is.
            var few = reference.Count > 0 && current.Count > 0 ? current.Read(plan, reference) : null;
            return Pending(result with { Status = ColumnDriftStatus.Insufficient, Note = "too few values to test" }, settings, choice, reference, null, notes, few);
        }

        var inputs = current.Read(plan, reference);
        result = result with
        {
            BelowReferenceShare = Share(inputs.OutsideRange?.Below, current.Count),
            AboveReferenceShare = Share(inputs.OutsideRange?.Above, current.Count),
        };
        var bootstrap = new EffectBootstrapSettings(
            options.BootstrapReplicates,
            options.ConfidenceLevel,
            choice.Alpha,
            Seed(options.Seed, name, 1),
            Seed(options.Seed, name, 2));
        return Pending(result, settings, choice, reference, schedule(() => ColumnComparer.Compare(reference, inputs, plan, bootstrap)), notes, inputs);
    }

    private static PendingColumn Finding(ColumnDriftResult result, ColumnDriftSettings settings, Diagnostic diagnostic, ColumnDistribution? distribution = null)
    {
        var column = new PendingColumn { Result = result, Settings = settings, Distribution = distribution };
        column.Diagnostics.Add(diagnostic);
        return column;
    }

    /// <summary>
    /// A column excluded from judgement is still drawn in the report (a label's shift is worth seeing), read as
    /// the automatic policy would read it.
    /// </summary>
    private static ColumnDistribution? DisplayOnly(ReferenceColumn reference, CurrentColumnSource current, ColumnDriftSettings settings, string referencePath)
    {
        if (reference.Count == 0 || current.Count == 0 || !Compatible(reference.Kind, current.TypeKind))
        {
            return null;
        }

        var display = settings with { Test = DriftOptions.AutoTest, Threshold = null, TestFromOverride = false };
        return ColumnPlanner.Choose(reference, display, current.Count, referencePath).Plan is { } plan
            ? ColumnDistributions.Of(reference, current.Read(plan, reference))
            : null;
    }

    /// <summary>Runs a measurement where it is asked for: the inline schedule of in-memory comparisons.</summary>
    public static Task<ColumnMeasurement> Inline(Func<ColumnMeasurement> measure) => Task.FromResult(measure());

    private static PendingColumn Pending(
        ColumnDriftResult result,
        ColumnDriftSettings settings,
        ColumnPlanChoice choice,
        ReferenceColumn reference,
        Task<ColumnMeasurement>? measuring,
        List<Diagnostic> notes,
        CurrentColumn? inputs)
    {
        var column = new PendingColumn
        {
            Result = result,
            Settings = settings,
            Choice = choice,
            Reference = reference,
            Measuring = measuring,
            Distribution = inputs is null ? null : ColumnDistributions.Of(reference, inputs),
        };
        column.Diagnostics.AddRange(notes);
        return column;
    }

    private static bool Compatible(ColumnKind reference, ColumnKind currentType) => reference switch
    {
        ColumnKind.Numeric => currentType == ColumnKind.Numeric,
        ColumnKind.Datetime => currentType == ColumnKind.Datetime,
        ColumnKind.Boolean => currentType == ColumnKind.Boolean,

        // Categories are compared as text, whatever type the current file's values were read as.
        _ => true,
    };

    private static double? Share(long? part, long whole) => part is { } p && whole > 0 ? (double)p / whole : null;

    /// <summary>A column's seed: the run's seed mixed with a hash of the column name, so results do not depend on column order.</summary>
    private static ulong Seed(ulong seed, string column, ulong stream)
    {
        // FNV-1a over the UTF-8 name: fixed by its definition, unlike string.GetHashCode, which is randomised per process.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(column))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return seed ^ hash ^ (stream * 0x9E3779B97F4A7C15UL);
    }
}
