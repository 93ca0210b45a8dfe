using Gateway.Testing;

namespace Gateway.M3ua.Management.Tests;

/// <summary>
/// The management wired through <see cref="M3uaSignalCodec"/> as bytes: two IPSPs back to back in virtual time, each
/// one's signals encoded by <see cref="M3uaSignalEncodingSink"/>, carried as octets and decoded for the other; and what
/// a malformed message is answered with.
/// </summary>
public sealed class BridgeTests
{
    /// <summary>One end: its management, what it reported, and the octets it put on the wire.</summary>
    private sealed class End : IM3uaMessageSink, IM3uaManagementEventSink
    {
        private readonly Queue<(End To, byte[] Message)> _wire;

        public End(M3uaManagementOptions options, ManualTimeProvider time, Queue<(End, byte[])> wire)
        {
            _wire = wire;
            Sink = new M3uaSignalEncodingSink(this);
            Management = new M3uaManagement(options, Sink, this, time);
        }

        public M3uaManagement Management { get; }

        public M3uaSignalEncodingSink Sink { get; }

        public End? Peer { get; set; }

        public List<byte[]> Sent { get; } = [];

        public List<M3uaManagementEventKind> Events { get; } = [];

        public List<M3uaSignalResult> Failures { get; } = [];

        public void Send(ReadOnlySpan<byte> message, int stream)
        {
            Assert.Equal(0, stream);
            Sent.Add(message.ToArray());
            _wire.Enqueue((Peer!, message.ToArray()));
        }

        public void EncodeFailed(in M3uaSignal signal, in M3uaSignalResult result) => Failures.Add(result);

        public void Report(in M3uaManagementEvent managementEvent) => Events.Add(managementEvent.Kind);

        public int Count(M3uaMessageType type)
        {
            int count = 0;
            foreach (byte[] message in Sent)
            {
                if (message[2] == ((ushort)type >> 8) && message[3] == (byte)type)
                {
                    count++;
                }
            }

            return count;
        }
    }

    private sealed class Pair
    {
        private readonly Queue<(End To, byte[] Message)> _wire = new();

        public Pair(M3uaManagementOptions client, M3uaManagementOptions server)
        {
            Client = new End(client, Time, _wire);
            Server = new End(server, Time, _wire);
            Client.Peer = Server;
            Server.Peer = Client;
        }

        public ManualTimeProvider Time { get; } = new();

        public End Client { get; }

        public End Server { get; }

        public void Connect()
        {
            Server.Management.AssociationUp();
            Client.Management.AssociationUp();
            Pump();
        }

        public void Pump()
        {
            for (int guard = 0; _wire.Count > 0; guard++)
            {
                Assert.True(guard < 1000, "the two ends keep talking");
                var (to, message) = _wire.Dequeue();

                // Replies to what does not decode go back where the message came from.
                M3uaSignalResult result = M3uaSignalCodec.Receive(to.Management, message, to);
                Assert.True(result.Succeeded, result.ToString());
            }
        }

        public void Advance(double seconds)
        {
            for (double passed = 0; passed < seconds; passed += 0.5)
            {
                Time.Advance(TimeSpan.FromSeconds(0.5));
                Pump();
            }
        }
    }

    private static M3uaManagementOptions Ipsp(ManagementRole role, ExchangeMode exchange) =>
        Options.Ipsp(role, exchange) with { Timers = ManagementTimerSettings.Default with { AuditInterval = TimeSpan.Zero } };

    [Theory]
    [InlineData(ExchangeMode.Single)]
    [InlineData(ExchangeMode.Double)]
    public void Two_ipsps_reach_traffic_over_bytes_and_keep_it_with_heartbeats(ExchangeMode exchange)
    {
        var pair = new Pair(Ipsp(ManagementRole.IpspClient, exchange), Ipsp(ManagementRole.IpspServer, exchange));
        pair.Connect();
        Assert.True(pair.Client.Management.TrafficMayFlow(Options.Rc));
        Assert.True(pair.Server.Management.TrafficMayFlow(Options.Rc));
        Assert.Contains(M3uaManagementEventKind.TrafficStarted, pair.Client.Events);
        Assert.Contains(M3uaManagementEventKind.TrafficStarted, pair.Server.Events);
        Assert.Equal(1, pair.Client.Count(M3uaMessageType.AspUp));
        Assert.Equal(1, pair.Server.Count(M3uaMessageType.AspUpAck));
        Assert.Equal(1, pair.Client.Count(M3uaMessageType.AspAc));
        Assert.Equal(1, pair.Server.Count(M3uaMessageType.AspAcAck));

        // BEAT both ways, each answered with a BEAT ACK echoing its data: nobody is found dead, nothing mismatches.
        pair.Advance(60);
        Assert.True(pair.Client.Count(M3uaMessageType.Beat) >= 5);
        Assert.Equal(pair.Client.Count(M3uaMessageType.Beat), pair.Server.Count(M3uaMessageType.BeatAck));
        Assert.Equal(pair.Server.Count(M3uaMessageType.Beat), pair.Client.Count(M3uaMessageType.BeatAck));
        Assert.Equal(0, pair.Client.Management.Counters.HeartbeatMismatches);
        Assert.Equal(0, pair.Server.Management.Counters.HeartbeatMismatches);
        Assert.DoesNotContain(M3uaManagementEventKind.AssociationDead, pair.Client.Events);
        Assert.DoesNotContain(M3uaManagementEventKind.AssociationDead, pair.Server.Events);
        Assert.True(pair.Client.Management.TrafficMayFlow(Options.Rc));

        Assert.Equal(0, pair.Client.Count(M3uaMessageType.Err) + pair.Server.Count(M3uaMessageType.Err));
        Assert.Empty(pair.Client.Failures);
        Assert.Empty(pair.Server.Failures);
        Assert.Equal(0, pair.Client.Sink.Failures + pair.Server.Sink.Failures);

        pair.Client.Management.Shutdown();
        pair.Pump();
        Assert.False(pair.Server.Management.TrafficMayFlow());
        pair.Client.Management.AssociationDown();
        pair.Server.Management.AssociationDown();
        Assert.Equal(0, pair.Time.ActiveTimers);
    }

    [Fact]
    public void A_malformed_message_is_answered_with_the_err_the_codec_builds_and_not_delivered()
    {
        var queue = new Queue<(End, byte[])>();
        var server = new End(Ipsp(ManagementRole.IpspServer, ExchangeMode.Single), new ManualTimeProvider(), queue);
        server.Peer = server;

        // NTFY without its mandatory Status.
        byte[] ntfy = [1, 0, 0, 1, 0, 0, 0, 8];
        M3uaSignalResult result = M3uaSignalCodec.Receive(server.Management, ntfy, server);
        Assert.Equal((M3uaSignalError.Malformed, M3uaError.MissingParameter, M3uaErrorCode.MissingParameter), (result.Error, result.CodecError, result.ErrorCode));
        byte[] expected = M3uaErrorReply.Create(M3uaErrorCode.MissingParameter, ntfy).Encode();
        Assert.Equal(expected, Assert.Single(server.Sent));
        Assert.True(M3uaSignalCodec.TryDecode(server.Sent[0], out M3uaSignal err).Succeeded);
        Assert.Equal((M3uaMessageType.Err, M3uaErrorCode.MissingParameter), (err.Type, err.ErrorCode));
        Assert.Empty(server.Events); // nothing reached the machines

        // An unknown version, and an ASPAC with a traffic mode RFC 4666 does not define.
        server.Sent.Clear();
        Assert.Equal(M3uaErrorCode.InvalidVersion, M3uaSignalCodec.Receive(server.Management, [2, 0, 3, 1, 0, 0, 0, 8], server).ErrorCode);
        byte[] aspac = [1, 0, 4, 1, 0, 0, 0, 16, 0, 0x0B, 0, 8, 0, 0, 0, 9];
        Assert.Equal(M3uaErrorCode.UnsupportedTrafficModeType, M3uaSignalCodec.Receive(server.Management, aspac, server).ErrorCode);
        Assert.Equal(
            [M3uaErrorReply.Create(M3uaErrorCode.InvalidVersion, [2, 0, 3, 1, 0, 0, 0, 8]).Encode(), M3uaErrorReply.Create(M3uaErrorCode.UnsupportedTrafficModeType, aspac).Encode()],
            server.Sent);

        // A broken ERR is never answered (no ping-pong), and DATA is not the management's: no answer either.
        server.Sent.Clear();
        Assert.Equal(M3uaSignalError.Malformed, M3uaSignalCodec.Receive(server.Management, [1, 0, 0, 0, 0, 0, 0, 8], server).Error);
        byte[] data = new M3uaMessage(M3uaMessageType.Data).Add(new ProtocolData(new ProtocolDataHeader(1, 2, 5, 2, 0, 0), new byte[] { 0x01, 0x00, 0x10 })).Encode();
        Assert.Equal(M3uaSignalError.NotASignal, M3uaSignalCodec.Receive(server.Management, data, server).Error);
        Assert.Empty(server.Sent);
    }

    [Fact]
    public void A_signal_that_cannot_be_encoded_is_reported_to_the_port()
    {
        var end = new End(Ipsp(ManagementRole.IpspServer, ExchangeMode.Single), new ManualTimeProvider(), new Queue<(End, byte[])>());
        end.Sink.Send(M3uaSignal.Of(M3uaMessageType.Err));
        Assert.Empty(end.Sent);
        Assert.Equal(M3uaSignalError.InvalidField, Assert.Single(end.Failures).Error);
        Assert.Equal(1, end.Sink.Failures);

        // Longer than the stack buffer: a pooled one carries it.
        var many = new PointCodeRange[300];
        for (int i = 0; i < many.Length; i++)
        {
            many[i] = new PointCodeRange(i + 1);
        }

        end.Peer = end;
        end.Sink.Send(M3uaSignal.Destinations(M3uaMessageType.Dava, many));
        Assert.True(M3uaSignalCodec.TryDecode(Assert.Single(end.Sent), out M3uaSignal dava).Succeeded);
        Assert.Equal(many, dava.AffectedPointCodes.ToArray());
    }
}
