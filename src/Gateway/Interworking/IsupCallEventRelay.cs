using Gateway.Isup;

namespace Gateway.Interworking;

/// <summary>
/// The ISUP procedures' call events, handed to whoever handles calls. The procedures are built by the signalling
/// service and the calls by the interworking service, each needing the other; this relay breaks the loop.
/// </summary>
public sealed class IsupCallEventRelay : IIsupCallEventSink
{
    private volatile IIsupCallEventSink? _target;

    public IIsupCallEventSink? Target
    {
        get => _target;
        set => _target = value;
    }

    public void OnCallEvent(IsupCall call, in IsupCallEvent callEvent) => _target?.OnCallEvent(call, in callEvent);
}
