using BenchmarkDotNet.Attributes;
using Gateway.M3ua;
using Gateway.Testing;

namespace Gateway.Benchmarks.M3ua;

/// <summary>
/// Decoding and encoding the DATA of <see cref="M3uaWireSamples.DataWithIam"/> (72 octets: Routing Context, then
/// Protocol Data carrying a 40-octet ISUP IAM), as the signalling path does for every ISUP message. Targets: at least
/// 5,000,000 per second per core each way (at most 200 ns) and 0 B allocated. ShortRun as the other benchmarks, so
/// `make bench` stays short.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class M3uaCodecBenchmarks
{
    private readonly byte[] _data = M3uaWireSamples.DataWithIam;
    private readonly byte[] _iam = M3uaWireSamples.Iam40;
    private readonly byte[] _buffer = new byte[M3uaWriter.DefaultSizeHint];
    private readonly ProtocolDataHeader _label = new(M3uaWireSamples.Opc, M3uaWireSamples.Dpc, (byte)Mtp3ServiceIndicator.Isup, (byte)Mtp3NetworkIndicator.National, 0, 5);

    /// <summary>Checks that Encode writes the very octets Decode reads, so the two measure the same message.</summary>
    [GlobalSetup]
    public void Setup()
    {
        int length = Encode();
        if (!_buffer.AsSpan(0, length).SequenceEqual(_data) || Decode() <= 0)
        {
            throw new InvalidOperationException("Encode does not reproduce M3uaWireSamples.DataWithIam.");
        }
    }

    /// <summary>
    /// M3uaReader: check the whole message (header, framing, DATA's format, every parameter's rule), then take the
    /// Routing Context and the Protocol Data's label and ISUP octets — a slice, not a copy.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int Decode()
    {
        var reader = new M3uaReader(_data);
        if (!reader.TryGetRoutingContext(out uint context) || !reader.TryGetProtocolData(out var label, out var isup))
        {
            return -1;
        }

        return (int)context + (int)label.DestinationPointCode + label.SignallingLinkSelection + isup.Length;
    }

    /// <summary>M3uaWriter: the same DATA from its Routing Context, label and ISUP octets into a reused buffer.</summary>
    [Benchmark]
    public int Encode()
    {
        var writer = new M3uaWriter(_buffer, M3uaMessageType.Data);
        writer.WriteRoutingContext(M3uaWireSamples.RoutingContext);
        writer.WriteProtocolData(_label, _iam);
        return writer.TryComplete(out int length) ? length : -1;
    }

    /// <summary>A relay's work: decode a received DATA and encode it again from what was read.</summary>
    [Benchmark]
    public int DecodeThenEncode()
    {
        var reader = new M3uaReader(_data);
        reader.TryGetRoutingContext(out uint context);
        reader.TryGetProtocolData(out var label, out var isup);
        var writer = new M3uaWriter(_buffer, M3uaMessageType.Data);
        writer.WriteRoutingContext(context);
        writer.WriteProtocolData(label, isup);
        return writer.TryComplete(out int length) ? length : -1;
    }

    /// <summary>For comparison: decode into an M3uaMessage value (one copy of the input, the message and its list).</summary>
    [Benchmark]
    public int DecodeToMessage() => M3uaMessage.Decode(_data).Parameters.Count;
}
