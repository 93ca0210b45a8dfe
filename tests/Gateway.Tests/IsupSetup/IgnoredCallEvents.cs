using Gateway.Isup;

namespace Gateway.Tests.IsupSetup;

/// <summary>A call-control port for tests that look only at the messages sent.</summary>
internal sealed class IgnoredCallEvents : IIsupCallEventSink
{
    public void OnCallEvent(IsupCall call, in IsupCallEvent callEvent)
    {
    }
}
