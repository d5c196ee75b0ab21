using System.Reflection;
using System.Runtime.CompilerServices;
using ModelGates.Data;

namespace ModelGates.Inputs;

/// <summary>
/// The one-time work of a run's first read, started on another core while the front end is still parsing its
/// arguments and config: opening the in-memory DuckDB (loading its native library) and compiling the read's and
/// the comparison's hot loops. Those loops are marked AggressiveOptimization, so ReadyToRun code does not cover
/// them and each was compiled on its first call, with the other core waiting for it (the parse's two workers call
/// the same method first at the same moment). Started or not, a run computes the same results.
/// </summary>
internal static class PipelineWarmup
{
    // The types whose AggressiveOptimization methods a drift or profile run calls, roughly in the order it calls them.
    internal static readonly Type[] HotTypes =
    [
        typeof(Data.Direct.CsvRangeReader),
        typeof(Data.Direct.Utf8ValueCounts),
        typeof(Statistics.DoubleRadixSort),
        typeof(Statistics.SortedValues),
        typeof(Statistics.BlockedSums),
        typeof(Drift.NumericSample),
        typeof(Drift.SampleMoments),
        typeof(Drift.DistinctValueWalk),
        typeof(Drift.EmpiricalCdfIntegral),
        typeof(Drift.Engine.Effects.WeightedPoints),
        typeof(Drift.Engine.Effects.ValueGrid),
        typeof(Drift.Engine.Effects.NormalDraws),
        typeof(Drift.Engine.Effects.EffectBootstrap),
        typeof(Statistics.SmirnovDistribution),
    ];

    private static Task<DataEngine>? engine;
    private static int started;

    /// <summary>Starts opening an engine and compiling the hot loops on the thread pool, once per process.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            return;
        }

        var opening = new Task<DataEngine>(() => new DataEngine());
        engine = opening;

        // An engine nobody took (the run stopped at its config) is closed before the process exits, not during; an open
        // that failed has nothing to close (a pipeline would have reported its error).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Release();
        opening.Start(TaskScheduler.Default);
        Task.Run(CompileHotLoops);
    }

    /// <summary>The engine <see cref="Start"/> opened, once (waiting for it if need be); null when none was started or it was taken.</summary>
    /// <exception cref="Exception">Whatever opening it threw, as opening one here would.</exception>
    public static DataEngine? TakeEngine() => Interlocked.Exchange(ref engine, null)?.GetAwaiter().GetResult();

    /// <summary>Waits for an engine nobody took and closes it.</summary>
    internal static void Release()
    {
        if (Interlocked.Exchange(ref engine, null) is not { } opening)
        {
            return;
        }

        try
        {
            opening.Wait();
        }
        catch (AggregateException)
        {
            return;
        }

        opening.Result.Dispose();
    }

    /// <summary>The hot methods <see cref="Start"/> compiles.</summary>
    internal static IEnumerable<MethodInfo> HotMethods() =>
        HotTypes.SelectMany(t => t.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance))
            .Where(m => (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0 && !m.ContainsGenericParameters && !m.IsAbstract);

    private static void CompileHotLoops()
    {
        foreach (var method in HotMethods())
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
    }
}
