using System.Globalization;
using System.Text;

namespace Gateway.Isup;

/// <summary>
/// One structured maintenance event: what happened (<see cref="Kind"/>), where (DPC, CIC, range), in which circuit
/// state, and what the procedures did. <see cref="ToString"/> renders the <c>key=value</c> line the daemon logs, e.g.
/// <c>event=release-complete-overdue dpc=2 cic=17 state=AwaitingRlc timer=T5 action=reset</c>.
/// </summary>
public readonly struct IsupMaintenanceEvent
{
    private static readonly string[] Names =
    [
        "route-available", "route-unavailable", "user-part-unavailable", "user-part-unequipped", "user-part-available",
        "user-part-test-sent", "reset-sent", "group-reset-sent", "reset-completed", "reset-received", "group-reset-received",
        "group-message-discarded", "release-complete-overdue", "acknowledgement-overdue", "information-overdue",
        "call-timer-expired", "blocking-sent", "unblocking-sent", "blocking-acknowledged", "unblocking-acknowledged",
        "remotely-blocked", "remotely-unblocked", "unexpected-acknowledgement", "far-end-unequipped", "unequipped-cic",
        "unknown-point-code", "unexpected-message", "unrecognised-message", "unrecognised-parameter", "confusion-received",
        "glare", "repeat-attempt", "iam-discarded",
    ];

    private static readonly string[] ActionNames =
    [
        "none", "discard", "reset", "release", "confusion", "unequipped", "continue", "back-off", "block", "unblock", "repeat",
    ];

    /// <summary>Creates an event; every field but the kind and DPC is optional.</summary>
    public IsupMaintenanceEvent(
        IsupMaintenanceEventKind kind,
        int dpc,
        int cic = -1,
        int count = 0,
        CircuitState? state = null,
        IsupMessageType? messageType = null,
        IsupTimer? timer = null,
        IsupCause cause = default,
        IsupMaintenanceAction action = IsupMaintenanceAction.None,
        int otherCic = -1)
    {
        Kind = kind;
        Dpc = dpc;
        Cic = cic;
        Count = count;
        State = state;
        MessageType = messageType;
        Timer = timer;
        Cause = cause;
        Action = action;
        OtherCic = otherCic;
    }

    /// <summary>What happened.</summary>
    public IsupMaintenanceEventKind Kind { get; }

    /// <summary>The peer's point code.</summary>
    public int Dpc { get; }

    /// <summary>The circuit (the first of the range for group events); -1 when the event concerns no circuit.</summary>
    public int Cic { get; }

    /// <summary>How many circuits a group event covers; 0 for a single circuit.</summary>
    public int Count { get; }

    /// <summary>The circuit's state when the event happened, when there is one circuit.</summary>
    public CircuitState? State { get; }

    /// <summary>The message concerned.</summary>
    public IsupMessageType? MessageType { get; }

    /// <summary>The timer that expired.</summary>
    public IsupTimer? Timer { get; }

    /// <summary>The cause sent or received.</summary>
    public IsupCause Cause { get; }

    /// <summary>What the procedures did about it.</summary>
    public IsupMaintenanceAction Action { get; }

    /// <summary>For a repeat attempt: the circuit the call left; -1 otherwise.</summary>
    public int OtherCic { get; }

    /// <summary>The event's log word, e.g. <c>glare</c>.</summary>
    public string Name => Names[(int)Kind];

    /// <summary>How much it matters; <see cref="IsupEventSeverity.Alarm"/> is Q.764's "alert the maintenance system".</summary>
    public IsupEventSeverity Severity => Kind switch
    {
        IsupMaintenanceEventKind.ReleaseCompleteOverdue or IsupMaintenanceEventKind.AcknowledgementOverdue
            or IsupMaintenanceEventKind.InformationOverdue or IsupMaintenanceEventKind.FarEndUnequipped
            or IsupMaintenanceEventKind.UserPartUnequipped => IsupEventSeverity.Alarm,
        IsupMaintenanceEventKind.RouteUnavailable or IsupMaintenanceEventKind.UserPartUnavailable
            or IsupMaintenanceEventKind.GroupMessageDiscarded or IsupMaintenanceEventKind.UnexpectedAcknowledgement
            or IsupMaintenanceEventKind.UnequippedCic or IsupMaintenanceEventKind.UnknownPointCode
            or IsupMaintenanceEventKind.UnexpectedMessage or IsupMaintenanceEventKind.UnrecognisedMessage
            or IsupMaintenanceEventKind.UnrecognisedParameter or IsupMaintenanceEventKind.ConfusionReceived
            or IsupMaintenanceEventKind.IamDiscarded => IsupEventSeverity.Warning,
        _ => IsupEventSeverity.Information,
    };

    /// <summary>The <c>key=value</c> log line: event, dpc, then only the fields this event has.</summary>
    public override string ToString()
    {
        var line = new StringBuilder(96);
        line.Append("event=").Append(Name);
        line.Append(CultureInfo.InvariantCulture, $" dpc={Dpc}");
        if (Cic >= 0)
        {
            line.Append(CultureInfo.InvariantCulture, $" cic={Cic}");
        }

        if (Count > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $" count={Count}");
        }

        if (OtherCic >= 0)
        {
            line.Append(CultureInfo.InvariantCulture, $" other_cic={OtherCic}");
        }

        if (State is CircuitState state)
        {
            line.Append(" state=").Append(state.ToString());
        }

        if (MessageType is IsupMessageType type)
        {
            line.Append(" message=").Append(Enum.IsDefined(type) ? type.ToString() : string.Create(CultureInfo.InvariantCulture, $"0x{(byte)type:X2}"));
        }

        if (Timer is IsupTimer timer)
        {
            line.Append(" timer=").Append(timer.ToString());
        }

        if (Cause.IsPresent)
        {
            line.Append(" cause=").Append(Cause.ToString());
        }

        if (Action != IsupMaintenanceAction.None)
        {
            line.Append(" action=").Append(ActionNames[(int)Action]);
        }

        return line.ToString();
    }
}
