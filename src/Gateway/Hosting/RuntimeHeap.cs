namespace Gateway.Hosting;

/// <summary>The runtime's managed heap.</summary>
public sealed class RuntimeHeap : IHeapControl
{
    public long AllocatedBytes => GC.GetTotalAllocatedBytes();

    public long CommittedBytes => GC.GetGCMemoryInfo().TotalCommittedBytes;

    public void Compact() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
