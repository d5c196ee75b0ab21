namespace ModelGates.Models.Metrics;

/// <summary>
/// Logistic recalibration, as the clinical-prediction literature assesses calibration (Cox 1958;
/// Steyerberg, Clinical Prediction Models; Van Calster et al. 2016): with x = logit(p), the
/// maximum-likelihood fits of P(y = 1) = σ(a + b·x) (the slope b) and of P(y = 1) = σ(a + x), the
/// slope fixed at 1 (the intercept a, "calibration in the large"), on the per-score table, weights as
/// sample weights. Newton's method: a bootstrap resample starts from the fit of the whole set (three
/// passes over the scores typically), the whole set from the identity. Residuals and curvatures use
/// σ(η) and σ(−η) = 1 − σ(η) each computed directly, so confident probabilities do not cancel.
/// </summary>
internal static class LogisticRecalibration
{
    private const int MaxIterations = 200;

    /// <summary>The slope b of σ(a + b·x), or why there is none.</summary>
    public static MetricValue Slope(BinaryScoreTable table)
    {
        if (Undefined(table) is { } reason)
        {
            return MetricValue.Undefined(reason);
        }

        var x = table.Order.Logits;
        if (ConstantOrSeparated(table, x) is { } why)
        {
            return MetricValue.Undefined(why);
        }

        var (a, b) = ReferenceEquals(table, table.Order.PointTable) || table.Order.PointRecalibration.Slope is not { } start
            ? (0.0, 0.0)
            : start;
        return FitSlope(table, x, a, b) is { } fitted ? MetricValue.Defined(fitted) : MetricValue.Undefined(UndefinedReasons.RecalibrationDidNotConverge);
    }

    /// <summary>The intercept a of σ(a + x), the slope fixed at 1, or why there is none.</summary>
    public static MetricValue Intercept(BinaryScoreTable table)
    {
        if (Undefined(table) is { } reason)
        {
            return MetricValue.Undefined(reason);
        }

        var start = ReferenceEquals(table, table.Order.PointTable) ? 0.0 : table.Order.PointRecalibration.Intercept ?? 0.0;
        return FitIntercept(table, table.Order.Logits, start) is { } fitted ? MetricValue.Defined(fitted) : MetricValue.Undefined(UndefinedReasons.RecalibrationDidNotConverge);
    }

    /// <summary>Both fits on the whole set, the start of every resample's fits (null where undefined).</summary>
    internal static ((double A, double B)? Slope, double? Intercept) PointFits(BinaryScoreTable point)
    {
        (double, double)? slope = null;
        double? intercept = null;
        if (Undefined(point) is null)
        {
            var x = point.Order.Logits;
            if (ConstantOrSeparated(point, x) is null && FitSlopeAndIntercept(point, x) is { } fit)
            {
                slope = fit;
            }

            intercept = FitIntercept(point, x, 0.0);
        }

        return (slope, intercept);
    }

    /// <summary>logit(p) of each distinct probability, p clipped to [2^-52, 1 − 2^-52] as the log loss clips it.</summary>
    internal static double[] Logits(double[] scores)
    {
        var x = new double[scores.Length];
        for (var k = 0; k < scores.Length; k++)
        {
            var p = Math.Clamp(scores[k], LogLossClipping.Epsilon, 1.0 - LogLossClipping.Epsilon);
            x[k] = Math.Log(p / (1.0 - p));
        }

        return x;
    }

    private static double? FitSlope(BinaryScoreTable table, double[] x, double a, double b) =>
        FitSlopeAndIntercept(table, x, a, b) is { } fit ? fit.B : null;

    private static (double A, double B)? FitSlopeAndIntercept(BinaryScoreTable table, double[] x, double a = 0, double b = 0)
    {
        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;
        double? likelihood = null;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var k = 0; k < x.Length; k++)
            {
                var w = positive[k] + negative[k];
                if (w == 0.0)
                {
                    continue;
                }

                var (up, down) = Sigmoids(a + (b * x[k]));
                var residual = (positive[k] * down) - (negative[k] * up);
                var curvature = w * up * down;
                ga += residual;
                gb += residual * x[k];
                haa += curvature;
                hab += curvature * x[k];
                hbb += curvature * x[k] * x[k];
            }

            var determinant = (haa * hbb) - (hab * hab);
            if (!(determinant > 0.0))
            {
                return null;
            }

            var da = ((hbb * ga) - (hab * gb)) / determinant;
            var db = ((haa * gb) - (hab * ga)) / determinant;
            if (Converged(da, a) && Converged(db, b))
            {
                return (a + da, b + db);
            }

            if (Near(da, a) && Near(db, b))
            {
                // In the region where Newton's method converges quadratically: take the whole step.
                (a, b) = (a + da, b + db);
                continue;
            }

            // Far from the optimum a full step can overshoot: halve it until the likelihood does not fall.
            likelihood ??= LogLikelihood(positive, negative, x, a, b);
            var step = 1.0;
            double nextA, nextB, next;
            do
            {
                nextA = a + (step * da);
                nextB = b + (step * db);
                next = LogLikelihood(positive, negative, x, nextA, nextB);
                step /= 2;
            }
            while (next < likelihood && step > 1e-18);

            (a, b, likelihood) = (nextA, nextB, Math.Max(next, likelihood.Value));
        }

        return null;
    }

    /// <summary>
    /// The root of the score Σ (y − σ(a + x)), which falls with a: Newton's method with steps of at most
    /// 1 (certain probabilities have almost no curvature, and a raw step would fly off) inside the
    /// bracket of the root its evaluations have found, bisecting where a step would leave it.
    /// </summary>
    private static double? FitIntercept(BinaryScoreTable table, double[] x, double start)
    {
        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;
        double low = double.NegativeInfinity, high = double.PositiveInfinity;
        var current = start;
        for (var iteration = 0; iteration < 4 * MaxIterations; iteration++)
        {
            double score = 0, curvature = 0;
            for (var k = 0; k < x.Length; k++)
            {
                var w = positive[k] + negative[k];
                if (w == 0.0)
                {
                    continue;
                }

                var (up, down) = Sigmoids(current + x[k]);
                score += (positive[k] * down) - (negative[k] * up);
                curvature += w * up * down;
            }

            if (score == 0.0)
            {
                return current;
            }

            if (score > 0.0)
            {
                low = current;
            }
            else
            {
                high = current;
            }

            var delta = curvature > 0.0 ? score / curvature : double.PositiveInfinity * score;
            if (Converged(delta, current))
            {
                return current + delta;
            }

            var next = current + Math.Clamp(delta, -1.0, 1.0);
            if (!(next > low && next < high))
            {
                next = low + ((high - low) / 2);
            }

            if (high - low <= 4e-16 * (1.0 + Math.Abs(current)))
            {
                return next;
            }

            current = next;
        }

        return null;
    }

    /// <summary>
    /// A Newton step after which what remains is at the rounding level: near the optimum the step
    /// measures the error, and the next error is of the order of its square.
    /// </summary>
    private static bool Converged(double step, double value) => Math.Abs(step) <= 1e-8 * (1.0 + Math.Abs(value));

    /// <summary>A step small enough to take whole (near the optimum, where a full Newton step never overshoots).</summary>
    private static bool Near(double step, double value) => Math.Abs(step) <= 1e-2 * (1.0 + Math.Abs(value));

    private static string? Undefined(BinaryScoreTable table) =>
        table.Order.ScoreKind != Predictions.BinaryScoreKind.Probability ? UndefinedReasons.ScoresAreNotProbabilities
        : table.TotalPositive <= 0.0 || table.TotalNegative <= 0.0 ? UndefinedReasons.OnlyOneClass
        : null;

    /// <summary>
    /// Why σ(a + b·x) has no finite maximum: every row at one logit, or a logit c with every positive
    /// at or above it and every negative at or below it (or the reverse).
    /// </summary>
    private static string? ConstantOrSeparated(BinaryScoreTable table, double[] x)
    {
        double minPositive = double.PositiveInfinity, maxPositive = double.NegativeInfinity;
        double minNegative = double.PositiveInfinity, maxNegative = double.NegativeInfinity;
        for (var k = 0; k < x.Length; k++)
        {
            if (table.PositiveWeight[k] > 0.0)
            {
                minPositive = Math.Min(minPositive, x[k]);
                maxPositive = Math.Max(maxPositive, x[k]);
            }

            if (table.NegativeWeight[k] > 0.0)
            {
                minNegative = Math.Min(minNegative, x[k]);
                maxNegative = Math.Max(maxNegative, x[k]);
            }
        }

        if (Math.Min(minPositive, minNegative) == Math.Max(maxPositive, maxNegative))
        {
            return UndefinedReasons.ConstantLogits;
        }

        return minPositive >= maxNegative || maxPositive <= minNegative ? UndefinedReasons.ScoresSeparateClasses : null;
    }

    private static double LogLikelihood(double[] positive, double[] negative, double[] x, double a, double b)
    {
        double sum = 0;
        for (var k = 0; k < x.Length; k++)
        {
            if (positive[k] + negative[k] == 0.0)
            {
                continue;
            }

            var eta = a + (b * x[k]);

            // log σ(η) = −log(1 + e^−η) and log(1 − σ(η)) = −log(1 + e^η), each in its stable form.
            sum -= (positive[k] * Softplus(-eta)) + (negative[k] * Softplus(eta));
        }

        return sum;
    }

    private static double Softplus(double t) => t > 0 ? t + Math.Log(1.0 + Math.Exp(-t)) : Math.Log(1.0 + Math.Exp(t));

    /// <summary>σ(η) and σ(−η) from one exponential, each without cancellation.</summary>
    private static (double Up, double Down) Sigmoids(double eta)
    {
        var e = Math.Exp(-Math.Abs(eta));
        var d = 1.0 / (1.0 + e);
        return eta >= 0 ? (d, e * d) : (e * d, d);
    }
}
