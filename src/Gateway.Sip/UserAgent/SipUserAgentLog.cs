using Microsoft.Extensions.Logging;

namespace Gateway.Sip;

/// <summary>The user agent's own log lines: what it did on the application's behalf that an operator may ask about.</summary>
internal static partial class SipUserAgentLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "event=no-ack call_id={CallId} cseq={CSeq} action=bye")]
    public static partial void NoAck(ILogger logger, string callId, int cseq);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "event=fork-answered call_id={CallId} remote_tag={RemoteTag} action=ack-bye")]
    public static partial void ForkEnded(ILogger logger, string callId, string remoteTag);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "event=listener-error callback={Callback}")]
    public static partial void ListenerError(ILogger logger, string callback, Exception exception);
}
