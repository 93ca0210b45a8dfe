using System.Buffers;
using System.Threading.Channels;

namespace Gateway.Tracing;

/// <summary>
/// One run of a <see cref="SignallingTrace"/>, from Start to Stop: the queue, the file and the one task that turns
/// queued messages into frames. The queue is what keeps the callers off the disk.
/// </summary>
internal sealed class TraceSession
{
    private readonly Channel<QueuedMessage> _queue;
    private readonly RotatingPcapngFile _file;
    private readonly TraceFilter _filter;
    private readonly SyntheticFrame _frames = new();
    private readonly byte[] _frame = new byte[SyntheticFrame.MaxFrameLength];
    private readonly Task _writer;
    private long _written;
    private long _dropped;
    private long _filteredOut;
    private long _writeErrors;

    public TraceSession(SignallingTraceOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1);
        _filter = options.Filter;

        // The file opens here, on the caller, so that a bad path fails Start rather than a background task.
        _file = new RotatingPcapngFile(options.Path, options.MaxFileBytes, options.MaxFiles);
        _queue = Channel.CreateBounded<QueuedMessage>(new BoundedChannelOptions(options.QueueCapacity)
        {
            // With Wait, TryWrite says false when full, so the caller can count the drop and take its buffer back.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        _writer = Task.Run(WriteAllAsync);
    }

    public long Written => Interlocked.Read(ref _written);

    public long Dropped => Interlocked.Read(ref _dropped);

    public long FilteredOut => Interlocked.Read(ref _filteredOut);

    public long WriteErrors => Interlocked.Read(ref _writeErrors);

    public void Record(in TracedMessage message)
    {
        if (message.Local is null || message.Remote is null)
        {
            // A default message: no frame can be built for it, and the writer must not be the one to find out.
            Interlocked.Increment(ref _dropped);
            return;
        }

        if (!_filter.Matches(in message))
        {
            Interlocked.Increment(ref _filteredOut);
            return;
        }

        ReadOnlySpan<byte> bytes = message.Bytes;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length, 1));
        bytes.CopyTo(buffer);
        var queued = new QueuedMessage(message.Protocol, message.Direction, message.Local, message.Remote, message.Transport, message.SctpStream, message.Timestamp, buffer, bytes.Length);
        if (!_queue.Writer.TryWrite(queued))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Takes no more messages, writes those queued, and closes the file.</summary>
    public Task StopAsync()
    {
        _queue.Writer.TryComplete();
        return _writer;
    }

    private async Task WriteAllAsync()
    {
        ChannelReader<QueuedMessage> reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out QueuedMessage queued))
                {
                    Write(queued);
                }

                Flush();
            }
        }
        finally
        {
            _file.Dispose();
        }
    }

    private void Write(in QueuedMessage queued)
    {
        try
        {
            TracedMessage message = queued.ToTracedMessage();
            int length = _frames.Build(in message, _frame, out int originalLength);
            _file.WritePacket(queued.Timestamp, _frame.AsSpan(0, length), originalLength);
            Interlocked.Increment(ref _written);
        }
        catch (Exception)
        {
            // A full or failing disk (or a file that could not be reopened after rotating) loses trace packets,
            // never the daemon, and never stops the writer: the count tells the operator.
            Interlocked.Increment(ref _writeErrors);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(queued.Buffer);
        }
    }

    private void Flush()
    {
        try
        {
            _file.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            Interlocked.Increment(ref _writeErrors);
        }
    }
}
