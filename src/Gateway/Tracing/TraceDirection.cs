namespace Gateway.Tracing;

/// <summary>Whether the daemon received the message (remote to local) or sent it (local to remote).</summary>
public enum TraceDirection : byte
{
    Received,
    Sent,
}
