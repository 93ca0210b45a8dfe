namespace Gateway.Logging;

/// <summary>Syslog line format.</summary>
public enum SyslogFormat
{
    /// <summary>RFC 5424: <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG</c>.</summary>
    Rfc5424,

    /// <summary>
    /// RFC 3164 (BSD): <c>&lt;PRI&gt;Mmm dd HH:mm:ss HOSTNAME TAG[PID]: MSG</c>; on the local Unix
    /// socket the glibc form without HOSTNAME.
    /// </summary>
    Rfc3164,
}
