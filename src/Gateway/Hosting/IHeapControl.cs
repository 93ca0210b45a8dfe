namespace Gateway.Hosting;

/// <summary>What <see cref="IdleHeapCompaction"/> reads of the managed heap and asks of it; the runtime's in the daemon.</summary>
public interface IHeapControl
{
    /// <summary>Bytes allocated by the process since it started.</summary>
    long AllocatedBytes { get; }

    /// <summary>Memory the collector holds from the system now.</summary>
    long CommittedBytes { get; }

    /// <summary>One blocking, compacting full collection that returns what it frees to the system.</summary>
    void Compact();
}
