namespace Gateway.Tracing;

/// <summary>
/// The daemon's signalling trace: while started, every SIP and M3UA message handed to <see cref="Record"/> that the
/// filter keeps goes to a rotating pcapng file that Wireshark decodes. Record never blocks and never throws: it
/// filters, copies the message into a pooled buffer and queues it; one background task writes. When stopped, Record is
/// a single volatile read. Thread-safe; Start and Stop may be called at any time, e.g. from a control command.
/// </summary>
public sealed class SignallingTrace : ITraceSink, IAsyncDisposable
{
    private readonly Lock _control = new();
    private volatile TraceSession? _session;
    private TraceSession? _last;

    public bool IsTracing => _session is not null;

    /// <summary>Packets written to the current (or last) trace.</summary>
    public long Written => (_session ?? _last)?.Written ?? 0;

    /// <summary>Messages lost because the queue was full (the disk could not keep up).</summary>
    public long Dropped => (_session ?? _last)?.Dropped ?? 0;

    /// <summary>Messages the filter did not keep.</summary>
    public long FilteredOut => (_session ?? _last)?.FilteredOut ?? 0;

    /// <summary>Packets lost because the file could not be written.</summary>
    public long WriteErrors => (_session ?? _last)?.WriteErrors ?? 0;

    /// <summary>
    /// Starts writing to <paramref name="options"/>' file, whose counters start from zero. Throws when already tracing
    /// or when the file cannot be created.
    /// </summary>
    public void Start(SignallingTraceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_control)
        {
            if (_session is not null)
            {
                throw new InvalidOperationException("a trace is already running; stop it first");
            }

            _session = new TraceSession(options);
        }
    }

    /// <summary>Stops tracing: messages already queued are written, then the file is closed. Does nothing when not tracing.</summary>
    public async ValueTask StopAsync()
    {
        TraceSession? session;
        lock (_control)
        {
            session = _session;
            if (session is null)
            {
                return;
            }

            _session = null;
            _last = session;
        }

        await session.StopAsync().ConfigureAwait(false);
    }

    public void Record(in TracedMessage message)
    {
        // A Record racing with Stop may still reach the old session: its queue then refuses and counts a drop.
        TraceSession? session = _session;
        if (session is null)
        {
            return;
        }

        session.Record(in message);
    }

    public ValueTask DisposeAsync() => StopAsync();
}
