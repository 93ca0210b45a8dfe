namespace Gateway.Tracing;

/// <summary>What a <see cref="SignallingTrace"/> writes, and how much of it it keeps.</summary>
public sealed record SignallingTraceOptions
{
    public SignallingTraceOptions(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    /// <summary>The pcapng file; older files are <c>Path.1</c>, <c>Path.2</c>, ... (the higher, the older).</summary>
    public string Path { get; }

    public TraceFilter Filter { get; init; } = TraceFilter.Empty;

    /// <summary>The size a file may reach before the next packet goes to a fresh one.</summary>
    public long MaxFileBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>How many files are kept, the one being written included; the oldest is deleted.</summary>
    public int MaxFiles { get; init; } = 5;

    /// <summary>
    /// How many messages may wait for the writer. Beyond that <see cref="SignallingTrace.Record"/> drops rather than
    /// wait: a slow disk must never hold up signalling.
    /// </summary>
    public int QueueCapacity { get; init; } = 8192;
}
