using System.Text;
using Serilog.Events;

namespace Gateway.Logging;

/// <summary>
/// Formats a <see cref="LogEvent"/> as one syslog message (UTF-8, no BOM, no trailing newline,
/// no transport framing). Instances keep reusable buffers and are not thread-safe: use one per
/// writer thread (the sink formats under its lock).
/// </summary>
public abstract class SyslogFormatter
{
    private const int MaxCachedMessageIds = 256;

    private readonly Dictionary<string, byte[]> _messageIds = new(StringComparer.Ordinal);
    private readonly TimeProvider? _clock;
    private readonly TimeZoneInfo _localZone;

    private protected SyslogFormatter(SyslogSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Facility = options.Facility;
        MaxMessageBytes = options.EffectiveMaxMessageBytes;
        _clock = options.TimeProvider;
        _localZone = (options.TimeProvider ?? TimeProvider.System).LocalTimeZone;
        ProcessIdBytes = SyslogFieldText.ToAsciiNumber(options.EffectiveProcessId);
        HostnameBytes = SyslogFieldText.ToHeaderField(options.EffectiveHostname, 255);
        Text = new PooledTextWriter(512, MaxMessageBytes);
    }

    /// <summary>Facility used in PRI.</summary>
    public SyslogFacility Facility { get; }

    /// <summary>Upper bound of <see cref="Format"/>'s result.</summary>
    public int MaxMessageBytes { get; }

    private protected byte[] ProcessIdBytes { get; }

    private protected byte[] HostnameBytes { get; }

    private protected PooledTextWriter Text { get; }

    /// <summary>Creates the formatter <paramref name="options"/> ask for (RFC 3164 on the Unix socket is the local, hostname-less form).</summary>
    public static SyslogFormatter Create(SyslogSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.EffectiveFormat == SyslogFormat.Rfc5424
            ? new Rfc5424Formatter(options)
            : new Rfc3164Formatter(options, local: options.Transport == SyslogTransport.Unix);
    }

    /// <summary>
    /// Writes the message for <paramref name="logEvent"/> into <paramref name="destination"/> and returns the
    /// byte count, at most <c>min(destination.Length, MaxMessageBytes)</c>.
    /// </summary>
    public abstract int Format(LogEvent logEvent, Span<byte> destination);

    /// <summary>Formats to a string (allocates; for tests and diagnostics).</summary>
    public string FormatToString(LogEvent logEvent)
    {
        var buffer = new byte[MaxMessageBytes];
        int length = Format(logEvent, buffer);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private protected int Priority(LogEventLevel level) => SyslogSeverityMap.Priority(Facility, level);

    private protected DateTimeOffset Timestamp(LogEvent logEvent) => _clock?.GetUtcNow() ?? logEvent.Timestamp;

    private protected DateTimeOffset LocalTimestamp(LogEvent logEvent) => TimeZoneInfo.ConvertTime(Timestamp(logEvent), _localZone);

    private protected static bool WritePriority(ref Utf8SpanWriter writer, int priority) =>
        writer.TryWrite((byte)'<') && writer.TryWriteFormatted(priority) && writer.TryWrite((byte)'>');

    /// <summary>MSGID bytes for the event's SourceContext, cached per context string.</summary>
    private protected byte[] MessageId(LogEvent logEvent)
    {
        string? context = LogEventText.GetSourceContext(logEvent);
        if (context is null)
        {
            return [SyslogFieldText.Nil];
        }

        if (!_messageIds.TryGetValue(context, out byte[]? id))
        {
            if (_messageIds.Count >= MaxCachedMessageIds)
            {
                _messageIds.Clear();
            }

            id = SyslogFieldText.ToMessageId(context);
            _messageIds[context] = id;
        }

        return id;
    }

    /// <summary>Renders MSG (message plus exception summary) into <see cref="Text"/> as one line.</summary>
    private protected ReadOnlySpan<char> RenderMessage(LogEvent logEvent)
    {
        PooledTextWriter text = Text;
        text.Clear();
        MessageRenderer.Render(logEvent, text);
        if (logEvent.Exception is { } exception)
        {
            LogEventText.WriteExceptionSummary(exception, text);
        }

        Span<char> chars = text.WrittenSpan;
        if (text.Truncated && chars.Length > 0 && char.IsHighSurrogate(chars[^1]))
        {
            chars = chars[..^1];
        }

        LogEventText.FlattenNewlines(chars);
        return chars;
    }
}
