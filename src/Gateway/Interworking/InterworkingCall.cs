using System.Globalization;
using Gateway.Fsm;
using Gateway.Isup;
using Gateway.Metrics;
using Gateway.Sip;
using Microsoft.Extensions.Logging;


namespace Gateway.Interworking;

/// <summary>
/// One call joining a SIP dialog and an ISUP circuit. Its machine (in the derived class) runs under the call's lock,
/// so one call never runs on two threads at once while calls run in parallel; its handlers only record
/// <see cref="CallEffect"/>s, which are performed here, outside the lock and in order, by whichever thread fired.
/// </summary>
/// <typeparam name="TSelf">The derived call, so that its handlers get it typed without a cast.</typeparam>
/// <typeparam name="TState">Its machine's states.</typeparam>
public abstract class InterworkingCall<TSelf, TState> : IStateful<TState>, ISipCallListener, IIsupCallParty, IEffectTarget<CallEffect>, ICallRecord
    where TSelf : InterworkingCall<TSelf, TState>
    where TState : struct, Enum
{
    private static long s_nextId;
    private EffectOutbox<CallEffect> _outbox = new(4);

    protected InterworkingCall(CallServices services)
    {
        Services = services;
        Id = Interlocked.Increment(ref s_nextId);
        StartedAt = services.Time.GetUtcNow();
    }

    public DateTimeOffset StartedAt { get; }

    public string? CallId => Sip?.CallId;

    public int? Cic => Isup?.Cic;

    int? ICallRecord.Dpc => Isup?.Dpc;

    protected Lock Gate { get; } = new();

    protected CallServices Services { get; }

    public long Id { get; }

    public abstract string Direction { get; }

    public TState State
    {
        get => _state;
        set
        {
            _state = value;
            _answered |= IsAnswered(value);
        }
    }

    private TState _state = default!;
    private bool _answered;

    /// <summary>Whether <paramref name="state"/> is the machine's answered state: the call's outcome is "answered" once it was there.</summary>
    protected abstract bool IsAnswered(TState state);

    /// <summary>How the call ended, for the metrics: answered, or else why not (from its last reason).</summary>
    public string Outcome => _answered ? MetricWords.Answered : LastReason switch
    {
        "cancelled" => MetricWords.Cancelled,
        "rel" => MetricWords.Rejected,
        "no-circuit" => MetricWords.Refused,
        string reason when reason.StartsWith("rejected-", StringComparison.Ordinal) => MetricWords.Rejected,
        _ => MetricWords.Failed,
    };

    /// <summary>The Q.850 cause the call was released with, if any.</summary>
    public int? Cause => LastCause >= 0 ? LastCause : null;

    public abstract string StateName { get; }

    /// <summary>The SIP side: the INVITE we received, or the one we sent.</summary>
    public SipCall? Sip { get; protected set; }

    /// <summary>The ISUP side, once a circuit carries the call.</summary>
    public IsupCall? Isup { get; protected set; }

    /// <summary>Under the lock: what the machine decided, performed once the lock is released.</summary>
    protected void Emit(in CallEffect effect) => _outbox.Add(in effect);

    /// <summary>Runs <paramref name="fire"/> under the lock, then performs what it decided.</summary>
    protected void Run<TArg>(Action<TSelf, TArg> fire, TArg argument)
    {
        bool deliver;
        lock (Gate)
        {
            fire((TSelf)this, argument);
            deliver = _outbox.ClaimDelivery();
        }

        if (deliver) _outbox.Deliver(Gate, this);
    }

    /// <summary>The cause and why, for the log line of the transition being fired; set under the lock before firing.</summary>
    protected int LastCause { get; set; } = -1;

    /// <summary>The REL that ended the ISUP side, when the PSTN sent one: its user-to-user information goes into the BYE.</summary>
    protected IsupMessage? LastRel { get; set; }

    /// <summary>The optional part of our REL for a SIP end: the BYE's User-to-User as user-to-user information (RFC 7433).</summary>
    protected IsupMessage? RelFor(SipCallEnd end) => Services.Mapping.TryUserToUser(end.UserToUser, out UserToUserInformation uui)
        ? new IsupMessage(IsupMessageType.REL).Add(uui)
        : null;

    /// <summary>What ended a side (<c>cancelled</c>, <c>remote-hangup</c>, <c>rejected-486</c>, <c>rel</c>, <c>t7</c> ...), for the log.</summary>
    protected string? LastReason { get; set; }

    /// <summary>One log line per call event: the fields operators grep for, in docs/logging.md's order.</summary>
    protected void LogEvent(string name, string state)
    {
        if (!Services.Log.IsEnabled(LogLevel.Information)) return;
        string callId = Sip?.CallId ?? "-";
        string cic = Isup is { } isup ? isup.Cic.ToString(CultureInfo.InvariantCulture) : "-";
        string dpc = Isup is { } i ? i.Dpc.ToString(CultureInfo.InvariantCulture) : "-";
        string cause = LastCause >= 0 ? LastCause.ToString(CultureInfo.InvariantCulture) : "-";
        Services.Log.LogInformation("event={Event} call={Call} cid={CallId} cic={Cic} dpc={Dpc} dir={Direction} state={State} cause={Cause} reason={Reason}",
            name, Id, callId, cic, dpc, Direction, state, cause, LastReason ?? "-");
    }

    /// <summary>The log word for how the SIP side ended: its kind, and the status of a rejection.</summary>
    protected static string ReasonOf(SipCallEnd end) => end.Kind == SipCallEndKind.Rejected
        ? string.Create(CultureInfo.InvariantCulture, $"rejected-{end.StatusCode}")
        : CallWords.Of(end.Kind);

    /// <summary>The log word for how the ISUP side ended: <c>rel</c> from the peer, else the procedures' reason (t7, t9, circuit-reset ...).</summary>
    protected static string ReasonOf(in IsupCallEvent callEvent) =>
        callEvent.Kind == IsupCallEventKind.Released ? "rel" : CallWords.Of(callEvent.Reason);

    public virtual void Deliver(in CallEffect effect)
    {
        SipCall? sip = Sip;
        IsupCall? isup = Isup;
        switch (effect.Kind)
        {
            case CallEffectKind.SipRing:
                sip?.Ring(effect.Status);
                break;
            case CallEffectKind.SipAnswer:
                sip?.Answer(SessionDescriptions.Answer(OfferOf(sip), Services.LocalHost));
                break;
            case CallEffectKind.SipReject:
                sip?.Reject(effect.Status, Services.Mapping.ReasonFor(effect.Cause));
                break;
            case CallEffectKind.SipCancel:
                sip?.Cancel(Services.Mapping.ReasonFor(effect.Cause));
                break;
            case CallEffectKind.SipHangup:
                sip?.Hangup(Services.Mapping.ReasonFor(effect.Cause), effect.Message is { } rel ? Services.Mapping.UserToUserHeaders(rel) : null);
                break;
            case CallEffectKind.SipInfo when effect.Message is { } usr:
                MappedInfo info = Services.Mapping.InfoFromUsr(usr);
                sip?.SendInfo(info.ContentType, info.Body, info.Headers);
                break;
            case CallEffectKind.IsupSend when isup is not null:
                SendIsup(isup, effect.Message!);
                break;
            case CallEffectKind.IsupRelease when isup is not null:
                Services.Isup.Release(isup, new IsupCause(effect.Cause), effect.Message);
                break;
        }
    }

    private void SendIsup(IsupCall isup, IsupMessage message)
    {
        IsupCallControl control = Services.Isup;
        _ = message.Type switch
        {
            IsupMessageType.ACM => control.SendAcm(isup, message),
            IsupMessageType.CPG => control.SendCpg(isup, message),
            IsupMessageType.ANM => control.SendAnm(isup, message),
            IsupMessageType.CON => control.SendCon(isup, message),
            IsupMessageType.USR => control.SendUsr(isup, message),
            _ => false,
        };
    }

    // The caller's SDP offer, read while the INVITE is still held (the answer is built before it is released).
    private static ReadOnlySpan<byte> OfferOf(SipCall call)
    {
        try
        {
            return call.Invite is { } invite ? invite.Message.Body : default;
        }
        catch (ObjectDisposedException)
        {
            return default;
        }
    }

    public abstract void OnIsupEvent(IsupCall call, in IsupCallEvent callEvent);

    public abstract void Abort(byte cause);

    public abstract void Progress(SipCall call, SipMessage response);

    public abstract void Answered(SipCall call, SipMessage response);

    public abstract void Confirmed(SipCall call, SipMessage ack);

    public abstract int InfoReceived(SipCall call, SipMessage info);

    public abstract void Ended(SipCall call, SipCallEnd end);

    public override string ToString() => $"{Direction} call {Id} ({StateName})";
}
