namespace Gateway.M3ua;

/// <summary>The timers of an association's management, each in its own slot.</summary>
internal enum ManagementTimer
{
    /// <summary>T(ack): repeat the outstanding ASPUP, REG REQ, ASPAC, ASPIA or ASPDN.</summary>
    Ack,

    /// <summary>Send the next BEAT, counting the previous one missed if unanswered.</summary>
    Heartbeat,

    /// <summary>Send DAUD for the destinations not known to be fully available.</summary>
    Audit,

    /// <summary>A destination's congestion has not been renewed by SCON: it is over.</summary>
    Congestion,
}
