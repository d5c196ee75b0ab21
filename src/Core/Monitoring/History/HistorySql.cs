using System.Globalization;
using ModelGates.Sql;

namespace ModelGates.Monitoring.History;

/// <summary>
/// The SQL of the history's tables on a connection, written through the dialect (names and values quoted there, the
/// upsert and the lock are the dialect's). The tables and columns are those of the DuckDB file (docs/monitoring.md#the-history),
/// in a schema of their own.
/// </summary>
internal sealed class HistorySql(ISqlDialect dialect, string schema)
{
    /// <summary>The history's tables, in the order they are created.</summary>
    public static readonly IReadOnlyList<string> Tables = ["monitor_meta", "monitor_windows", "champions", "monitor_inputs"];

    /// <summary>The columns of <c>monitor_windows</c>; the first two are the key.</summary>
    private static readonly string[] WindowColumns =
        ["monitor", "window_key", "window_start", "window_end", "data_hash", "rows", "labelled_rows", "status", "record", "computed_at"];

    private static readonly string[] ChampionColumns = ["promoted_at", "model", "model_hash", "data_hashes", "metrics", "git_commit", "record"];

    /// <summary>The schema as SQL.</summary>
    public string Schema => dialect.Identifier(schema);

    /// <summary>A table of the history, qualified by its schema.</summary>
    public string Table(string name) => $"{Schema}.{dialect.Identifier(name)}";

    /// <summary>The names of the history's tables that exist in the schema.</summary>
    public string ExistingTables() =>
        $"SELECT table_name FROM information_schema.tables WHERE table_schema = {dialect.Literal(schema)} AND table_name IN ({string.Join(", ", Tables.Select(dialect.Literal))})";

    /// <summary>The statements that create the schema and every missing table (each <c>IF NOT EXISTS</c>).</summary>
    public IReadOnlyList<string> Create() =>
    [
        $"CREATE SCHEMA IF NOT EXISTS {Schema}",
        $"CREATE TABLE IF NOT EXISTS {Table("monitor_meta")} ({Id("key")} VARCHAR PRIMARY KEY, {Id("value")} VARCHAR NOT NULL)",
        $"""
        CREATE TABLE IF NOT EXISTS {Table("monitor_windows")} (
          {Id("monitor")} VARCHAR NOT NULL, {Id("window_key")} VARCHAR NOT NULL,
          {Id("window_start")} TIMESTAMP NOT NULL, {Id("window_end")} TIMESTAMP NOT NULL,
          {Id("data_hash")} VARCHAR NOT NULL, {Id("rows")} BIGINT NOT NULL, {Id("labelled_rows")} BIGINT NOT NULL,
          {Id("status")} VARCHAR NOT NULL, {Id("record")} VARCHAR NOT NULL, {Id("computed_at")} TIMESTAMP NOT NULL,
          PRIMARY KEY ({Id("monitor")}, {Id("window_key")}))
        """,
        $"CREATE TABLE IF NOT EXISTS {Table("monitor_inputs")} ({Id("monitor")} VARCHAR PRIMARY KEY, {Id("state")} VARCHAR NOT NULL, {Id("computed_at")} TIMESTAMP NOT NULL)",
        $"""
        CREATE TABLE IF NOT EXISTS {Table("champions")} (
          {Id("promoted_at")} TIMESTAMP NOT NULL, {Id("model")} VARCHAR NOT NULL, {Id("model_hash")} VARCHAR NOT NULL,
          {Id("data_hashes")} VARCHAR NOT NULL, {Id("metrics")} VARCHAR NOT NULL, {Id("git_commit")} VARCHAR, {Id("record")} VARCHAR NOT NULL)
        """,
    ];

    /// <summary>The schema version recorded in <c>monitor_meta</c> (no row: a history just created).</summary>
    public string SchemaVersion() => $"SELECT {Id("value")} FROM {Table("monitor_meta")} WHERE {Id("key")} = 'schemaVersion'";

    /// <summary>Records the schema version.</summary>
    public string RecordSchemaVersion(int version) =>
        $"INSERT INTO {Table("monitor_meta")} ({Id("key")}, {Id("value")}) VALUES ('schemaVersion', {dialect.Literal(version.ToString(CultureInfo.InvariantCulture))})";

    /// <summary>Moves the recorded schema version from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public string UpdateSchemaVersion(int from, int to) =>
        $"UPDATE {Table("monitor_meta")} SET {Id("value")} = {dialect.Literal(to.ToString(CultureInfo.InvariantCulture))} WHERE {Id("key")} = 'schemaVersion' AND {Id("value")} = {dialect.Literal(from.ToString(CultureInfo.InvariantCulture))}";

    /// <summary>The monitor's record of its input files (no row: none).</summary>
    public string InputState(string monitor) => $"SELECT {Id("state")} FROM {Table("monitor_inputs")} WHERE {Id("monitor")} = {dialect.Literal(monitor)}";

    /// <summary>The statement writing the monitor's record of its input files in place of the one it replaces.</summary>
    public string? SaveInputState(string monitor, string state, DateTime computedAt) => dialect.Upsert(
        Table("monitor_inputs"), ["monitor", "state", "computed_at"], [dialect.Literal(monitor), dialect.Literal(state), Timestamp(computedAt)], keyColumns: 1);

    /// <summary>The records of a monitor's windows in time order.</summary>
    public string Windows(string monitor) =>
        $"SELECT {Id("record")} FROM {Table("monitor_windows")} WHERE {Id("monitor")} = {dialect.Literal(monitor)} ORDER BY {Id("window_start")}, {dialect.OrdinalText(Id("window_key"))}";

    /// <summary>The statement writing one window's row in place of the one it replaces; null when the engine has no upsert.</summary>
    public string? SaveWindow(string monitor, WindowRecord window, string json, DateTime computedAt) => dialect.Upsert(
        Table("monitor_windows"),
        WindowColumns,
        [
            dialect.Literal(monitor), dialect.Literal(window.Key), Timestamp(window.Start), Timestamp(window.End), dialect.Literal(window.Hash),
            Integer(window.Rows), Integer(window.LabelledRows), dialect.Literal(window.Status), dialect.Literal(json), Timestamp(computedAt),
        ],
        keyColumns: 2);

    /// <summary>The promotion times of a model, oldest first.</summary>
    public string PromotionTimes(string model) =>
        $"SELECT {Id("promoted_at")} FROM {Table("champions")} WHERE {Id("model")} = {dialect.Literal(model)} ORDER BY {Id("promoted_at")}";

    /// <summary>The champion records of a model, oldest first.</summary>
    public string ChampionRecords(string model) =>
        $"SELECT {Id("record")} FROM {Table("champions")} WHERE {Id("model")} = {dialect.Literal(model)} ORDER BY {Id("promoted_at")}, {dialect.OrdinalText(Id("record"))}";

    /// <summary>The insert of one champion record.</summary>
    public string InsertChampion(Promotion.ChampionRecord record) =>
        $"INSERT INTO {Table("champions")} ({string.Join(", ", ChampionColumns.Select(Id))}) VALUES ({Timestamp(record.PromotedAt.UtcDateTime)}, {dialect.Literal(record.Model)}, {dialect.Literal(record.ModelHash)}, {dialect.Literal(record.DataHashesJson())}, {dialect.Literal(record.MetricsJson())}, {(record.GitCommit is { } commit ? dialect.Literal(commit) : "NULL")}, {dialect.Literal(record.ToJson())})";

    private string Id(string name) => dialect.Identifier(name);

    // Standard SQL every engine reads: a UTC time to the microsecond, as the file's TIMESTAMP keeps it.
    private static string Timestamp(DateTime utc) =>
        $"CAST('{utc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}' AS TIMESTAMP)";

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
