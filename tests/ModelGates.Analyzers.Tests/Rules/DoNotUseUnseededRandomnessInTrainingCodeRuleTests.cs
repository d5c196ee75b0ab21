using ModelGates.Analyzers.CodeFixes;
using Verifier = ModelGates.Analyzers.Tests.Infrastructure.Verify<ModelGates.Analyzers.Rules.DoNotUseUnseededRandomnessInTrainingCodeRule>;

namespace ModelGates.Analyzers.Tests.Rules;

public sealed class DoNotUseUnseededRandomnessInTrainingCodeRuleTests
{
    private const string Row = """

        public sealed class Row
        {
            public float A { get; set; }
            public System.DateTime Date { get; set; }
        }
        """;

    [Fact]
    public Task UnseededRandomShufflingRows_InMethodThatFits_Triggers() => Verifier.AnalyzerAsync("""
        using System;
        using System.Linq;
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(MLContext ml, Row[] rows)
            {
                var random = [|new Random()|];
                var shuffled = rows.OrderBy(_ => random.Next()).ToArray();
                return ml.Transforms.Concatenate("Features", "A").Fit(ml.Data.LoadFromEnumerable(shuffled));
            }
        }
        """ + Row);

    [Fact]
    public Task RandomShared_InMethodThatFits_Triggers() => Verifier.AnalyzerAsync("""
        using System;
        using System.Linq;
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(MLContext ml, Row[] rows)
            {
                var sample = rows.Where(_ => [|Random.Shared|].NextDouble() < 0.5).ToArray();
                return ml.Transforms.Concatenate("Features", "A").Fit(ml.Data.LoadFromEnumerable(sample));
            }
        }
        """ + Row);

    [Fact]
    public Task GuidShuffle_InMethodThatFits_Triggers() => Verifier.AnalyzerAsync("""
        using System;
        using System.Linq;
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(MLContext ml, Row[] rows)
            {
                var shuffled = rows.OrderBy(_ => [|Guid.NewGuid()|]).ToArray();
                return ml.Transforms.Concatenate("Features", "A").Fit(ml.Data.LoadFromEnumerable(shuffled));
            }
        }
        """ + Row);

    [Fact]
    public Task ClockCutOffThroughLocal_InMethodThatFits_Triggers() => Verifier.AnalyzerAsync("""
        using System;
        using System.Linq;
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(MLContext ml, Row[] rows)
            {
                var cutOff = [|DateTime.Now|].AddYears(-1);
                var recent = rows.Where(row => row.Date > cutOff).ToArray();
                return ml.Transforms.Concatenate("Features", "A").Fit(ml.Data.LoadFromEnumerable(recent));
            }
        }
        """ + Row);

    [Fact]
    public Task SeededRandom_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using System;
        using System.Linq;
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(MLContext ml, Row[] rows)
            {
                var random = new Random(42);
                var shuffled = rows.OrderBy(_ => random.Next()).ToArray();
                return ml.Transforms.Concatenate("Features", "A").Fit(ml.Data.LoadFromEnumerable(shuffled));
            }
        }
        """ + Row);

    [Fact]
    public Task LoggingTheTime_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using System;
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(MLContext ml, IDataView data)
            {
                Console.WriteLine($"training started {DateTime.Now}");
                var started = DateTime.UtcNow;
                ml.Log += (_, e) => Console.WriteLine($"{DateTime.Now}: {e.Message}");
                var model = ml.Transforms.Concatenate("Features", "A").Fit(data);
                Console.WriteLine($"took {DateTime.UtcNow - started}");
                return model;
            }
        }
        """);

    [Fact]
    public Task UnseededRandom_InMethodThatDoesNotTrain_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using System;

        public static class Jitter
        {
            public static int Delay() => new Random().Next(100);
        }
        """);

    [Fact]
    public Task ClockSeedOfTheContext_IsLeftToMG1001() => Verifier.AnalyzerAsync("""
        using System;
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(IDataView data)
            {
                var ml = new MLContext(DateTime.Now.Millisecond);
                return ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """);

    [Fact]
    public Task Fix_SeedsGeneratorsHeldInVariables_AndFixAllSeedsEach() => Verifier.CodeFixAsync<DoNotUseUnseededRandomnessInTrainingCodeCodeFixProvider>("""
        using System;
        using System.Linq;
        using Microsoft.ML;

        public sealed class Trainer
        {
            public ITransformer Train(MLContext ml, Row[] rows)
            {
                var random = [|new Random()|];
                Random other = [|new()|];
                var shuffled = rows.OrderBy(_ => random.Next() + other.Next()).ToArray();
                return ml.Transforms.Concatenate("Features", "A").Fit(ml.Data.LoadFromEnumerable(shuffled));
            }
        }
        """ + Row, """
        using System;
        using System.Linq;
        using Microsoft.ML;

        public sealed class Trainer
        {
            public ITransformer Train(MLContext ml, Row[] rows)
            {
                var random = new Random(0);
                Random other = new(0);
                var shuffled = rows.OrderBy(_ => random.Next() + other.Next()).ToArray();
                return ml.Transforms.Concatenate("Features", "A").Fit(ml.Data.LoadFromEnumerable(shuffled));
            }
        }
        """ + Row);

    [Fact]
    public Task Fix_IsNotOfferedInsideALambda() => Verifier.NoCodeFixAsync<DoNotUseUnseededRandomnessInTrainingCodeCodeFixProvider>("""
        using System;
        using System.Linq;
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(MLContext ml, Row[] rows)
            {
                var shuffled = rows.OrderBy(_ => [|new Random()|].Next()).ToArray();
                return ml.Transforms.Concatenate("Features", "A").Fit(ml.Data.LoadFromEnumerable(shuffled));
            }
        }
        """ + Row);
}
