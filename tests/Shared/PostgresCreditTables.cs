namespace ModelGates.Testing;

/// <summary>
/// The sample's scoring data (samples/CreditRisk/data/scoring.csv, 827 rows) loaded into a database of a
/// <see cref="PostgresServer"/> as <c>public.applications</c>, and a copy whose amounts break the credit contract
/// (<c>public.broken</c>: <c>Amount</c> is -1 where <c>Age</c> &lt; 30), for the gates over a table.
/// </summary>
public static class PostgresCreditTables
{
    /// <summary>Rows of <c>public.applications</c>.</summary>
    public const int Rows = 827;

    /// <summary>Creates the database, loads both tables, and returns its connection string.</summary>
    public static string Create(PostgresServer server, string database)
    {
        ArgumentNullException.ThrowIfNull(server);
        var connectionString = server.CreateDatabase(database);
        var csv = RepoPaths.Combine("samples", "CreditRisk", "data", "scoring.csv").Replace("'", "''", StringComparison.Ordinal);
        server.Psql(
            $"""
            CREATE TABLE public.applications (
              "Status" text, "Seniority" integer, "Home" text, "Time" integer, "Age" integer, "Marital" text, "Records" text,
              "Job" text, "Expenses" integer, "Income" integer, "Assets" integer, "Debt" integer, "Amount" integer, "Price" integer);
            \copy public.applications FROM '{csv}' WITH (FORMAT csv, HEADER true)
            CREATE TABLE public.broken AS SELECT * FROM public.applications;
            UPDATE public.broken SET "Amount" = -1 WHERE "Age" < 30;
            """,
            database);
        return connectionString;
    }
}
