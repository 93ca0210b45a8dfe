using System.Net;

namespace Gateway.Tracing;

/// <summary>Where a <see cref="HepExporter"/> sends, and what.</summary>
public sealed record HepOptions
{
    public HepOptions(IPEndPoint collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        Collector = collector;
    }

    /// <summary>The HEP collector (Homer's heplify-server listens on UDP 9060 by default).</summary>
    public IPEndPoint Collector { get; }

    public TraceFilter Filter { get; init; } = TraceFilter.Empty;

    /// <summary>Chunk 0x000c: tells the collector which capture agent (which gateway) sent the packet.</summary>
    public uint CaptureAgentId { get; init; }

    /// <summary>Chunk 0x000e, sent when set: the password a collector may require.</summary>
    public string? AuthenticationKey { get; init; }
}
