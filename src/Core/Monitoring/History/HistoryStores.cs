using ModelGates.Sources;

namespace ModelGates.Monitoring.History;

/// <summary>Opens the history a <see cref="HistoryLocation"/> names.</summary>
internal static class HistoryStores
{
    /// <summary>
    /// The file's history (opened on first use), or the tables on the connection (connected and created now, through
    /// <paramref name="connections"/>, the run's connections).
    /// </summary>
    /// <exception cref="Data.DataReadException">The connection or the tables cannot be used (MG0120, MG0121, MG6050).</exception>
    /// <exception cref="Diagnostics.ConfigurationException">The connection is not declared or its variable is not set.</exception>
    public static IHistoryStore Open(HistoryLocation location, ConnectionSet connections)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.File is { } file
            ? new FileHistory(file)
            : SqlHistoryStore.Open(connections, location.Connection!, location.Schema);
    }
}
