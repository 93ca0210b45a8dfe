namespace Gateway.Logging;

/// <summary>How the syslog sink delivers lines.</summary>
public enum SyslogTransport
{
    /// <summary>Local Unix datagram socket, by default <c>/dev/log</c> (journald or rsyslog).</summary>
    Unix,

    /// <summary>UDP datagrams to Host:Port (RFC 5426).</summary>
    Udp,

    /// <summary>TCP stream to Host:Port with RFC 6587 octet-counting framing.</summary>
    Tcp,
}
