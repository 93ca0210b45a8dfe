using Gateway.Logging;

namespace Gateway.Configuration;

/// <summary>Reads <c>logging.syslog[]</c> entries into the sink's own options, checking them with the same rules it applies.</summary>
internal static class SyslogOptionsReader
{
    private static readonly (string, SyslogTransport)[] Transports =
        [("unix", SyslogTransport.Unix), ("udp", SyslogTransport.Udp), ("tcp", SyslogTransport.Tcp)];

    private static readonly (string, SyslogFormat)[] Formats = [("rfc3164", SyslogFormat.Rfc3164), ("rfc5424", SyslogFormat.Rfc5424)];

    private static readonly (string, SyslogFacility)[] Facilities = FacilityWords();

    /// <summary>Absent means the local socket with every default: what an operator of a Debian box expects.</summary>
    public static IReadOnlyList<SyslogSinkOptions> ReadAll(JsonSection logging) =>
        logging.Has("syslog") ? logging.Array("syslog", Read) : [new SyslogSinkOptions()];

    private static SyslogSinkOptions Read(JsonSection s)
    {
        var options = new SyslogSinkOptions
        {
            Transport = s.Choice("transport", SyslogTransport.Unix, Transports),
            Path = s.String("path", SyslogSinkOptions.DefaultPath)!,
            Host = s.String("host"),
            Port = s.Port("port", SyslogSinkOptions.DefaultPort),
            Facility = s.Choice("facility", SyslogFacility.Local0, Facilities),
            AppName = s.String("appName", SyslogSinkOptions.DefaultAppName)!,
        };
        if (s.Has("format")) options.Format = s.Choice("format", SyslogFormat.Rfc3164, Formats);
        if (s.Has("maxMessageBytes"))
        {
            options.MaxMessageBytes = s.Int("maxMessageBytes", SyslogSinkOptions.DefaultStreamMaxMessageBytes,
                SyslogSinkOptions.MinMaxMessageBytes, SyslogSinkOptions.MaxMaxMessageBytes);
        }
        if (options.Transport != SyslogTransport.Unix && string.IsNullOrWhiteSpace(options.Host) && !s.Has("host"))
        {
            s.Error("host", $"is required for the {s.String("transport")} transport");
        }
        if (options.Transport == SyslogTransport.Unix && s.Has("host"))
        {
            s.Error("host", "is only for the udp and tcp transports; the unix transport uses path");
        }
        if (options.AppName.Length is 0 or > 48)
        {
            s.Error("appName", "must be 1-48 characters");
        }
        return options;
    }

    private static (string, SyslogFacility)[] FacilityWords()
    {
        var values = Enum.GetValues<SyslogFacility>();
        var words = new (string, SyslogFacility)[values.Length];
        for (int i = 0; i < values.Length; i++) words[i] = (values[i].ToString().ToLowerInvariant(), values[i]);
        return words;
    }
}
