using Gateway.Isup;
using Microsoft.Extensions.Logging;

namespace Gateway.Signalling;

/// <summary>
/// Call control for the ISUP side while the daemon has no interworking layer joining it to SIP: an incoming IAM is
/// released at once with cause 3 (no route to destination), so that no circuit stays seized waiting for an answer
/// that cannot come. Everything else is logged.
/// </summary>
public sealed class UnroutedCalls(ILogger log) : IIsupCallEventSink
{
    private IsupCallControl? _control;

    /// <summary>The call control to release through; set once the procedures exist.</summary>
    public IsupCallControl CallControl
    {
        set => _control = value;
    }

    public void OnCallEvent(IsupCall call, in IsupCallEvent callEvent)
    {
        if (callEvent.Kind == IsupCallEventKind.IncomingCall && _control is { } control)
        {
            log.LogInformation("event=call-refused direction=isup-to-sip dpc={Dpc} cic={Cic} cause=3 reason=\"no route to SIP\"", call.Dpc, call.Cic);
            control.Release(call, new IsupCause(3));
        }
    }
}
