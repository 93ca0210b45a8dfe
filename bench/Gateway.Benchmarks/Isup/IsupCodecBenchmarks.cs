using BenchmarkDotNet.Attributes;
using Gateway.Isup;
using Gateway.Testing;

namespace Gateway.Benchmarks.Isup;

/// <summary>
/// Decoding and encoding the IAM of <see cref="IsupWireSamples.Iam"/> (4 fixed parameters, the called party number
/// and six optional parameters, 69 octets). Targets: at least 5,000,000 per second per core each way (at most 200 ns)
/// and 0 B allocated on the zero-allocation path. ShortRun as the other benchmarks, so `make bench` stays short.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class IsupCodecBenchmarks
{
    private readonly byte[] _iam = IsupWireSamples.Iam;
    private readonly byte[] _buffer = new byte[IsupWriter.DefaultSizeHint];
    private readonly char[] _digits = new char[32];

    // What the interworking layer holds when it builds an IAM: typed values made once per call, written per message.
    private readonly NatureOfConnectionIndicators _nci = new() { EchoControlDeviceIncluded = true };
    private readonly ForwardCallIndicators _fci = new() { InterworkingEncountered = true, IsupPreference = IsupPreference.NotRequiredAllTheWay, OriginatingAccessIsdn = true };
    private readonly CallingPartysCategory _cpc = new(CallingPartyCategoryValue.OrdinarySubscriber);
    private readonly TransmissionMediumRequirement _tmr = new(TransmissionMedium.Audio3k1);
    private readonly CalledPartyNumber _called = new(NatureOfAddress.InternationalNumber, "4930123456F");
    private readonly CallingPartyNumber _calling = new(NatureOfAddress.InternationalNumber, "4940111222", AddressPresentation.Allowed, ScreeningIndicator.NetworkProvided);
    private readonly GenericNumber _generic = new(GenericNumber.AdditionalCallingPartyNumber, NatureOfAddress.NationalNumber, "40111222");
    private readonly RedirectingNumber _redirecting = new(NatureOfAddress.NationalNumber, "301234567");
    private readonly RedirectionInformation _redirection = new(RedirectingIndicator.Diverted, RedirectingReason.NoReply, 1);
    private readonly UserServiceInformation _usi = new(0, 0x10, 3);
    private readonly HopCounter _hops = new(20);

    /// <summary>Checks that Encode writes the very octets Decode reads, so the two measure the same message.</summary>
    [GlobalSetup]
    public void Setup()
    {
        int length = Encode();
        if (!_buffer.AsSpan(0, length).SequenceEqual(_iam) || Decode() == 0)
        {
            throw new InvalidOperationException("Encode does not reproduce IsupWireSamples.Iam.");
        }
    }

    /// <summary>IsupReader: validate the whole message, then walk every parameter (code, part, value slice).</summary>
    [Benchmark(Baseline = true)]
    public int Decode()
    {
        var reader = new IsupReader(_iam, IsupBodyForm.Mtp3UserData);
        int total = reader.Cic;
        while (reader.Read())
        {
            total += (int)reader.ParameterCode + reader.ParameterValue.Length;
        }

        return reader.Error == IsupError.None ? total : -1;
    }

    /// <summary>Decode, and read the called party number's digits into a reused buffer, as routing does first.</summary>
    [Benchmark]
    public int DecodeAndReadCalledDigits()
    {
        var reader = new IsupReader(_iam, IsupBodyForm.Mtp3UserData);
        if (!reader.TryFind(IsupParameterCode.CalledPartyNumber, out var called))
        {
            return -1;
        }

        int count = IsupDigits.Count(called[2..], (called[0] & 0x80) != 0);
        IsupDigits.Decode(called[2..], _digits.AsSpan(0, count));
        return count;
    }

    /// <summary>IsupWriter: lay out the same IAM from typed values into a reused buffer.</summary>
    [Benchmark]
    public int Encode()
    {
        var writer = new IsupWriter(_buffer, IsupMessageType.IAM, cic: 0x123);
        writer.Write(_nci);
        writer.Write(_fci);
        writer.Write(_cpc);
        writer.Write(_tmr);
        writer.Write(_called);
        writer.Write(_calling);
        writer.Write(_generic);
        writer.Write(_redirecting);
        writer.Write(_redirection);
        writer.Write(_usi);
        writer.Write(_hops);
        return writer.TryComplete(out int length) ? length : -1;
    }

    /// <summary>For comparison: decode into an IsupMessage value (one copy of the input, the message and its list).</summary>
    [Benchmark]
    public int DecodeToMessage() => IsupMessage.Decode(_iam, IsupBodyForm.Mtp3UserData).Parameters.Count;
}
