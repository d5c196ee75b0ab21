using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Multivariate;

/// <summary>
/// Runs the dataset-level drift checks of <see cref="DriftOptions.Multivariate"/> over seeded row samples of both
/// sides and judges them: the domain classifier (drift when its AUC interval's lower bound is above
/// <see cref="DriftOptions.DomainClassifierAuc"/>, MG3020) and the PCA reconstruction error (drift when the interval of
/// its relative change lies beyond <see cref="DriftOptions.ReconstructionThreshold"/>, MG3021). A check that cannot
/// run says why (MG3022), never nothing.
/// </summary>
internal static class MultivariateChecks
{
    /// <summary>The check names, in report order.</summary>
    public const string ClassifierName = "domainClassifier";

    /// <summary>The reconstruction check's name.</summary>
    public const string ReconstructionName = "reconstruction";

    /// <summary>The fewest sampled rows each side needs.</summary>
    public const int MinimumRows = 50;

    /// <summary>How many separating columns a result names.</summary>
    public const int TopFeatureCount = 3;

    /// <summary>Every check <paramref name="options"/> asks for, as not run for <paramref name="reason"/> (a profile has no rows).</summary>
    public static (IReadOnlyList<DatasetDriftCheck> Checks, IReadOnlyList<Diagnostic> Diagnostics) NotRun(DriftOptions options, string reason)
    {
        var checks = Names(options).Select(n => NotRunCheck(n, reason)).ToList();
        if (checks.Count == 0)
        {
            return ([], []);
        }

        // One note for the run, not one per check: the reason is the same.
        var which = string.Join(" and ", checks.Select(c => c.Name == ClassifierName ? "domain classifier" : "reconstruction"));
        var note = DiagnosticCatalog.MultivariateNotRun.Create($"The multivariate drift check{(checks.Count > 1 ? "s" : string.Empty)} ({which}) did not run: {reason}.") with { Check = "multivariate" };
        return (checks, [note]);
    }

    /// <summary>Runs the checks over the rows of both tables, on the columns of <paramref name="columns"/> that were compared.</summary>
    public static (IReadOnlyList<DatasetDriftCheck> Checks, IReadOnlyList<Diagnostic> Diagnostics) Run(
        RowSource reference, RowSource current, IReadOnlyList<ColumnDriftResult> columns, DriftOptions options) =>
        Run(reference, current, Usable(reference, current, Compared(columns)), options);

    /// <summary>The columns the column checks compared (not skipped, missing or of a changed kind), in report order.</summary>
    public static IEnumerable<string> Compared(IReadOnlyList<ColumnDriftResult> columns) =>
        columns.Where(c => c.Status is not (ColumnDriftStatus.Skipped or ColumnDriftStatus.Missing or ColumnDriftStatus.Incompatible)).Select(c => c.Column);

    /// <summary>
    /// Of the <paramref name="compared"/> columns, those with values of the same kind on both sides, numbers or
    /// categories (dates and free text are left out), each with whether it is numeric: the rows the checks see.
    /// </summary>
    public static List<(string Name, bool Numeric)> Usable(RowSource reference, RowSource current, IEnumerable<string> compared) =>
        [.. compared
            .Select(c => (Column: c, Reference: reference.Find(c), Current: current.Find(c)))
            .Where(c => c.Reference is not null && c.Current is not null && c.Reference.TypeKind == c.Current.TypeKind
                && c.Reference.TypeKind is ColumnKind.Numeric or ColumnKind.Categorical or ColumnKind.Boolean)
            .Select(c => (c.Column, c.Reference!.TypeKind == ColumnKind.Numeric))];

    /// <summary>Runs the checks over the rows of both sides, on the <paramref name="usable"/> columns (<see cref="Usable"/>).</summary>
    public static (IReadOnlyList<DatasetDriftCheck> Checks, IReadOnlyList<Diagnostic> Diagnostics) Run(
        RowSource reference, RowSource current, IReadOnlyList<(string Name, bool Numeric)> usable, DriftOptions options)
    {
        var names = Names(options);
        if (names.Count == 0)
        {
            return ([], []);
        }

        string? reason = null;
        if (usable.Count == 0)
        {
            reason = "no column of numbers or categories is compared on both sides";
        }
        else if (Math.Min(reference.Rows, current.Rows) < MinimumRows)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"it needs at least {MinimumRows} rows a side, and the reference has {reference.Rows}, the current data {current.Rows}");
        }

        if (reason is not null)
        {
            return NotRun(options, reason);
        }

        var referenceRows = reference.Draw(usable, options.MultivariateSampleRows, Mix(options.Seed, 1));
        var currentRows = current.Draw(usable, options.MultivariateSampleRows, Mix(options.Seed, 2));

        // The two checks share nothing but the samples, so the reconstruction runs on the other core while the classifier fits.
        var reconstruction = options.Multivariate.RunsReconstruction()
            ? Task.Run(() => Reconstruction(FeatureEncoder.Encode(referenceRows, currentRows), options))
            : null;
        var checks = new List<DatasetDriftCheck>();
        if (options.Multivariate.RunsClassifier())
        {
            checks.Add(Classifier(FeatureEncoder.EncodeForTrees(referenceRows, currentRows), options));
        }

        if (reconstruction is not null)
        {
            checks.Add(reconstruction.GetAwaiter().GetResult());
        }

        return (checks, checks.Where(c => c.Status != DatasetDriftStatus.Ok).Select(c => Diagnose(c) with
        {
            Severity = c.Status == DatasetDriftStatus.Drift ? options.ColumnSeverity : Severity.Info,
        }).ToList());
    }

    private static DatasetDriftCheck Classifier(EncodedFeatures features, DriftOptions options)
    {
        DomainClassifierFit fit;
        try
        {
            fit = DomainClassifier.Fit(features, (int)(Mix(options.Seed, 4) & 0x7FFF_FFFF));
        }
        catch (Exception e) when (e is LightGbmException or DllNotFoundException or EntryPointNotFoundException)
        {
            return NotRunCheck(ClassifierName, $"LightGBM failed ({e.Message})");
        }

        var (auc, se) = DeLongAuc.Compute(fit.Scores, fit.IsCurrent);
        var (lower, upper) = DeLongAuc.Interval(auc, se, options.ConfidenceLevel);
        var drifted = lower > options.DomainClassifierAuc;
        var top = Top(features.Columns, fit.ColumnGain);
        var interval = $"{DriftNumber.Percent(options.ConfidenceLevel)} interval {DriftNumber.Format(lower)} to {DriftNumber.Format(upper)}";
        var sizes = string.Create(CultureInfo.InvariantCulture, $"{features.ReferenceRows:N0} reference and {features.CurrentRows:N0} current rows");
        var message = drifted
            ? $"A classifier tells current rows from reference rows: out-of-fold AUC {DriftNumber.Format(auc)} ({interval}, {DomainClassifier.Folds}-fold LightGBM on {sizes}), the lower bound above the threshold {DriftNumber.Format(options.DomainClassifierAuc)}. Separating most: {Describe(top)}."
            : $"A classifier cannot tell current rows from reference rows: out-of-fold AUC {DriftNumber.Format(auc)} ({interval}, {DomainClassifier.Folds}-fold LightGBM on {sizes}), the lower bound not above the threshold {DriftNumber.Format(options.DomainClassifierAuc)}.";
        return new DatasetDriftCheck
        {
            Name = ClassifierName,
            Code = DiagnosticCatalog.DomainClassifierDrift.Code,
            Status = drifted ? DatasetDriftStatus.Drift : DatasetDriftStatus.Ok,
            Measure = "auc",
            Statistic = auc,
            Interval = new EffectInterval(lower, upper, options.ConfidenceLevel),
            Threshold = options.DomainClassifierAuc,
            ReferenceRows = features.ReferenceRows,
            CurrentRows = features.CurrentRows,
            TopFeatures = top,
            Message = message,
        };
    }

    private static DatasetDriftCheck Reconstruction(EncodedFeatures features, DriftOptions options)
    {
        var fit = ReconstructionError.Fit(features, Mix(options.Seed, 3));
        var (mr, sr) = MeanAndDeviation(fit.ReferenceErrors);
        var (mc, sc) = MeanAndDeviation(fit.CurrentErrors);
        if (!(mr > 0) || fit.ReferenceErrors.Length < 2)
        {
            return NotRunCheck(ReconstructionName, "the kept components reconstruct the reference exactly (too few independent features), so there is no error to compare");
        }

        // The ratio of mean errors on the log scale, its standard error by the delta method.
        var logRatio = Math.Log(Math.Max(mc, double.Epsilon) / mr);
        var se = Math.Sqrt((sr * sr / (fit.ReferenceErrors.Length * mr * mr)) + (mc > 0 ? sc * sc / (fit.CurrentErrors.Length * mc * mc) : 0));
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + (options.ConfidenceLevel / 2));
        var change = Math.Exp(logRatio) - 1;
        var lower = Math.Exp(logRatio - (z * se)) - 1;
        var upper = Math.Exp(logRatio + (z * se)) - 1;
        var t = options.ReconstructionThreshold;
        var down = (1 / (1 + t)) - 1;
        var drifted = lower > t || upper < down;

        var shares = new double[features.Columns.Count];
        for (var j = 0; j < features.Count; j++)
        {
            shares[features.Source[j]] += Math.Abs(fit.CurrentFeatureSquares[j] - fit.ReferenceFeatureSquares[j]);
        }

        var total = shares.Sum();
        var top = total > 0 ? Top(features.Columns, [.. shares.Select(s => s / total)]) : [];
        var interval = $"{DriftNumber.Percent(options.ConfidenceLevel)} interval {Signed(lower)} to {Signed(upper)}";
        var basis = string.Create(CultureInfo.InvariantCulture, $"{fit.Components} of {features.Count} components keep {DriftNumber.Percent(fit.Explained)} of the reference's variance; mean error {DriftNumber.Format(mr)} on {fit.ReferenceErrors.Length:N0} held-out reference rows, {DriftNumber.Format(mc)} on {fit.CurrentErrors.Length:N0} current rows");
        var message = drifted
            ? $"The PCA reconstruction error changed by {Signed(change)} ({interval}; {basis}), beyond the threshold of {Signed(t)} (or {Signed(down)}). Changed most: {Describe(top)}."
            : $"The PCA reconstruction error changed by {Signed(change)} ({interval}; {basis}), within the threshold of {Signed(t)} (or {Signed(down)}).";
        return new DatasetDriftCheck
        {
            Name = ReconstructionName,
            Code = DiagnosticCatalog.ReconstructionDrift.Code,
            Status = drifted ? DatasetDriftStatus.Drift : DatasetDriftStatus.Ok,
            Measure = "errorChange",
            Statistic = change,
            Interval = new EffectInterval(lower, upper, options.ConfidenceLevel),
            Threshold = t,
            ReferenceRows = fit.ReferenceErrors.Length,
            CurrentRows = fit.CurrentErrors.Length,
            TopFeatures = top,
            Message = message,
        };
    }

    private static List<string> Names(DriftOptions options) =>
        [.. new[] { (ClassifierName, options.Multivariate.RunsClassifier()), (ReconstructionName, options.Multivariate.RunsReconstruction()) }.Where(p => p.Item2).Select(p => p.Item1)];

    private static DatasetDriftCheck NotRunCheck(string name, string reason) => new()
    {
        Name = name,
        Code = DiagnosticCatalog.MultivariateNotRun.Code,
        Status = DatasetDriftStatus.NotRun,
        Message = $"The {(name == ClassifierName ? "domain classifier" : "reconstruction")} check did not run: {reason}.",
    };

    private static Diagnostic Diagnose(DatasetDriftCheck check)
    {
        var descriptor = check.Status == DatasetDriftStatus.NotRun ? DiagnosticCatalog.MultivariateNotRun
            : check.Name == ClassifierName ? DiagnosticCatalog.DomainClassifierDrift : DiagnosticCatalog.ReconstructionDrift;
        return descriptor.Create(check.Message) with
        {
            Check = check.Name,
            Measured = check.Status == DatasetDriftStatus.NotRun ? null : check.Name == ClassifierName ? check.Interval?.Lower : check.Statistic,
            Bound = check.Threshold,
        };
    }

    private static List<FeatureShare> Top(IReadOnlyList<string> columns, double[] shares) =>
        [.. columns.Select((c, i) => new FeatureShare(c, shares[i]))
            .Where(f => f.Share > 0)
            .OrderByDescending(f => f.Share).ThenBy(f => f.Column, StringComparer.Ordinal)
            .Take(TopFeatureCount)];

    private static string Describe(IReadOnlyList<FeatureShare> top) =>
        top.Count == 0 ? "no single column" : string.Join(", ", top.Select(f => $"'{f.Column}' ({DriftNumber.Percent(f.Share)})"));

    private static string Signed(double change) => (change >= 0 ? "+" : string.Empty) + DriftNumber.Percent(change);

    private static (double Mean, double Deviation) MeanAndDeviation(double[] values)
    {
        if (values.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        var mean = values.Average();
        var variance = values.Length < 2 ? 0 : values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return (mean, Math.Sqrt(variance));
    }

    // A distinct stream per use, so the two samples and the folds do not share draws.
    private static ulong Mix(ulong seed, ulong stream)
    {
        var z = seed + (stream * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
