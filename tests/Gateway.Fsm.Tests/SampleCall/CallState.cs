namespace Gateway.Fsm.Tests.SampleCall;

/// <summary>A simplified SIP→ISUP outgoing call, as seen from the ISUP side.</summary>
public enum CallState
{
    Idle,
    Setup,
    IamSent,
    AcmReceived,
    Answered,
    Releasing,
    Released,
}
