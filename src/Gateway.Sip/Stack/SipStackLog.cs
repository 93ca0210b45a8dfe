using Microsoft.Extensions.Logging;

namespace Gateway.Sip;

/// <summary>
/// The stack's log lines, as <c>key=value</c> text so that they read the same on a terminal, in journald and in syslog,
/// and can be grepped. Generated at compile time: a disabled level costs a branch, an enabled one no boxing.
/// </summary>
internal static partial class SipStackLog
{
    /// <summary>A malformed message; logged once per source, defect and interval, the rest are counted.</summary>
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "event=sip-malformed source={Source} transport={Transport} error={Error} header={Header} action={Action}")]
    public static partial void Malformed(ILogger logger, string source, string transport, string error, string header, string action);

    /// <summary>A source went over its rate; logged once per source and interval.</summary>
    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "event=sip-rate-limited source={Source} transport={Transport} action=dropped")]
    public static partial void RateLimited(ILogger logger, string source, string transport);

    /// <summary>A well-formed response that is not ours to match (RFC 3261 §18.1.2, §8.1.3.3).</summary>
    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "event=sip-response-discarded source={Source} reason={Reason}")]
    public static partial void ResponseDiscarded(ILogger logger, string source, string reason);

    /// <summary>A send failed; the transaction, if any, has been told.</summary>
    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "event=sip-send-failed destination={Destination} error={Error}")]
    public static partial void SendFailed(ILogger logger, string destination, string error);

    /// <summary>A TU callback threw; the stack carried on.</summary>
    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "event=sip-tu-error callback={Callback}")]
    public static partial void UserError(ILogger logger, string callback, Exception exception);

    /// <summary>Handling a received message failed inside the stack: a bug, but never one a peer can crash us with.</summary>
    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "event=sip-receive-error source={Source} transport={Transport}")]
    public static partial void ReceiveError(ILogger logger, string source, string transport, Exception exception);
}
