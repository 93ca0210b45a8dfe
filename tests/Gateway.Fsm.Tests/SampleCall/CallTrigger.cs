namespace Gateway.Fsm.Tests.SampleCall;

public enum CallTrigger
{
    Invite,
    Acm,
    Cpg,
    Anm,
    SessionRefresh,
    Bye,
    Cancel,
    T7Expiry,
    Rlc,
}
