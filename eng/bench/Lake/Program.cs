using System.Globalization;
using DuckDB.NET.Data;

// Usage:
//   Lake <folder> <days> <rowsPerDay>               a lake of daily Parquet partitions, day=2026-11-01 onwards
//   Lake <folder> <days> <rowsPerDay> --single F    the same rows as one Parquet file F (no partitions)
//   Lake <folder> <days> <rowsPerDay> --rewrite N S rewrites day N (0-based) with seed S (its file's bytes change)
// Columns: 8 numbers (normal-ish, uniform, skewed, integers, with missing values), 3 categories (4 to 60 values), day.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Lake <folder> <days> <rowsPerDay> [--single file | --rewrite day seed]");
    return 2;
}

var folder = args[0];
var days = int.Parse(args[1], CultureInfo.InvariantCulture);
var rows = int.Parse(args[2], CultureInfo.InvariantCulture);
using var connection = new DuckDBConnection("Data Source=:memory:");
connection.Open();

void Execute(string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

string Rows(int firstDay, int dayCount, int seed) => string.Create(
    CultureInfo.InvariantCulture,
    $"""
    SELECT
      (hash(i, {seed}, 1) % 1000000) / 1000.0 + d * 0.2 AS amount,
      ((hash(i, {seed}, 2) % 1000) + (hash(i, {seed}, 3) % 1000) + (hash(i, {seed}, 4) % 1000)) / 30.0 AS income,
      exp((hash(i, {seed}, 5) % 10000) / 2000.0) AS balance,
      (hash(i, {seed}, 6) % 90)::INTEGER + 18 AS age,
      (hash(i, {seed}, 7) % 100000) / 100000.0 AS score,
      CASE WHEN hash(i, {seed}, 8) % 20 = 0 THEN NULL ELSE (hash(i, {seed}, 9) % 500) / 10.0 END AS ratio,
      (hash(i, {seed}, 10) % 12)::INTEGER AS tenure,
      (hash(i, {seed}, 11) % 1000000)::BIGINT AS customer,
      ['web', 'branch', 'phone', 'partner'][1 + (hash(i, {seed}, 12) % 4)::INTEGER] AS channel,
      'region_' || (hash(i, {seed}, 13) % 20)::VARCHAR AS region,
      'product_' || (hash(i, {seed}, 14) % 60)::VARCHAR AS product,
      DATE '2026-11-01' + d::INTEGER AS day
    FROM (SELECT i, {firstDay} + i // {rows} AS d FROM range({dayCount * rows}) t(i))
    """);

if (args.Length == 5 && args[3] == "--single")
{
    Execute($"COPY ({Rows(0, days, 1)}) TO '{args[4]}' (FORMAT parquet)");
}
else if (args.Length == 6 && args[3] == "--rewrite")
{
    var day = int.Parse(args[4], CultureInfo.InvariantCulture);
    var seed = int.Parse(args[5], CultureInfo.InvariantCulture);
    var dayFolder = Path.Combine(folder, $"day={DateOnly.Parse("2026-11-01", CultureInfo.InvariantCulture).AddDays(day):yyyy-MM-dd}");
    var file = Directory.GetFiles(dayFolder, "*.parquet").Single();
    Execute($"COPY (SELECT * EXCLUDE (day) FROM ({Rows(day, 1, seed)})) TO '{file}' (FORMAT parquet)");
}
else
{
    Execute($"COPY ({Rows(0, days, 1)}) TO '{folder}' (FORMAT parquet, PARTITION_BY (day), OVERWRITE_OR_IGNORE)");
}

return 0;
