using Gateway.Hosting;
using Gateway.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Hosting;

/// <summary>When the heap is compacted after a busy period, in virtual time against a scripted heap.</summary>
public sealed class IdleHeapCompactionTests
{
    private const long MiB = 1 << 20;

    private sealed class ScriptedHeap : IHeapControl
    {
        public long AllocatedBytes { get; set; }

        public long CommittedBytes { get; set; }

        public long CommittedAfterCompaction { get; set; } = 40 * MiB;

        public int Compactions { get; private set; }

        public void Compact()
        {
            Compactions++;
            CommittedBytes = CommittedAfterCompaction;
        }
    }

    private static (IdleHeapCompaction Service, ScriptedHeap Heap, ManualTimeProvider Time) Started()
    {
        var heap = new ScriptedHeap { AllocatedBytes = 100 * MiB, CommittedBytes = 40 * MiB };
        var time = new ManualTimeProvider();
        var service = new IdleHeapCompaction(time, heap, NullLogger<IdleHeapCompaction>.Instance);
        service.StartAsync(CancellationToken.None);
        return (service, heap, time);
    }

    [Fact]
    public void A_heap_grown_by_a_burst_is_compacted_once_the_gateway_goes_quiet_and_only_once()
    {
        var (service, heap, time) = Started();
        using var _ = service;

        // The burst: allocating fast, the heap growing; no pause while traffic flows.
        for (int i = 0; i < 6; i++)
        {
            heap.AllocatedBytes += 300 * MiB;
            heap.CommittedBytes += 30 * MiB;
            time.Advance(IdleHeapCompaction.Interval);
        }
        Assert.Equal(0, heap.Compactions);

        // Quiet (the calls held, their timers only): one compaction at the next tick, none after.
        heap.AllocatedBytes += 1 * MiB;
        time.Advance(IdleHeapCompaction.Interval);
        Assert.Equal(1, heap.Compactions);
        for (int i = 0; i < 10; i++)
        {
            heap.AllocatedBytes += 1 * MiB;
            time.Advance(IdleHeapCompaction.Interval);
        }
        Assert.Equal(1, heap.Compactions);
    }

    [Fact]
    public void Light_steady_traffic_that_does_not_grow_the_heap_is_never_paused()
    {
        var (service, heap, time) = Started();
        using var _ = service;
        for (int i = 0; i < 60; i++)
        {
            heap.AllocatedBytes += 2 * MiB;
            heap.CommittedBytes = 40 * MiB + (i % 3) * MiB;
            time.Advance(IdleHeapCompaction.Interval);
        }
        Assert.Equal(0, heap.Compactions);
    }

    [Fact]
    public void Stopped_it_compacts_no_more()
    {
        var (service, heap, time) = Started();
        using var _ = service;
        service.StopAsync(CancellationToken.None);
        heap.CommittedBytes += 500 * MiB;
        time.Advance(10 * IdleHeapCompaction.Interval);
        Assert.Equal(0, heap.Compactions);
    }
}
