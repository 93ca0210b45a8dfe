using System.Buffers;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;
using Serilog.Sinks.Async;

namespace Gateway.Logging;

/// <summary>
/// Serilog sink writing syslog lines over a Unix datagram socket, UDP or TCP (see
/// <see cref="SyslogSinkOptions"/>). Meant to run behind Serilog.Sinks.Async (use
/// <see cref="SyslogLoggerConfigurationExtensions.Syslog(Serilog.Configuration.LoggerSinkConfiguration, SyslogSinkOptions)"/>)
/// so a slow or dead server costs the application nothing but dropped lines. <see cref="Emit"/>
/// never throws: failures are counted in <see cref="Dropped"/> and reported through
/// <see cref="SelfLog"/> at most once per minute. Formatting reuses one pooled buffer per sink.
/// </summary>
public sealed class SyslogSink : ILogEventSink, IDisposable, IAsyncLogEventSinkMonitor
{
    /// <summary>Minimum interval between two SelfLog reports.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromMinutes(1);

    private readonly object _sync = new();
    private readonly SyslogFormatter _formatter;
    private readonly SyslogConnection _connection;
    private readonly TimeProvider _clock;
    private byte[] _buffer;
    private long _sent;
    private long _dropped;
    private long _bufferDroppedFinal;
    private IAsyncLogEventSinkInspector? _inspector;
    private long _lastReport = long.MinValue;
    private long _droppedAtLastReport;
    private bool _disposed;

    /// <summary>Creates the sink; validates <paramref name="options"/> (throws <see cref="ArgumentException"/>). Connects lazily.</summary>
    public SyslogSink(SyslogSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _clock = options.TimeProvider ?? TimeProvider.System;
        _formatter = SyslogFormatter.Create(options);
        _connection = options.Transport switch
        {
            SyslogTransport.Unix => new UnixDatagramConnection(options, _clock),
            SyslogTransport.Udp => new UdpConnection(options, _clock),
            _ => new TcpOctetCountingConnection(options, _clock),
        };
        _buffer = ArrayPool<byte>.Shared.Rent(SyslogConnection.FramePrefixReserve + _formatter.MaxMessageBytes);
    }

    /// <summary>The options the sink was created with.</summary>
    public SyslogSinkOptions Options { get; }

    /// <summary>Messages handed to the kernel.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>
    /// Messages lost: transport failures (no receiver, queue full, connection down, formatting
    /// error) plus events the asynchronous queue in front of the sink discarded because it was full.
    /// </summary>
    public long Dropped => Interlocked.Read(ref _dropped) + BufferDropped;

    /// <summary>Events discarded by the asynchronous wrapper because its queue was full (0 without the wrapper).</summary>
    public long BufferDropped => _inspector?.DroppedMessagesCount ?? Interlocked.Read(ref _bufferDroppedFinal);

    /// <summary>Raised after each event is sent or dropped (on the writer thread). For tests.</summary>
    internal event Action<SyslogSink>? CountersChanged;

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        if (logEvent is null)
        {
            return;
        }

        string? error = null;
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                int offset = SyslogConnection.FramePrefixReserve;
                int length = _formatter.Format(logEvent, _buffer.AsSpan(offset, _formatter.MaxMessageBytes));
                if (_connection.Send(_buffer, offset, length, out error) == SyslogSendResult.Sent)
                {
                    Interlocked.Increment(ref _sent);
                }
                else
                {
                    Interlocked.Increment(ref _dropped);
                }
            }
            catch (Exception ex)
            {
                // Typically a property's ToString() threw while formatting: lose this line, never the application.
                Interlocked.Increment(ref _dropped);
                error = "event dropped: " + ex.GetType().Name + ": " + ex.Message;
            }

            if (error is not null)
            {
                Report(error);
            }
        }

        CountersChanged?.Invoke(this);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _connection.Dispose();
            byte[] buffer = _buffer;
            _buffer = [];
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    void IAsyncLogEventSinkMonitor.StartMonitoring(IAsyncLogEventSinkInspector inspector) => _inspector = inspector;

    /// <inheritdoc />
    void IAsyncLogEventSinkMonitor.StopMonitoring(IAsyncLogEventSinkInspector inspector)
    {
        Interlocked.Exchange(ref _bufferDroppedFinal, inspector.DroppedMessagesCount);
        _inspector = null;
    }

    private void Report(string error)
    {
        long now = _clock.GetTimestamp();
        if (_lastReport != long.MinValue && _clock.GetElapsedTime(_lastReport, now) < ReportInterval)
        {
            return;
        }

        long dropped = Dropped;
        SelfLog.WriteLine(
            "Syslog sink {0}: {1}; {2}",
            Options.Target,
            error,
            FormattableString.Invariant(
                $"{dropped - _droppedAtLastReport} message(s) dropped since the last report ({Sent} sent, {dropped} dropped in total)"));
        _lastReport = now;
        _droppedAtLastReport = dropped;
    }
}
