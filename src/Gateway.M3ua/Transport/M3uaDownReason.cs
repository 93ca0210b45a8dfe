namespace Gateway.M3ua;

/// <summary>Why a connection went down: the association layer reacts differently to a close it asked for and to a failure.</summary>
public enum M3uaDownReason
{
    /// <summary><see cref="M3uaConnection.Close"/> or dispose, on this side.</summary>
    ClosedLocally,

    /// <summary>The peer closed in order: TCP FIN, SCTP SHUTDOWN.</summary>
    ClosedByPeer,

    /// <summary>The connection was torn down: TCP reset, SCTP ABORT or association lost (no answer to heartbeats or retransmissions).</summary>
    Aborted,

    /// <summary>The peer sent something that is not a sequence of M3UA messages: a length below 8 or above the maximum.</summary>
    FramingError,

    /// <summary>Any other socket error while reading or writing.</summary>
    IoError,

    /// <summary>The receiver threw: its connection is closed so that a fault stays with the connection that caused it.</summary>
    ReceiverFailed,
}
