using System.Collections.Concurrent;

namespace Gateway.M3ua.Management.Tests;

/// <summary>The kinds of every event an association reported, in order.</summary>
internal sealed class EventLog : IM3uaManagementEventSink
{
    public ConcurrentQueue<M3uaManagementEventKind> Kinds { get; } = new();

    public void Report(in M3uaManagementEvent managementEvent) => Kinds.Enqueue(managementEvent.Kind);
}
