namespace Gateway.M3ua;

/// <summary>
/// How a connection ended. <see cref="Error"/> is null for an orderly close by either side and says what failed
/// otherwise: this is the connection's error event, reported once, together with the fact that it is down.
/// </summary>
public readonly record struct M3uaConnectionDown(M3uaDownReason Reason, Exception? Error = null)
{
    public bool IsError => Error is not null;
}
