using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation.Pushdown;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Sources;
using ModelGates.Testing;
using ModelGates.Tests.Contracts.Pushdown;

namespace ModelGates.Tests.Models.Pushdown;

public sealed class SqlSliceMetricsTests : IClassFixture<PostgresServer>
{
    private static readonly PredictionsTable Table = PredictionsTable.Generate(3000);
    private static readonly HashSet<int> Loaded = [];
    private readonly PostgresServer server;

    public SqlSliceMetricsTests(PostgresServer server) => this.server = server;

    public static TheoryData<ModelTask, double> Cases => new() { { ModelTask.Binary, 0.5 }, { ModelTask.Binary, 0.37 }, { ModelTask.Regression, 0.5 } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Slice_metrics_on_duckdb_equal_the_files(ModelTask task, double threshold)
    {
        using var session = new DuckDbTestSession();
        session.Execute(Table.CreateSql("predictions"));
        var settings = new MetricSettings { DecisionThreshold = threshold };

        var result = SqlSliceMetrics.Compute(session, "predictions", Request(task, settings));

        Table.AssertEqualsFile(result, task, settings);
        Assert.Equal(1 + 1 + 1 + 2, result.Queries); // columns, all rows, the segment group, two predicates
    }

    [PostgresTheory]
    [MemberData(nameof(Cases))]
    public void Slice_metrics_on_postgres_equal_the_files(ModelTask task, double threshold)
    {
        using var session = PostgresSession.Open("warehouse", server.ConnectionStringFor(Database()));
        var settings = new MetricSettings { DecisionThreshold = threshold };

        var result = SqlSliceMetrics.Compute(session, "public.predictions", Request(task, settings));

        Table.AssertEqualsFile(result, task, settings);
    }

    [Fact]
    public void Metrics_that_need_the_rows_are_reported_not_computed()
    {
        using var session = new DuckDbTestSession();
        session.Execute(Table.CreateSql("predictions"));

        var result = SqlSliceMetrics.Compute(session, "predictions", Request(ModelTask.Binary, MetricSettings.Default) with { Metrics = ["auc", "averagePrecision"], Intervals = true });

        Assert.Equal(["auc"], result.Overall.Metrics.Keys);
        Assert.Equal(["MG4032", "MG4032"], result.Diagnostics.Select(d => d.Code));
        Assert.Contains("averagePrecision", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("Bootstrap intervals", result.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_the_metrics_cannot_use_is_a_data_error()
    {
        using var session = new DuckDbTestSession();
        session.Execute(Table.CreateSql("predictions"));
        session.Execute("INSERT INTO predictions VALUES (2, 0.5, 1, 1, 'a'), (1, 1.5, 1, 1, 'a')");

        var error = Assert.Throws<ModelGatesException>(() => SqlSliceMetrics.Compute(session, "predictions", Request(ModelTask.Binary, MetricSettings.Default)));

        Assert.Equal((ExitCodes.DataError, "MG4033"), (error.ExitCode, error.Diagnostics.Single().Code));
        Assert.StartsWith("2 row(s)", error.Diagnostics.Single().Message, StringComparison.Ordinal);
    }

    private static SqlSliceRequest Request(ModelTask task, MetricSettings settings) => new()
    {
        Task = task,
        LabelColumn = task == ModelTask.Binary ? "label" : "target",
        ScoreColumn = task == ModelTask.Binary ? "score" : "predicted",
        ScoreKind = BinaryScoreKind.Probability,
        Settings = settings,
        Slices = PredictionsTable.Slices,
        Metrics = task == ModelTask.Binary ? SqlSliceMetrics.BinaryPushedDown : SqlSliceMetrics.RegressionPushedDown,
    };

    private string Database()
    {
        lock (Loaded)
        {
            if (Loaded.Add(server.Port))
            {
                server.CreateDatabase("slices");
                server.Psql(Table.CreateSql("public.predictions"), "slices");
            }
        }

        return "slices";
    }
}
