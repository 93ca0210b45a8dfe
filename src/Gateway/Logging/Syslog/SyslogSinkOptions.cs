namespace Gateway.Logging;

/// <summary>Settings of <see cref="SyslogSink"/>. Plain settable properties so configuration binding can fill them.</summary>
public sealed class SyslogSinkOptions
{
    /// <summary>Default local socket path.</summary>
    public const string DefaultPath = "/dev/log";

    /// <summary>Default syslog port for UDP and TCP.</summary>
    public const int DefaultPort = 514;

    /// <summary>Default APP-NAME / TAG.</summary>
    public const string DefaultAppName = "sip-isup-gateway";

    /// <summary>Default maximum line size for the Unix socket and TCP.</summary>
    public const int DefaultStreamMaxMessageBytes = 8192;

    /// <summary>Default maximum datagram size for UDP (RFC 5424 section 6.1 recommends receivers accept 2048).</summary>
    public const int DefaultUdpMaxMessageBytes = 2048;

    /// <summary>Smallest accepted <see cref="MaxMessageBytes"/> (RFC 5424: receivers must accept 480 octets).</summary>
    public const int MinMaxMessageBytes = 480;

    /// <summary>Largest accepted <see cref="MaxMessageBytes"/>.</summary>
    public const int MaxMaxMessageBytes = 65_507;

    /// <summary>Transport; default the local Unix datagram socket.</summary>
    public SyslogTransport Transport { get; set; } = SyslogTransport.Unix;

    /// <summary>Unix socket path for <see cref="SyslogTransport.Unix"/>; default <c>/dev/log</c>.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>Server host name or address for UDP/TCP.</summary>
    public string? Host { get; set; }

    /// <summary>Server port for UDP/TCP; default 514.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// Line format; <c>null</c> picks RFC 3164 for the Unix socket (journald parses only the BSD form there)
    /// and RFC 5424 for UDP/TCP.
    /// </summary>
    public SyslogFormat? Format { get; set; }

    /// <summary>Facility; default local0 (16).</summary>
    public SyslogFacility Facility { get; set; } = SyslogFacility.Local0;

    /// <summary>APP-NAME (RFC 5424) and TAG (RFC 3164); at most 48 printable ASCII characters are kept.</summary>
    public string AppName { get; set; } = DefaultAppName;

    /// <summary>HOSTNAME field; <c>null</c> means the machine name; an empty value is written as <c>-</c>.</summary>
    public string? Hostname { get; set; }

    /// <summary>PROCID / PID; <c>null</c> means the current process id.</summary>
    public int? ProcessId { get; set; }

    /// <summary>
    /// Maximum size in bytes of one syslog message (header, structured data and MSG, without the TCP
    /// length prefix); longer messages are cut on a UTF-8 boundary. <c>null</c> means 2048 for UDP and
    /// 8192 for the Unix socket and TCP.
    /// </summary>
    public int? MaxMessageBytes { get; set; }

    /// <summary>
    /// Clock for the line timestamps and local time zone (RFC 3164). <c>null</c> (default) uses each
    /// event's own timestamp and the system time zone; set a fixed provider for deterministic output.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Capacity of the asynchronous queue in front of the sink; events beyond it are dropped, never waited for.</summary>
    public int BufferSize { get; set; } = 10_000;

    /// <summary>Timeout for a TCP connect and for one blocking TCP send; default 5 s.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First delay before retrying a failed connect; doubles up to <see cref="ReconnectMaxDelay"/>. Default 100 ms.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between connect attempts; default 10 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The format actually used (see <see cref="Format"/>).</summary>
    public SyslogFormat EffectiveFormat =>
        Format ?? (Transport == SyslogTransport.Unix ? SyslogFormat.Rfc3164 : SyslogFormat.Rfc5424);

    /// <summary>The size cap actually used (see <see cref="MaxMessageBytes"/>).</summary>
    public int EffectiveMaxMessageBytes =>
        MaxMessageBytes ?? (Transport == SyslogTransport.Udp ? DefaultUdpMaxMessageBytes : DefaultStreamMaxMessageBytes);

    /// <summary>The host name actually written (before sanitising).</summary>
    public string EffectiveHostname => Hostname ?? Environment.MachineName;

    /// <summary>The process id actually written.</summary>
    public int EffectiveProcessId => ProcessId ?? Environment.ProcessId;

    /// <summary>A short description of the destination, e.g. <c>unix:/dev/log</c> or <c>tcp:logs:514</c>.</summary>
    public string Target => Transport switch
    {
        SyslogTransport.Unix => "unix:" + Path,
        SyslogTransport.Udp => $"udp:{Host}:{Port}",
        _ => $"tcp:{Host}:{Port}",
    };

    /// <summary>Throws <see cref="ArgumentException"/> describing the first invalid setting.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Transport))
        {
            throw new ArgumentException($"Unknown syslog transport {Transport}.", nameof(Transport));
        }

        if (Format is { } format && !Enum.IsDefined(format))
        {
            throw new ArgumentException($"Unknown syslog format {format}.", nameof(Format));
        }

        if (!Enum.IsDefined(Facility))
        {
            throw new ArgumentException($"Syslog facility must be 0..23, got {(int)Facility}.", nameof(Facility));
        }

        if (Transport == SyslogTransport.Unix && string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("A Unix socket path is required for the Unix syslog transport.", nameof(Path));
        }

        if (Transport != SyslogTransport.Unix)
        {
            if (string.IsNullOrWhiteSpace(Host))
            {
                throw new ArgumentException($"A host is required for the {Transport} syslog transport.", nameof(Host));
            }

            if (Port is < 1 or > 65535)
            {
                throw new ArgumentException($"Syslog port must be 1..65535, got {Port}.", nameof(Port));
            }
        }

        if (AppName is null)
        {
            throw new ArgumentException("AppName must not be null.", nameof(AppName));
        }

        int max = EffectiveMaxMessageBytes;
        if (max is < MinMaxMessageBytes or > MaxMaxMessageBytes)
        {
            throw new ArgumentException(
                $"MaxMessageBytes must be {MinMaxMessageBytes}..{MaxMaxMessageBytes}, got {max}.",
                nameof(MaxMessageBytes));
        }

        if (BufferSize < 1)
        {
            throw new ArgumentException($"BufferSize must be positive, got {BufferSize}.", nameof(BufferSize));
        }

        if (NetworkTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("NetworkTimeout must be positive.", nameof(NetworkTimeout));
        }

        if (ReconnectMinDelay < TimeSpan.Zero || ReconnectMaxDelay < ReconnectMinDelay)
        {
            throw new ArgumentException(
                "Reconnect delays must satisfy 0 <= ReconnectMinDelay <= ReconnectMaxDelay.",
                nameof(ReconnectMinDelay));
        }
    }
}
