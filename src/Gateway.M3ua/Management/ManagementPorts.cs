using Gateway.Fsm;

namespace Gateway.M3ua;

/// <summary>The two ports an association's effects go to, as its <see cref="EffectOutbox{TEffect}"/>'s target.</summary>
internal readonly struct ManagementPorts(IM3uaSignalSink signals, IM3uaManagementEventSink events) : IEffectTarget<ManagementEffect>
{
    public void Deliver(in ManagementEffect effect)
    {
        if (effect.IsEvent)
        {
            events.Report(effect.Event);
        }
        else
        {
            signals.Send(effect.Signal);
        }
    }
}
