using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Hosting;

/// <summary>
/// Gives a busy period's memory back once the gateway goes quiet. SIP transactions linger 32 s after their final
/// response, so load leaves the heap full of objects that died old; the collector frees them only when new allocation
/// drives it to a full collection, which a quiet gateway — even one holding thousands of calls — never does, and the
/// process keeps its peak size. Every <see cref="Interval"/>: when the last one allocated less than
/// <see cref="QuietBytes"/> and the collector holds <see cref="GrowthBytes"/> more than after the last compaction, one
/// full compacting collection runs and the freed memory goes back to the system. Steady traffic, busy or light, never
/// triggers it: it either allocates or does not grow.
/// </summary>
public sealed partial class IdleHeapCompaction(TimeProvider time, IHeapControl heap, ILogger<IdleHeapCompaction> logger) : IHostedService, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>Under ~40 short calls a second (each allocates 20–24 KiB, docs/performance.md): quiet.</summary>
    public const long QuietBytes = 8 << 20;

    public const long GrowthBytes = 32 << 20;

    private ITimer? _timer;
    private long _allocated;
    private long _committedAfterCompaction;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _allocated = heap.AllocatedBytes;
        _committedAfterCompaction = heap.CommittedBytes;
        _timer = time.CreateTimer(static state => ((IdleHeapCompaction)state!).Tick(), this, Interval, Interval);
        return Task.CompletedTask;
    }

    private void Tick()
    {
        long allocated = heap.AllocatedBytes;
        bool quiet = allocated - _allocated < QuietBytes;
        _allocated = allocated;
        long committed = heap.CommittedBytes;
        if (!quiet || committed - _committedAfterCompaction < GrowthBytes)
        {
            return;
        }

        long started = time.GetTimestamp();
        heap.Compact();
        _committedAfterCompaction = heap.CommittedBytes;
        _allocated = heap.AllocatedBytes;
        LogCompacted(logger, committed >> 20, _committedAfterCompaction >> 20, (long)time.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "event=heap-compacted committed-before-mb={BeforeMb} committed-after-mb={AfterMb} pause-ms={PauseMs}")]
    private static partial void LogCompacted(ILogger logger, long beforeMb, long afterMb, long pauseMs);
}
