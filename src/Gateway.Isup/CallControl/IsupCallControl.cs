using System.Diagnostics.CodeAnalysis;

namespace Gateway.Isup;

/// <summary>
/// What call control (the interworking layer) does with ISUP calls; it knows nothing of SIP. Each method acts on one
/// call and returns false — sending nothing — when the call is over or its state does not allow the message (for
/// instance ANM before ACM: use <see cref="SendCon"/>). Messages are the codec's objects, passed through untouched.
/// What happens to the call comes back as <see cref="IsupCallEvent"/>s through <see cref="IIsupCallEventSink"/>.
/// </summary>
/// <remarks>
/// Outgoing: <see cref="TrySeize"/> (IAM, T7) → AddressComplete (T9) → Answered; an IAM whose circuit is lost before
/// any backward message is re-sent elsewhere (a Reattempted event). Incoming: IncomingCall → <see cref="SendAcm"/>
/// (or AddressCompleteDue when T11 expires first) → <see cref="SendAnm"/>, or <see cref="SendCon"/> at once. Either
/// end: <see cref="Release"/>, after which no event comes for the call; the circuit is reused only once the peer's RLC
/// arrives.
/// </remarks>
public sealed class IsupCallControl
{
    private readonly IsupExchange _exchange;

    internal IsupCallControl(IsupExchange exchange) => _exchange = exchange;

    /// <summary>
    /// Takes a free circuit toward <paramref name="dpc"/> (by the group's selection order, the circuits we control in
    /// dual seizure first) and sends <paramref name="iam"/> on it.
    /// </summary>
    /// <param name="dpc">The peer's point code.</param>
    /// <param name="iam">The IAM, kept until a backward message comes in case it must be re-sent on another circuit.</param>
    /// <param name="call">The new call.</param>
    /// <param name="avoidCic">A circuit not to take unless it is the only free one (the one a previous attempt failed on).</param>
    /// <param name="userState">
    /// Call control's object for the call, set as <see cref="IsupCall.UserState"/> before the IAM leaves: the peer's
    /// answer may be handled on another thread before this method returns.
    /// </param>
    /// <returns>False when no circuit is free, the route is down, or the peer's ISUP is unavailable (cause 34 toward the caller).</returns>
    public bool TrySeize(int dpc, object? iam, [NotNullWhen(true)] out IsupCall? call, int avoidCic = -1, object? userState = null) =>
        _exchange.Group(dpc).TrySeize(iam, avoidCic, userState, out call);

    /// <summary>Outgoing, before ACM: SAM with more digits (restarts T7).</summary>
    public bool SendSam(IsupCall call, object? sam) => Send(call, CircuitTrigger.SendSam, IsupMessageType.SAM, sam);

    /// <summary>Incoming, before ACM: INR (starts T33; the INF comes as an Information event).</summary>
    public bool SendInr(IsupCall call, object? inr) => Send(call, CircuitTrigger.SendInr, IsupMessageType.INR, inr);

    /// <summary>Outgoing: INF, the answer to an InformationRequest event.</summary>
    public bool SendInf(IsupCall call, object? inf) => Send(call, CircuitTrigger.SendInf, IsupMessageType.INF, inf);

    /// <summary>Incoming: ACM (stops T11).</summary>
    public bool SendAcm(IsupCall call, object? acm) => Send(call, CircuitTrigger.SendAcm, IsupMessageType.ACM, acm);

    /// <summary>Incoming, after ACM: CPG.</summary>
    public bool SendCpg(IsupCall call, object? cpg) => Send(call, CircuitTrigger.SendCpg, IsupMessageType.CPG, cpg);

    /// <summary>Incoming, after ACM: ANM.</summary>
    public bool SendAnm(IsupCall call, object? anm) => Send(call, CircuitTrigger.SendAnm, IsupMessageType.ANM, anm);

    /// <summary>Incoming, before ACM: CON (answer without alerting).</summary>
    public bool SendCon(IsupCall call, object? con) => Send(call, CircuitTrigger.SendCon, IsupMessageType.CON, con);

    /// <summary>Either direction, any time in the call: USR.</summary>
    public bool SendUsr(IsupCall call, object? usr) => Send(call, CircuitTrigger.SendUsr, IsupMessageType.USR, usr);

    /// <summary>Either direction, any time in the call: FAC.</summary>
    public bool SendFacility(IsupCall call, object? fac) => Send(call, CircuitTrigger.SendFac, IsupMessageType.FAC, fac);

    /// <summary>
    /// Releases the call: REL with <paramref name="cause"/> (and the optional parameters in <paramref name="rel"/>),
    /// repeated every T1 until RLC; after T5 the circuit is reset. No further event comes for the call.
    /// </summary>
    /// <returns>False when the call is already over.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cause value is not 1–127 (REL must carry a cause).</exception>
    public bool Release(IsupCall call, IsupCause cause, object? rel = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (cause.Value is 0 or > 127)
        {
            throw new ArgumentOutOfRangeException(nameof(cause), cause.Value, "A REL needs a Q.850 cause value, 1-127.");
        }

        return call.Group.Release(call, cause, rel);
    }

    private static bool Send(IsupCall call, CircuitTrigger trigger, IsupMessageType type, object? message)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Group.Send(call, trigger, type, message);
    }
}
