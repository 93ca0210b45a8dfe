namespace Gateway.M3ua;

/// <summary>A server's live connections, so that disposing the server closes them all.</summary>
internal sealed class ConnectionTable
{
    private readonly HashSet<M3uaConnection> _connections = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate) return _connections.Count;
        }
    }

    public void Add(M3uaConnection connection)
    {
        lock (_gate) _connections.Add(connection);
    }

    public void Remove(M3uaConnection connection)
    {
        lock (_gate) _connections.Remove(connection);
    }

    public M3uaConnection[] Snapshot()
    {
        lock (_gate) return [.. _connections];
    }
}
