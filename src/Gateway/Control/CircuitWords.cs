using Gateway.Isup;

namespace Gateway.Control;

/// <summary>Circuit states and blockings in the words of <c>docs/operations.md</c> (lower case, hyphenated).</summary>
public static class CircuitWords
{
    public static string Of(CircuitState state) => state switch
    {
        CircuitState.Unavailable => "unavailable",
        CircuitState.Idle => "idle",
        CircuitState.OutgoingAwaitingAcm => "outgoing-setup",
        CircuitState.OutgoingAwaitingAnswer => "outgoing-alerting",
        CircuitState.OutgoingAnswered => "outgoing-answered",
        CircuitState.IncomingSetup => "incoming-setup",
        CircuitState.IncomingAlerting => "incoming-alerting",
        CircuitState.IncomingAnswered => "incoming-answered",
        CircuitState.AwaitingRlc => "releasing",
        CircuitState.ResetSent => "resetting",
        CircuitState.GroupResetSent => "group-resetting",
        // Superstates are never a circuit's leaf state; named anyway so that a new leaf cannot print a number.
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>"none", or the blockings joined by '+': <c>local-maintenance+remote-hardware</c>.</summary>
    public static string Of(CircuitBlocking blocking)
    {
        if (blocking == CircuitBlocking.None) return "none";
        var words = new List<string>(4);
        if ((blocking & CircuitBlocking.LocalMaintenance) != 0) words.Add("local-maintenance");
        if ((blocking & CircuitBlocking.LocalHardware) != 0) words.Add("local-hardware");
        if ((blocking & CircuitBlocking.RemoteMaintenance) != 0) words.Add("remote-maintenance");
        if ((blocking & CircuitBlocking.RemoteHardware) != 0) words.Add("remote-hardware");
        return string.Join('+', words);
    }
}
