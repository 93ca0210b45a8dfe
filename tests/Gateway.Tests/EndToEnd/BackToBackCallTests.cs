using System.Net;
using Gateway.Testing;

namespace Gateway.Tests.EndToEnd;

/// <summary>
/// Calls through two real gateways back to back over M3UA/TCP, between real SIPp processes on loopback (issue:
/// interworking, end to end): SIPp UAC → gateway A (SIP → ISUP) → ISUP over M3UA → gateway B (ISUP → SIP) → SIPp UAS.
/// What one side's SIP says reaches the other only through ISUP, so each check on the far SIPp proves the mapping twice.
/// </summary>
public sealed class BackToBackCallTests : IDisposable
{
    private const string Number = "4930123456";
    private readonly TempDirectory _directory = new("gw-e2e-");

    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Sipp", name);

    private async Task<(Sipp.Result Caller, Sipp.Result Callee, BackToBackPair Pair)> Call(
        string uac, string uas, Dictionary<string, string>? uacKeys = null, Dictionary<string, string>? uasKeys = null)
    {
        var (caller, callee, pair, _) = await Call(uac, uas, uacKeys, uasKeys, captureRel: false);
        return (caller, callee, pair);
    }

    /// <param name="captureRel">Also capture the M3UA link and return the REL messages that crossed it ("cic\tcause", as tshark decodes them).</param>
    private async Task<(Sipp.Result Caller, Sipp.Result Callee, BackToBackPair Pair, IReadOnlyList<string> Rel)> Call(
        string uac, string uas, Dictionary<string, string>? uacKeys, Dictionary<string, string>? uasKeys, bool captureRel)
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        var calleeKeys = new Dictionary<string, string> { ["service"] = Number };
        foreach (var (k, v) in uasKeys ?? []) calleeKeys[k] = v;
        await using Sipp.Server callee = await Sipp.StartServerAsync(Scenario(uas), IPAddress.Loopback, keys: calleeKeys, timeout: TimeSpan.FromSeconds(30));
        var pair = await BackToBackPair.StartAsync(_directory, callee.EndPoint, new IPEndPoint(IPAddress.Loopback, 5999));
        try
        {
            using LoopbackCapture? capture = captureRel ? await LoopbackCapture.StartAsync($"tcp port {pair.M3uaPort}") : null;
            Sipp.Result caller = await Sipp.RunClientAsync(Scenario(uac), pair.SipA, service: Number, keys: uacKeys, timeout: TimeSpan.FromSeconds(30));
            Sipp.Result calleeResult = await callee.WaitAsync();
            var rel = new List<string>();
            if (capture is not null)
            {
                foreach (var (_, stream) in await capture.StopAndReadTcpStreamsAsync())
                {
                    foreach (Tshark.Frame frame in Tshark.DecodeM3uaStream(stream, "isup.message_type", "isup.cic", "isup.cause_indicator"))
                    {
                        Assert.False(frame.Malformed, frame.ToString());
                        if (frame.Fields[0] == "12") rel.Add(frame.Fields[1] + "\t" + frame.Fields[2]);
                    }
                }
            }

            return (caller, calleeResult, pair, rel);
        }
        catch
        {
            pair.Dispose();
            throw;
        }
    }

    [Fact]
    public async Task A_basic_call_is_answered_and_cleared_through_both_gateways()
    {
        var (caller, callee, pair) = await Call("uac-call.xml", "uas-answer.xml");
        using var _ = pair;

        BothSucceeded(caller, callee, pair);
        await pair.A.WaitForLinesAsync("dir=sip-to-isup state=answered");
        await pair.A.WaitForLinesAsync("state=released");
        await pair.B.WaitForLinesAsync("state=released");
    }

    [Fact]
    public async Task A_busy_callee_gives_the_caller_486_with_Reason_cause_17()
    {
        var (caller, callee, pair) = await Call("uac-busy.xml", "uas-busy.xml");
        using var _ = pair;

        BothSucceeded(caller, callee, pair);
    }

    [Theory]
    [InlineData("Reason: SIP ;cause=486 ;text=\"Busy Here\"", 17)]
    [InlineData("Reason: SIP ;cause=486 ;text=\u201cBusy Here\u201d", 17)]
    [InlineData("Reason: SIP;cause=200;text=\"call completed elsewhere\"", 26)]
    [InlineData("Reason: SIP ;cause=200 ;text=\u201dcall completed elsewhere\u201d", 26)]
    [InlineData("Reason: Q.850;cause=16;text=\"Normal call clearing\"", 16)]
    [InlineData("Reason: SIP;cause=480, Q.850;cause=21", 21)]
    [InlineData("X-Without-Reason: yes", 16)]
    public async Task A_CANCEL_becomes_REL_with_the_cause_its_Reason_names_and_the_far_side_hears_that_cause(string reasonHeader, int cause)
    {
        var (caller, callee, pair, rel) = await Call("uac-cancel.xml", "uas-ring-cancel.xml",
            uacKeys: new() { ["reason_header"] = reasonHeader }, uasKeys: null, captureRel: true);
        using var _ = pair;

        BothSucceeded(caller, callee, pair);

        // On the wire, decoded by tshark from the captured M3UA: exactly one REL, with that cause.
        string only = Assert.Single(rel);
        Assert.Equal(cause.ToString(System.Globalization.CultureInfo.InvariantCulture), only.Split('\t')[1]);

        // A released with that cause; B received it in the REL and put it in its CANCEL's Reason (which SIPp checked).
        await pair.A.WaitForLinesAsync($"event=sip-ended call=");
        Assert.Contains($"dir=sip-to-isup state=released cause={cause}", pair.A.Output);
        await pair.B.WaitForLinesAsync($"dir=isup-to-sip state=releasing cause={cause}");
    }

    [Fact]
    public async Task No_answer_gives_the_caller_408_with_Reason_cause_18()
    {
        var (caller, callee, pair) = await Call("uac-no-answer.xml", "uas-no-answer.xml");
        using var _ = pair;

        BothSucceeded(caller, callee, pair);
        await pair.B.WaitForLinesAsync("dir=isup-to-sip state=released cause=18");
    }

    [Fact]
    public async Task The_callee_hanging_up_reaches_the_caller_as_BYE_with_Reason_cause_16()
    {
        var (caller, callee, pair) = await Call("uac-remote-bye.xml", "uas-hangup.xml");
        using var _ = pair;

        BothSucceeded(caller, callee, pair);
        await pair.A.WaitForLinesAsync("event=isup-ended");
        Assert.Contains("dir=sip-to-isup state=released cause=16", pair.A.Output);
    }

    [Fact]
    public async Task A_200_crossing_the_far_CANCEL_is_ACKed_and_ended_with_BYE_carrying_the_REL_cause()
    {
        var (caller, callee, pair) = await Call("uac-cancel.xml", "uas-answer-after-cancel.xml",
            uacKeys: new() { ["reason_header"] = "Reason: SIP;cause=486;text=\"Busy Here\"" });
        using var _ = pair;

        BothSucceeded(caller, callee, pair);
        await pair.B.WaitForLinesAsync("dir=isup-to-sip state=released");
    }

    [Fact]
    public async Task A_CANCEL_crossing_our_200_gets_200_and_no_REL_and_the_BYE_that_follows_clears_the_call()
    {
        var (caller, callee, pair) = await Call("uac-cancel-after-answer.xml", "uas-answer.xml");
        using var _ = pair;

        BothSucceeded(caller, callee, pair);
        await pair.A.WaitForLinesAsync("state=released");
        Assert.Contains("dir=sip-to-isup state=released cause=16 reason=remote-hangup", pair.A.Output);
        Assert.DoesNotContain("reason=cancelled", pair.A.Output);
    }

    [Fact]
    public async Task User_to_user_information_in_an_INFO_crosses_ISUP_as_USR_and_arrives_with_the_same_bytes()
    {
        var (caller, callee, pair) = await Call("uac-info.xml", "uas-info.xml");
        using var _ = pair;

        BothSucceeded(caller, callee, pair);
    }

    [Fact]
    public async Task An_INVITE_from_an_address_that_is_no_trunk_source_gets_403_and_never_reaches_ISUP()
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        using var pair = await BackToBackPair.StartAsync(_directory, new IPEndPoint(IPAddress.Loopback, 5998), new IPEndPoint(IPAddress.Loopback, 5999));

        // 127.0.0.2 is loopback too, but not in the trunk's sources (127.0.0.1).
        Sipp.Result caller = await Sipp.RunClientAsync(Scenario("uac-forbidden.xml"), pair.SipA, service: Number, extra: ["-i", "127.0.0.2"]);

        Assert.True(caller.Succeeded, $"{caller}\n{pair.Output}");
        await pair.A.WaitForLinesAsync("event=call-refused dir=sip-to-isup");
        Assert.Contains("source=127.0.0.2 status=403", pair.A.Output);
        Assert.DoesNotContain("event=start call=", pair.B.Output);
    }

    [Fact]
    public async Task With_the_PSTN_side_unreachable_an_INVITE_gets_503_with_Reason_cause_34()
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        var sipA = new IPEndPoint(IPAddress.Loopback, Sipp.FreePort(IPAddress.Loopback));
        using var a = await BackToBackPair.StartAloneAsync(_directory, sipA, new IPEndPoint(IPAddress.Loopback, 5999));

        Sipp.Result caller = await Sipp.RunClientAsync(Scenario("uac-unavailable.xml"), sipA, service: Number);

        Assert.True(caller.Succeeded, $"{caller}\n{a.Output}");
        Assert.Contains("status=503 cause=34", a.Output);
    }

    [Fact]
    public async Task User_to_user_information_from_the_far_end_reaches_the_PBX_as_INFO_with_the_same_bytes()
    {
        var (caller, callee, pair) = await Call("uac-receive-info.xml", "uas-info-sender.xml");
        using var _ = pair;

        BothSucceeded(caller, callee, pair);
    }

    [Fact]
    public async Task A_silent_callee_gets_ACM_sent_on_T11_so_the_caller_hears_183_instead_of_a_T7_failure()
    {
        var (caller, callee, pair) = await Call("uac-cancel-on-progress.xml", "uas-silent.xml",
            uacKeys: new() { ["reason_header"] = "Reason: Q.850;cause=16" });
        using var _ = pair;

        BothSucceeded(caller, callee, pair);
        Assert.Contains("event=address-complete-due", pair.B.Output);
        Assert.DoesNotContain("address-complete-timeout", pair.A.Output);
    }

    [Fact]
    public async Task Calls_from_both_ends_for_the_only_circuit_at_once_one_completes_the_other_gets_503_and_the_circuit_is_free_after()
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        await using Sipp.Server behindB = await Sipp.StartServerAsync(Scenario("uas-answer.xml"), IPAddress.Loopback, calls: 2,
            keys: new Dictionary<string, string> { ["service"] = Number }, timeout: TimeSpan.FromSeconds(30));
        await using Sipp.Server behindA = await Sipp.StartServerAsync(Scenario("uas-answer.xml"), IPAddress.Loopback,
            keys: new Dictionary<string, string> { ["service"] = Number }, timeout: TimeSpan.FromSeconds(30));

        // One circuit, CIC 2: even, so B (the higher point code) controls it in dual seizure (Q.764 §2.9.1.4).
        using var pair = await BackToBackPair.StartAsync(_directory, behindB.EndPoint, behindA.EndPoint, cics: "2");
        Task<Sipp.Result> fromPbx = Sipp.RunClientAsync(Scenario("uac-answered-or-refused.xml"), pair.SipA, service: Number);
        Task<Sipp.Result> fromPstn = Sipp.RunClientAsync(Scenario("uac-answered-or-refused.xml"), pair.SipB, service: Number);
        Sipp.Result[] results = await Task.WhenAll(fromPbx, fromPstn);

        Assert.All(results, r => Assert.True(r.Succeeded, $"{r}\n{pair.Output}"));
        string both = pair.A.Output + pair.B.Output;
        Assert.True(DaemonProcess.CountLines(both, "event=answer call=") == 1, pair.Output);
        // The loser either found the circuit taken (refused at once) or lost a dual seizure on the wire (both sides log
        // event=glare; the side that does not control CIC 2, A, backs off and its caller gets 503 for cause 34).
        int refused = DaemonProcess.CountLines(both, "event=circuit-refused") + DaemonProcess.CountLines(both, "status=503")
            + DaemonProcess.CountLines(both, "cause=34 reason=dual-seizure");
        Assert.True(refused == 1, pair.Output);
        if (both.Contains("event=glare", StringComparison.Ordinal))
        {
            Assert.Contains("event=glare dpc=2 cic=2 state=OutgoingAwaitingAcm message=IAM action=back-off", pair.A.Output);
            Assert.Contains("action=continue", pair.B.Output);
        }

        // The circuit is idle again on both sides: the next call takes it.
        await pair.A.WaitForLinesAsync("state=released");
        await pair.B.WaitForLinesAsync("state=released");
        Sipp.Result after = await Sipp.RunClientAsync(Scenario("uac-call.xml"), pair.SipA, service: Number);
        Assert.True(after.Succeeded, $"{after}\n{pair.Output}");
    }

    [Fact]
    public async Task User_to_user_information_in_the_BYE_crosses_ISUP_in_the_REL_and_reaches_the_far_BYE()
    {
        var (caller, callee, pair) = await Call("uac-bye-uui.xml", "uas-bye-uui.xml");
        using var _ = pair;

        BothSucceeded(caller, callee, pair);
    }

    [Fact]
    public async Task SIGTERM_with_a_call_up_refuses_new_calls_releases_the_call_after_the_drain_time_and_exits_0()
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        await using Sipp.Server callee = await Sipp.StartServerAsync(Scenario("uas-answer.xml"), IPAddress.Loopback,
            keys: new Dictionary<string, string> { ["service"] = Number }, timeout: TimeSpan.FromSeconds(30));
        using var pair = await BackToBackPair.StartAsync(_directory, callee.EndPoint, new IPEndPoint(IPAddress.Loopback, 5999));

        // The PBX's side waits for a BYE: the only one that comes is gateway A's, when its drain time (1 s) is over.
        Task<Sipp.Result> caller = Sipp.RunClientAsync(Scenario("uac-remote-bye.xml"), pair.SipA, service: Number);
        await pair.A.WaitForLinesAsync("event=answer call=");
        pair.A.Signal(DaemonProcess.SIGTERM);

        BothSucceeded(await caller, await callee.WaitAsync(), pair);
        Assert.Equal(0, await pair.A.WaitForExitAsync());
        Assert.Contains("event=abort call=", pair.A.Output);
        Assert.Contains("event=draining active=1", pair.A.Output);
        Assert.Contains("event=drained left=0", pair.A.Output);
    }

    private static void BothSucceeded(Sipp.Result caller, Sipp.Result callee, BackToBackPair pair)
    {
        Assert.True(caller.Succeeded, $"the PBX's SIPp: {caller}\n{pair.Output}");
        Assert.True(callee.Succeeded, $"the callee's SIPp: {callee}\n{pair.Output}");
    }

    public void Dispose() => _directory.Dispose();
}
