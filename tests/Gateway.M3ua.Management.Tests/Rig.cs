using Gateway.Testing;

namespace Gateway.M3ua.Management.Tests;

/// <summary>
/// One association's management under test, in virtual time: what it sends and reports is recorded, the test plays
/// the peer by handing it signals.
/// </summary>
internal sealed class Rig : IM3uaSignalSink, IM3uaManagementEventSink
{
    public Rig(M3uaManagementOptions options, ManualTimeProvider? time = null)
    {
        Time = time ?? new ManualTimeProvider();
        Management = new M3uaManagement(options, this, this, Time);
    }

    public ManualTimeProvider Time { get; }

    public M3uaManagement Management { get; }

    /// <summary>Everything sent, in order, since the last <see cref="TakeSent"/>.</summary>
    public List<M3uaSignal> Sent { get; } = [];

    /// <summary>Every event, in order, since the last <see cref="TakeEvents"/>.</summary>
    public List<M3uaManagementEvent> Events { get; } = [];

    /// <summary>Where sent signals also go (a peer in back-to-back tests).</summary>
    public Action<M3uaSignal>? Forward { get; set; }

    public void Send(in M3uaSignal signal)
    {
        Sent.Add(signal);
        Forward?.Invoke(signal);
    }

    public void Report(in M3uaManagementEvent managementEvent) => Events.Add(managementEvent);

    public void Receive(M3uaSignal signal) => Management.Receive(in signal);

    public void Receive(M3uaMessageType type) => Management.Receive(M3uaSignal.Of(type));

    public void Advance(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));

    public List<M3uaSignal> TakeSent()
    {
        var sent = new List<M3uaSignal>(Sent);
        Sent.Clear();
        return sent;
    }

    public List<M3uaManagementEvent> TakeEvents()
    {
        var events = new List<M3uaManagementEvent>(Events);
        Events.Clear();
        return events;
    }

    /// <summary>The types sent since the last take, and forgets them.</summary>
    public M3uaMessageType[] TakeSentTypes() => [.. TakeSent().Select(s => s.Type)];

    /// <summary>The kinds reported since the last take, and forgets them.</summary>
    public M3uaManagementEventKind[] TakeEventKinds() => [.. TakeEvents().Select(e => e.Kind)];

    public bool Reported(M3uaManagementEventKind kind) => Events.Any(e => e.Kind == kind);

    /// <summary>The only signal sent since the last take; fails when there were several or none.</summary>
    public M3uaSignal TakeOnly()
    {
        var sent = TakeSent();
        Assert.True(sent.Count == 1, $"Expected one signal, got [{string.Join(", ", sent.Select(s => s.Type))}].");
        return sent[0];
    }

    /// <summary>Brings an ASP (or IPSP client) up and active with the peer's answers, as far as traffic flowing.</summary>
    public void BringUp(bool notify = true)
    {
        Management.AssociationUp();
        Assert.Equal(M3uaMessageType.AspUp, TakeOnly().Type);
        Receive(M3uaMessageType.AspUpAck);
        var aspac = TakeOnly();
        Assert.Equal(M3uaMessageType.AspAc, aspac.Type);
        Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, aspac.TrafficMode, aspac.RoutingContexts.ToArray()));
        if (notify)
        {
            Receive(M3uaSignal.Notify(NtfyStatus.AsActive, aspac.RoutingContexts.ToArray()));
        }

        Assert.True(Management.TrafficMayFlow());
        TakeSent();
        TakeEvents();
    }

    /// <summary>Ends the association and checks that no timer is left armed.</summary>
    public void AssertQuiescentAfterDown()
    {
        Management.AssociationDown();
        Assert.Equal(0, Time.ActiveTimers);
        Assert.False(Management.TrafficMayFlow());
    }
}
