namespace Gateway.Isup;

/// <summary>The states of an acknowledged maintenance procedure (the request machine in <c>docs/isup-procedures.md</c>).</summary>
public enum MaintenanceRequestState
{
    /// <summary>Built, not sent yet.</summary>
    Created,

    /// <summary>Superstate: sent and not acknowledged.</summary>
    Outstanding,

    /// <summary>Sent; repeated every short timer (T12, T14, T16, T18, T20, T22) until the long timer first expires.</summary>
    AwaitingAcknowledgement,

    /// <summary>The long timer (T13, T15, T17, T19, T21, T23) expired: maintenance alerted, repeated every long timer.</summary>
    Repeating,

    /// <summary>Acknowledged, or cancelled (superseded, or the route went down).</summary>
    Completed,
}
