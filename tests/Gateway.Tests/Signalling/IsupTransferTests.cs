using Gateway.Isup;
using Gateway.Logging;
using Gateway.M3ua;
using Gateway.Signalling;
using Gateway.Testing;
using Gateway.Tests.IsupSetup;

namespace Gateway.Tests.Signalling;

/// <summary>The join of ISUP and M3UA: what is delivered, what is refused, and that a flood of refusals costs lines only once.</summary>
public sealed class IsupTransferTests
{
    private const int Opc = 1, Peer = 2;
    private readonly ManualTimeProvider _time = new();
    private readonly CapturingLogger _log = new();
    private readonly RecordingSignals _signals = new();
    private readonly IsupTransfer _transfer;
    private readonly IsupExchange _exchange;

    public IsupTransferTests()
    {
        _transfer = new IsupTransfer(Opc, networkIndicator: 2, _log, new EventRateLimiter(_time, TimeSpan.FromMinutes(1), burst: 10));
        var options = new IsupExchangeOptions(Opc, [new CircuitGroupOptions(Peer, [new CircuitCodeRange(1, 31)])]);
        _exchange = new IsupExchange(options, _signals, new IgnoredCallEvents(), new IgnoredMaintenance(), _time);
        _transfer.Exchange = _exchange;
        _exchange.RouteAvailable(Peer);
        _signals.Take();
    }

    [Fact]
    public void ISUP_for_our_point_code_reaches_the_procedures()
    {
        // GRS for CICs 1-31 from the peer: the procedures answer it with a GRA.
        byte[] grs = [0x01, 0x00, 0x17, 0x01, 0x01, 0x1E];
        _transfer.DataReceived(new ProtocolDataHeader(Peer, Opc, IsupTransfer.IsupServiceIndicator, 2, 0, 1), grs, routingContext: 1);

        Assert.Equal(1, _transfer.Received);
        Assert.Contains(_signals.Take(), s => s.Type == IsupMessageType.GRA);
    }

    [Fact]
    public void DATA_not_ISUP_for_us_is_refused_counted_and_logged_at_most_ten_times_a_minute()
    {
        byte[] payload = [0x01, 0x00, 0x17, 0x01, 0x01, 0x1E];
        for (int i = 0; i < 1000; i++)
        {
            _transfer.DataReceived(new ProtocolDataHeader(Peer, Opc, 3, 2, 0, 1), payload, null); // SCCP
            _transfer.DataReceived(new ProtocolDataHeader(Peer, 99, IsupTransfer.IsupServiceIndicator, 2, 0, 1), payload, null);
        }

        Assert.Equal(2000, _transfer.Refused);
        Assert.Equal(0, _transfer.Received);
        Assert.Empty(_signals.Take());
        Assert.Equal(10, _log.Matching("event=m3ua-data-refused").Count());

        _time.Advance(TimeSpan.FromMinutes(1));
        _transfer.DataReceived(new ProtocolDataHeader(Peer, Opc, 3, 2, 0, 1), payload, null);
        Assert.Single(_log.Matching("suppressed=1990"));
    }

    [Fact]
    public void Undecodable_ISUP_is_refused_and_the_procedures_never_see_it()
    {
        _transfer.DataReceived(new ProtocolDataHeader(Peer, Opc, IsupTransfer.IsupServiceIndicator, 2, 0, 1), [0x01], null);

        Assert.Equal(1, _transfer.Refused);
        Assert.Empty(_signals.Take());
        Assert.Single(_log.Matching("event=isup-undecodable opc=2"));
    }

    [Fact]
    public void A_message_toward_a_DPC_without_a_route_set_is_dropped_and_counted_never_queued()
    {
        _transfer.Send(Peer, [0x01, 0x00, 0x10]);

        Assert.Equal(1, _transfer.NotSent);
        Assert.Equal(0, _transfer.Sent);
        Assert.Single(_log.Matching("event=isup-not-sent dpc=2"));
    }
}
