using Gateway.Isup;
using Gateway.Isup.Tests.Procedures;
using Gateway.Testing;

namespace Gateway.Isup.Tests.Signals;

/// <summary>
/// One side of <see cref="BackToBackLink"/>: an <see cref="IsupExchange"/> whose signals leave through the bridge as
/// octets (<see cref="IsupSignalEncodingSink"/>) onto the shared wire, with recording call control and maintenance.
/// </summary>
internal sealed class BridgedExchange : IIsupUserDataSink
{
    private readonly BackToBackLink _link;

    public BridgedExchange(BackToBackLink link, string name, int pointCode, int peerPointCode, ManualTimeProvider time)
    {
        _link = link;
        Name = name;
        PointCode = pointCode;
        PeerPointCode = peerPointCode;
        Encoder = new IsupSignalEncodingSink(this);
        var options = new IsupExchangeOptions(pointCode, [new CircuitGroupOptions(peerPointCode, [new CircuitCodeRange(1, 31)])]);
        Exchange = new IsupExchange(options, Encoder, Calls, Maintenance, time);
    }

    public string Name { get; }

    public int PointCode { get; }

    public int PeerPointCode { get; }

    public IsupExchange Exchange { get; }

    public IsupCallControl CallControl => Exchange.CallControl;

    public IsupSignalEncodingSink Encoder { get; }

    public RecordingCallEvents Calls { get; } = new();

    public RecordingMaintenance Maintenance { get; } = new();

    /// <summary>The signals this side received from the wire, decoded, in order (taken by <see cref="TakeReceived"/>).</summary>
    public List<IsupSignal> Received { get; } = [];

    /// <summary>Signals the exchange sent that the bridge could not encode: must stay empty.</summary>
    public List<string> EncodeFailures { get; } = [];

    public IReadOnlyList<CircuitStatus> Circuits => Exchange.GetCircuitStatuses(PeerPointCode);

    public CircuitStatus Circuit(int cic) => Exchange.GetCircuitStatus(PeerPointCode, cic);

    public void Send(int dpc, ReadOnlySpan<byte> userData)
    {
        Assert.Equal(PeerPointCode, dpc);
        _link.Put(new WireFrame(Name, userData.ToArray(), Injected: false));
    }

    public void EncodeFailed(int dpc, in IsupSignal signal, in IsupSignalResult result) => EncodeFailures.Add($"{signal}: {result}");

    /// <summary>Octets from the wire, through the bridge into the exchange.</summary>
    public void Deliver(WireFrame frame)
    {
        IsupSignalResult result = IsupSignalCodec.TryDecode(frame.UserData, out IsupSignal signal);
        Assert.True(result.Succeeded, $"{Name} cannot decode {frame}: {result}");
        Received.Add(signal);
        Exchange.Receive(PeerPointCode, in signal);
    }

    /// <summary>What this side received since the last take, as text (e.g. "REL cic=3 cause=16").</summary>
    public List<string> TakeReceived()
    {
        List<string> text = Received.ConvertAll(s => s.ToString());
        Received.Clear();
        return text;
    }

    public List<ReceivedCallEvent> TakeCallEvents() => Calls.Take();

    public List<IsupMaintenanceEvent> TakeMaintenance() => Maintenance.Take();
}
