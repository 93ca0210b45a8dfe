using System.Runtime.ExceptionServices;

namespace Gateway.Isup;

/// <summary>
/// The effects a circuit group decided, in the order it decided them, and their delivery to the three ports. Effects
/// are added under the group's lock; after the lock is released one thread at a time — the first that found nobody
/// delivering — delivers them until none is left, so:
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>a port is never called under the lock, so call control may call straight back into the procedures from an
/// event handler (what that decides is delivered after the handler returns, by the same loop);</item>
/// <item>the events of one circuit (and of the whole group) never overlap and keep their order, even when messages,
/// timers and call control race on several threads.</item>
/// </list>
/// </remarks>
internal sealed class EffectOutbox
{
    private const int InitialCapacity = 16;

    private readonly Lock _gate;
    private readonly int _dpc;
    private readonly IIsupSignalSink _signals;
    private readonly IIsupCallEventSink _calls;
    private readonly IIsupMaintenanceSink _maintenance;

    // Double buffer: effects go into _pending under the lock; the delivering thread swaps it with _delivering and walks
    // that outside the lock, so neither array is touched by two threads at once.
    private Effect[] _pending = new Effect[InitialCapacity];
    private Effect[] _delivering = new Effect[InitialCapacity];
    private int _count;
    private bool _delivery;

    public EffectOutbox(Lock gate, int dpc, IIsupSignalSink signals, IIsupCallEventSink calls, IIsupMaintenanceSink maintenance)
    {
        _gate = gate;
        _dpc = dpc;
        _signals = signals;
        _calls = calls;
        _maintenance = maintenance;
    }

    /// <summary>Records an effect; under the lock.</summary>
    public void Add(in Effect effect)
    {
        if (_count == _pending.Length)
        {
            // Only when effects pile up faster than one thread delivers them (a GRS sweep); the bigger array is kept.
            Array.Resize(ref _pending, _pending.Length * 2);
        }

        _pending[_count++] = effect;
    }

    /// <summary>Under the lock: true when the caller must deliver (there is something to deliver and nobody else is).</summary>
    public bool ClaimDelivery()
    {
        if (_delivery || _count == 0)
        {
            return false;
        }

        _delivery = true;
        return true;
    }

    /// <summary>Outside the lock, by the thread that claimed delivery: delivers until the outbox stays empty.</summary>
    public void Deliver()
    {
        ExceptionDispatchInfo? failure = null;
        while (true)
        {
            Effect[] batch;
            int count;
            lock (_gate)
            {
                if (_count == 0)
                {
                    _delivery = false;
                    break;
                }

                batch = _pending;
                count = _count;
                _pending = _delivering;
                _count = 0;
                _delivering = batch;
            }

            for (int i = 0; i < count; i++)
            {
                try
                {
                    Deliver(in batch[i]);
                }
                catch (Exception exception)
                {
                    // A throwing port must not swallow the effects after it (another call's events, an RLC): deliver
                    // the rest, then rethrow the first failure.
                    failure ??= ExceptionDispatchInfo.Capture(exception);
                }
            }

            Array.Clear(batch, 0, count); // drop the references to messages and calls already delivered
        }

        failure?.Throw();
    }

    private void Deliver(in Effect effect)
    {
        switch (effect.Kind)
        {
            case EffectKind.Signal:
                _signals.Send(_dpc, effect.Signal);
                break;
            case EffectKind.CallEvent:
                _calls.OnCallEvent(effect.Call!, effect.CallEvent);
                break;
            default:
                _maintenance.Report(effect.Maintenance);
                break;
        }
    }
}
