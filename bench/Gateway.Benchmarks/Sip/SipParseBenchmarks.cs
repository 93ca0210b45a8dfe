using System.Buffers;
using BenchmarkDotNet.Attributes;
using Gateway.Sip;

namespace Gateway.Benchmarks.Sip;

/// <summary>
/// Parsing and writing the ~900-byte <see cref="BenchInvite"/>. Targets: Parse at most 1 µs (1,000,000
/// messages/s per core) with at most one allocation, the SipMessage itself. ShortRun (1 launch, 3 warm-up,
/// 3 measured iterations) keeps `make bench` short; the figures are indicative, not publication-grade.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SipParseBenchmarks
{
    private readonly byte[] _invite = BenchInvite.Bytes;
    private readonly byte[] _sdp = System.Text.Encoding.ASCII.GetBytes(BenchInvite.Sdp);
    private readonly ArrayBufferWriter<byte> _output = new(4096);

    /// <summary>Checks that Serialize writes the very bytes Parse reads, so the two measure the same message.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Serialize();
        if (!_output.WrittenSpan.SequenceEqual(_invite))
        {
            throw new InvalidOperationException("Serialize does not reproduce BenchInvite.");
        }
    }

    /// <summary>Parse the datagram (copied into a pooled buffer the message owns) and dispose the message.</summary>
    [Benchmark(Baseline = true)]
    public int Parse()
    {
        SipParser.TryParse(_invite, out SipMessage? message);
        int count = message!.HeaderCount;
        message.Dispose();
        return count;
    }

    /// <summary>Parse, then read the raw Call-ID, CSeq and top Via values a transaction layer needs first.</summary>
    [Benchmark]
    public int ParseAndReadCallIdCSeqVia()
    {
        SipParser.TryParse(_invite, out SipMessage? message);
        int total = message!.CallId.Length
            + message.GetHeaderValue(SipHeaderName.CSeq).Length + message.CSeqNumber
            + message.GetHeaderValue(SipHeaderName.Via).Length;
        message.Dispose();
        return total;
    }

    /// <summary>Write the same INVITE with SipMessageWriter into a reused buffer.</summary>
    [Benchmark]
    public int Serialize()
    {
        _output.ResetWrittenCount();
        var writer = new SipMessageWriter(_output);
        writer.WriteRequestLine(SipMethod.Invite, "sip:+4930123456@gw1.carrier.example.net;user=phone"u8);
        writer.WriteHeader(SipHeaderName.Via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds.a1b2c3;rport"u8);
        writer.WriteHeader(SipHeaderName.MaxForwards, 70);
        writer.WriteHeader(SipHeaderName.From, "\"Alice\" <sip:+4940111222@pbx.example.com;user=phone>;tag=1928301774"u8);
        writer.WriteHeader(SipHeaderName.To, "<sip:+4930123456@gw1.carrier.example.net;user=phone>;tag=a6c85cf"u8);
        writer.WriteHeader(SipHeaderName.CallId, "a84b4c76e66710@pbx.example.com"u8);
        writer.WriteHeader(SipHeaderName.CSeq, "314159 INVITE"u8);
        writer.WriteHeader(SipHeaderName.Contact, "<sip:+4940111222@192.0.2.10:5060;transport=udp>"u8);
        writer.WriteHeader(SipHeaderName.Allow, "INVITE, ACK, CANCEL, BYE, OPTIONS, PRACK, UPDATE, INFO"u8);
        writer.WriteHeader(SipHeaderName.Supported, "100rel, timer, replaces"u8);
        writer.WriteHeader(SipHeaderName.PAssertedIdentity, "\"Alice\" <sip:+4940111222@pbx.example.com;user=phone>"u8);
        writer.WriteHeader(SipHeaderName.UserAgent, "ExamplePBX/4.2"u8);
        writer.WriteHeader(SipHeaderName.ContentType, "application/sdp"u8);
        writer.WriteBody(_sdp);
        return _output.WrittenCount;
    }
}
