using System.Collections.Concurrent;

namespace Gateway.M3ua.Management.Tests;

/// <summary>The kinds of every event an association reported, in order, and its failed attempts.</summary>
internal sealed class EventLog : IM3uaAssociationEventSink
{
    public ConcurrentQueue<M3uaManagementEventKind> Kinds { get; } = new();

    public ConcurrentQueue<M3uaAttemptFailure> FailedAttempts { get; } = new();

    public void AttemptFailed(in M3uaAttemptFailure failure) => FailedAttempts.Enqueue(failure);

    public void TransportEvent(SctpNotification notification)
    {
    }

    public void Report(in M3uaManagementEvent managementEvent) => Kinds.Enqueue(managementEvent.Kind);
}
