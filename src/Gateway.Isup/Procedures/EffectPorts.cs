using Gateway.Fsm;

namespace Gateway.Isup;

/// <summary>
/// The three ports a circuit group's effects go to, as its <see cref="EffectOutbox{TEffect}"/>'s target: signals to
/// encode and send toward the group's point code, call events to call control, maintenance events to the log.
/// </summary>
internal readonly struct EffectPorts(int dpc, IIsupSignalSink signals, IIsupCallEventSink calls, IIsupMaintenanceSink maintenance)
    : IEffectTarget<Effect>
{
    public void Deliver(in Effect effect)
    {
        switch (effect.Kind)
        {
            case EffectKind.Signal:
                signals.Send(dpc, effect.Signal);
                break;
            case EffectKind.CallEvent:
                calls.OnCallEvent(effect.Call!, effect.CallEvent);
                break;
            default:
                maintenance.Report(effect.Maintenance);
                break;
        }
    }
}
