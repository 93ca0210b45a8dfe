using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Gateway.Testing;
using Gateway.Tests.EndToEnd;
using Xunit.Abstractions;

namespace Gateway.Tests.Reliability;

/// <summary>
/// Faults of the back-to-back pair with calls up (issue 8 §4, docs/reliability.md): the M3UA association lost
/// mid-traffic, a SIP peer that vanishes mid-call, gateway A killed and restarted. Each ends with every circuit idle and
/// no call left on both gateways, as the operator CLI's <c>status</c> reports them: no stuck CIC. What each measures is
/// written to the test output (<c>--logger "console;verbosity=detailed"</c>).
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class FaultTests(ITestOutputHelper output) : IDisposable
{
    private const string Number = "4930123456";
    private static readonly IPEndPoint NoPbx = new(IPAddress.Loopback, 5999);
    private readonly TempDirectory _directory = new("gw-faults-");

    public void Dispose() => _directory.Dispose();

    internal static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Sipp", name);

    private static Dictionary<string, string> Service => new() { ["service"] = Number };

    /// <summary>A SIPp caller as a process of its own, so that a test can kill it (the PBX vanishing).</summary>
    private static Task<Sipp.Server> StartCaller(string scenario, IPEndPoint target, int calls, params string[] extra) =>
        Sipp.StartServerAsync(Scenario(scenario), IPAddress.Loopback, calls: calls, timeout: TimeSpan.FromSeconds(40),
            extra: ["-s", Number, .. extra, target.ToString()]);

    private static async Task<JsonElement> Calls(string socket)
    {
        GatewayCli.Result result = await GatewayCli.RunAsync("calls", "--json", "--socket", socket);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    [Fact]
    public async Task M3ua_association_lost_mid_traffic_fails_calls_in_setup_with_503_holds_answered_calls_and_leaves_no_stuck_circuit_after_the_return()
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        // The callee rings 1.5 s before it answers: at 20 calls/s some 30 calls are in setup at any moment.
        await using Sipp.Server callee = await Sipp.StartServerAsync(Scenario("uas-reliability-ring-answer.xml"), IPAddress.Loopback,
            calls: 100_000, extra: ["-d", "1500"], timeout: TimeSpan.FromSeconds(90));
        using var pair = await BackToBackPair.StartAsync(_directory, callee.EndPoint, NoPbx, cics: "1-63",
            extraA: new BackToBackPair.Extra(Isup: ", \"routeUnavailableCause\": 38, \"holdAnsweredCallsSeconds\": 3"));

        // Three answered calls that the PBX keeps up: held while the route is gone, then released with cause 41.
        Task<Sipp.Result> held = Sipp.RunClientAsync(Scenario("uac-reliability-held.xml"), pair.SipA, service: Number, calls: 3,
            concurrent: 3, timeout: TimeSpan.FromSeconds(40));
        await pair.A.WaitForLinesAsync("event=answer call=", 3);

        // The steady stream: 20 calls/s for 8 s, each answered (then cleared by the PBX) or refused with 503.
        Task<Sipp.Result> stream = Sipp.RunClientAsync(Scenario("uac-reliability-stream.xml"), pair.SipA, service: Number, calls: 160,
            concurrent: 200, extra: ["-r", "20"], timeout: TimeSpan.FromSeconds(60));
        await pair.A.WaitForLinesAsync("event=start call=", 3 + 50);
        int answeredBefore = pair.A.CountLines("event=answer call=");

        var sinceKill = Stopwatch.StartNew();
        TimeSpan killedAt = DateTime.Now.TimeOfDay;
        pair.B.Signal(DaemonProcess.SIGKILL);
        await pair.B.WaitForExitAsync();
        await pair.A.WaitForLinesAsync("event=destination-unavailable dpc=2", timeout: TimeSpan.FromSeconds(5));
        TimeSpan toUnavailable = sinceKill.Elapsed;

        // Every call that was in setup has failed (503 to the PBX) and only answered calls are left, promptly.
        TimeSpan setupCleared = TimeSpan.Zero;
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            while (true)
            {
                JsonElement calls = await Calls(pair.ControlA);
                if (calls.EnumerateArray().All(c => c.GetProperty("state").GetString() == "answered"))
                {
                    setupCleared = sinceKill.Elapsed;
                    break;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }
        }
        Assert.True(setupCleared < TimeSpan.FromSeconds(2), $"calls in setup still up {setupCleared} after the kill\n{pair.A.Output}");

        // Answered calls are held for holdAnsweredCallsSeconds (3) and then released with cause 41 (BYE to the PBX).
        await pair.A.WaitForLinesAsync("event=held-calls-released dpc=2", timeout: TimeSpan.FromSeconds(10));
        TimeSpan toHeldReleased = sinceKill.Elapsed;
        Assert.InRange(toHeldReleased, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(8));
        Assert.Contains("cause=41", Line(pair.A.Output, "event=held-calls-released"));
        Sipp.Result heldResult = await held;
        Assert.True(heldResult.Succeeded, $"the held calls: {heldResult}\n{pair.Output}");

        // Gateway B comes back with the same configuration: the association returns, the circuits are reset (GRS), and
        // every circuit is idle on both sides with no call left.
        var sinceRestart = Stopwatch.StartNew();
        await pair.RestartBAsync();
        await pair.A.WaitForLinesAsync("event=destination-available dpc=2", 2, TimeSpan.FromSeconds(40));
        await pair.A.WaitForLinesAsync("event=reset-completed", 2, TimeSpan.FromSeconds(20));
        await pair.B.WaitForLinesAsync("event=reset-completed", 1, TimeSpan.FromSeconds(20));
        var (statusA, _) = await GatewayStatus.PollAllIdleAsync(pair.ControlA, 63, TimeSpan.FromSeconds(20));
        var (statusB, _) = await GatewayStatus.PollAllIdleAsync(pair.ControlB, 63, TimeSpan.FromSeconds(20));
        TimeSpan toIdle = sinceRestart.Elapsed;

        Sipp.Result streamResult = await stream;
        Assert.True(streamResult.Succeeded, $"the stream: {streamResult}\n{pair.Output}");
        int refused = DaemonProcess.CountLines(pair.A.Output, "status=503 cause=38");

        // The pair carries calls again.
        Sipp.Result after = await Sipp.RunClientAsync(Scenario("uac-call.xml"), pair.SipA, service: Number);
        Assert.True(after.Succeeded, $"{after}\n{pair.Output}");

        output.WriteLine($"answered before the kill: {answeredBefore}; kill → destination unavailable at A: {toUnavailable.TotalMilliseconds:F0} ms; " +
            $"kill → no call in setup at A (all 503 sent): {setupCleared.TotalMilliseconds:F0} ms; kill → held calls released: {toHeldReleased.TotalMilliseconds:F0} ms");
        // The held calls' release is logged the same way, hold time (3 s) later: the calls in setup are the lines before.
        TimeSpan heldReleasedAt = LogTime(Line(pair.A.Output, "event=held-calls-released"));
        List<TimeSpan> failedAt = [.. LogTimes(pair.A.Output, "cause=41 reason=route-unavailable").Where(t => t < heldReleasedAt - TimeSpan.FromSeconds(1))];
        int failedInSetup = failedAt.Count;
        Assert.NotEmpty(failedAt);
        Assert.True(failedAt.Max() - killedAt < TimeSpan.FromSeconds(1), $"the last call in setup failed {failedAt.Max() - killedAt} after the kill");
        output.WriteLine($"calls failed in setup (503 cause 41): {failedInSetup}, logged {(failedAt.Min() - killedAt).TotalMilliseconds:F0}–{(failedAt.Max() - killedAt).TotalMilliseconds:F0} ms after the kill; " +
            $"new calls refused while down (503 cause 38): {refused}");
        output.WriteLine($"B restarted → all circuits idle on both sides: {toIdle.TotalMilliseconds:F0} ms; A {statusA}; B {statusB}");
    }

    /// <param name="how">
    /// <c>killed</c>: the callee's SIPp is killed, its port closed, so the kernel answers B's BYE with ICMP port
    /// unreachable; <c>frozen</c>: it is stopped (SIGSTOP), its port still bound, so the BYE goes unanswered and is
    /// retransmitted until Timer F.
    /// </param>
    [Theory]
    [InlineData("killed")]
    [InlineData("frozen")]
    public async Task A_callee_that_vanishes_after_answering_gets_a_BYE_that_fails_and_its_circuit_is_freed(string how)
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        Sipp.Server callee = await Sipp.StartServerAsync(Scenario("uas-reliability-ring-answer.xml"), IPAddress.Loopback, calls: 1,
            extra: ["-d", "0"], timeout: TimeSpan.FromSeconds(30));
        int? frozen = null;
        bool killed = false;
        Task<(long Copies, TimeSpan LastGrowth)>? queued = null;
        BackToBackPair? pair = null;
        try
        {
            // Gateway B's SIP timers short: T1 50 ms, so its BYE's Timer F (64·T1) fires after 3.2 s.
            pair = await BackToBackPair.StartAsync(_directory, callee.EndPoint, NoPbx,
                extraB: new BackToBackPair.Extra(Sip: ", \"timers\": { \"t1Ms\": 50, \"t2Ms\": 400 }"));
            Task<Sipp.Result> caller = Sipp.RunClientAsync(Scenario("uac-reliability-hangup-late.xml"), pair.SipA, service: Number);
            await pair.B.WaitForLinesAsync("event=sip-answered call=");
            if (how == "frozen")
            {
                frozen = ProcessSignals.FindSipp(callee.EndPoint.Port) ?? throw new InvalidOperationException("the callee's SIPp is not found");
                ProcessSignals.Send(frozen.Value, DaemonProcess.SIGSTOP);
                queued = CountQueued(callee.EndPoint, settle: TimeSpan.FromSeconds(1.5), limit: TimeSpan.FromSeconds(15));
            }
            else
            {
                await callee.DisposeAsync(); // nothing answers on its port any more
                killed = true;
            }
            Assert.DoesNotContain("event=sip-ended", pair.A.Output); // the PBX hangs up only after that (1.5 s of talk)

            Sipp.Result callerResult = await caller;
            Assert.True(callerResult.Succeeded, $"{callerResult}\n{pair.Output}");
            // The PBX's BYE became REL cause 16 (BYE without Reason, docs/interworking-mapping.md); gateway B answers it
            // with RLC and sends the vanished callee a BYE with that cause; the call ends when that BYE has failed.
            await pair.A.WaitForLinesAsync("dir=sip-to-isup state=released cause=16 reason=remote-hangup");
            await pair.B.WaitForLinesAsync("event=isup-ended call=");
            await pair.B.WaitForLinesAsync("event=sip-ended call=", timeout: TimeSpan.FromSeconds(15));
            string rel = Line(pair.B.Output, "event=isup-ended call=");
            string ended = Line(pair.B.Output, "event=sip-ended call=");
            Assert.Contains("cause=16 reason=rel", rel);
            // RFC 3261 §15: the session is over as soon as the BYE is handed to its transaction, so the call ends then;
            // the transaction alone goes on retransmitting it.
            TimeSpan callEnded = LogTime(ended) - LogTime(rel);
            Assert.True(callEnded < TimeSpan.FromSeconds(2), $"B's call ended {callEnded} after the REL\n{pair.B.Output}");
            string retransmissions = "-";
            if (how == "frozen")
            {
                // The stopped callee's socket queues every copy of the BYE: it must grow (Timer E retransmissions, T1 50 ms,
                // T2 400 ms: about 10 copies) and stop growing at Timer F, 64·T1 = 3.2 s after the first.
                var (copies, lastGrowth) = await queued!;
                Assert.True(copies >= 5, $"only {copies} copies of the BYE reached the silent callee");
                Assert.InRange(lastGrowth, TimeSpan.FromSeconds(2.0), TimeSpan.FromSeconds(4.5));
                retransmissions = $"{copies} copies of the BYE, the last {lastGrowth.TotalMilliseconds:F0} ms after the first";
            }
            var (statusB, _) = await GatewayStatus.PollAllIdleAsync(pair.ControlB, 31, TimeSpan.FromSeconds(15));
            var (statusA, _) = await GatewayStatus.PollAllIdleAsync(pair.ControlA, 31, TimeSpan.FromSeconds(5));
            output.WriteLine($"callee {how}: REL → B's call over after {callEnded.TotalMilliseconds:F0} ms; {retransmissions}; {ended.Trim()}");
            output.WriteLine($"A {statusA}; B {statusB}");
        }
        finally
        {
            if (frozen is int pid) ProcessSignals.Send(pid, DaemonProcess.SIGCONT);
            if (!killed) await callee.DisposeAsync();
            pair?.Dispose();
        }
    }

    [Fact]
    public async Task A_PBX_that_vanishes_while_the_call_rings_never_ACKs_the_200_so_the_call_is_released_with_cause_41_on_both_sides()
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        await using Sipp.Server callee = await Sipp.StartServerAsync(Scenario("uas-reliability-answer-bye41.xml"), IPAddress.Loopback,
            calls: 1, timeout: TimeSpan.FromSeconds(30));
        // Gateway A's SIP timers short: T1 50 ms, so Timer H (no ACK for its 200) fires after 3.2 s.
        using var pair = await BackToBackPair.StartAsync(_directory, callee.EndPoint, NoPbx,
            extraA: new BackToBackPair.Extra(Sip: ", \"timers\": { \"t1Ms\": 50, \"t2Ms\": 400 }"));
        Sipp.Server caller = await StartCaller("uac-call.xml", pair.SipA, 1);
        await pair.A.WaitForLinesAsync("event=acm call=");
        await caller.DisposeAsync(); // the PBX vanishes while the far end rings
        var sinceVanished = Stopwatch.StartNew();

        // The callee answers; A's 200 is never ACKed: REL 41 (docs/call-states.md: the caller gone, no ACK → REL 41),
        // which B turns into a BYE with Reason Q.850 cause 41 (checked by the callee's SIPp).
        Sipp.Result calleeResult = await callee.WaitAsync();
        Assert.True(calleeResult.Succeeded, $"{calleeResult}\n{pair.Output}");
        await pair.A.WaitForLinesAsync("reason=no-ack");
        Assert.Contains("cause=41", Line(pair.A.Output, "reason=no-ack"));
        var (statusA, _) = await GatewayStatus.PollAllIdleAsync(pair.ControlA, 31, TimeSpan.FromSeconds(15));
        var (statusB, _) = await GatewayStatus.PollAllIdleAsync(pair.ControlB, 31, TimeSpan.FromSeconds(5));
        output.WriteLine($"PBX gone → both sides idle: {sinceVanished.Elapsed.TotalMilliseconds:F0} ms (1 s ringing + Timer H 3.2 s); A {statusA}; B {statusB}");
    }

    [Fact]
    public async Task Gateway_A_killed_with_calls_up_and_restarted_resets_every_circuit_and_gateway_B_releases_its_calls()
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        await using Sipp.Server callee = await Sipp.StartServerAsync(Scenario("uas-reliability-ring-answer.xml"), IPAddress.Loopback,
            calls: 4, extra: ["-d", "0"], timeout: TimeSpan.FromSeconds(40));
        using var pair = await BackToBackPair.StartAsync(_directory, callee.EndPoint, NoPbx);
        Sipp.Server caller = await StartCaller("uac-reliability-held.xml", pair.SipA, 4, "-l", "4");
        try
        {
            await pair.A.WaitForLinesAsync("event=answer call=", 4);
            await pair.B.WaitForLinesAsync("event=sip-answered call=", 4);

            pair.A.Signal(DaemonProcess.SIGKILL);
            await pair.A.WaitForExitAsync();
            await pair.B.WaitForLinesAsync("event=destination-unavailable dpc=1", timeout: TimeSpan.FromSeconds(10));
            // B holds its answered calls (holdAnsweredCallsSeconds, 60 by default): only A's reset can end them now.
            Assert.Equal(4, (await GatewayStatus.ReadAsync(pair.ControlB)).ActiveCalls);
        }
        finally
        {
            await caller.DisposeAsync(); // the PBX's calls died with gateway A
        }

        var sinceRestart = Stopwatch.StartNew();
        await pair.RestartAAsync();
        await pair.A.WaitForLinesAsync("event=group-reset-sent", timeout: TimeSpan.FromSeconds(20));
        await pair.A.WaitForLinesAsync("event=reset-completed", timeout: TimeSpan.FromSeconds(20));

        Sipp.Result calleeResult = await callee.WaitAsync(); // each of its 4 calls got a BYE with a Q.850 Reason
        Assert.True(calleeResult.Succeeded, $"{calleeResult}\n{pair.Output}");
        var (statusB, _) = await GatewayStatus.PollAllIdleAsync(pair.ControlB, 31, TimeSpan.FromSeconds(15));
        var (statusA, _) = await GatewayStatus.PollAllIdleAsync(pair.ControlA, 31, TimeSpan.FromSeconds(5));
        TimeSpan toIdle = sinceRestart.Elapsed;
        Assert.Equal(4, DaemonProcess.CountLines(pair.B.Output, "event=isup-ended call="));
        output.WriteLine($"A restarted → B's 4 calls released and every circuit idle on both sides: {toIdle.TotalMilliseconds:F0} ms; A {statusA}; B {statusB}");
    }

    /// <summary>
    /// Watches the receive queue of a stopped SIPp's socket until it has not grown for <paramref name="settle"/>: how
    /// many datagrams of the first one's size arrived, and when the last came relative to the first.
    /// </summary>
    private static async Task<(long Copies, TimeSpan LastGrowth)> CountQueued(IPEndPoint endPoint, TimeSpan settle, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        long baseline = UdpReceiveQueue.Bytes(endPoint) ?? throw new InvalidOperationException($"no UDP socket on {endPoint}");
        long unit = 0, last = baseline;
        TimeSpan firstAt = TimeSpan.Zero, lastAt = TimeSpan.Zero;
        while (clock.Elapsed < limit)
        {
            long bytes = UdpReceiveQueue.Bytes(endPoint) ?? throw new InvalidOperationException($"no UDP socket on {endPoint}");
            if (bytes > last)
            {
                // One copy's size is the smallest step seen: on a busy machine one look can find two copies arrived,
                // and the first two come 50 ms apart.
                if (unit == 0) firstAt = clock.Elapsed;
                unit = unit == 0 ? bytes - last : Math.Min(unit, bytes - last);
                (last, lastAt) = (bytes, clock.Elapsed);
            }
            else if (unit > 0 && clock.Elapsed - lastAt > settle)
            {
                break;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
        return (unit == 0 ? 0 : (last - baseline) / unit, lastAt - firstAt);
    }

    /// <summary>The time of day a console log line starts with (<c>HH:mm:ss.fff INF ...</c>).</summary>
    internal static TimeSpan LogTime(string line) =>
        TimeSpan.ParseExact(line.TrimStart()[..12], @"hh\:mm\:ss\.fff", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The times of the lines holding <paramref name="fragment"/>.</summary>
    internal static List<TimeSpan> LogTimes(string output, string fragment) =>
        [.. output.Split('\n').Where(l => l.Contains(fragment, StringComparison.Ordinal)).Select(LogTime)];

    internal static string Line(string output, string fragment)
    {
        foreach (string line in output.Split('\n'))
        {
            if (line.Contains(fragment, StringComparison.Ordinal)) return line;
        }
        return $"(no line with \"{fragment}\")";
    }
}

/// <summary>The reliability tests run one at a time: each loads the machine, and the soak measures it.</summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection
{
    public const string Name = "Reliability";
}
