namespace Gateway.Logging;

/// <summary>Outcome of handing one message to a syslog transport.</summary>
internal enum SyslogSendResult
{
    /// <summary>The kernel accepted the whole message.</summary>
    Sent,

    /// <summary>The message was dropped; the transport may have an error to report.</summary>
    Dropped,
}
