using System.Net;
using Gateway.Testing;

namespace Gateway.Sip.Tests.Stack;

/// <summary>
/// Real SIPp against the UA core (<see cref="SipUserAgent"/>, real time, loopback) with <see cref="SippApp"/> as the
/// application, both ways. SIPp as the caller: the repository's scenarios for the seeds' calls — a basic call, a mid-call
/// INFO with a binary ISUP body, the seeds' CANCEL with its oddly spaced Reason, a CANCEL after the answer, a CANCEL of
/// nothing, a busy callee. SIPp as the callee: an answered call hung up with a Q.850 Reason, a busy callee, a CANCEL
/// while ringing, the CANCEL/200 race. And a basic call each way with SIPp losing 10% of what it sends and receives.
/// SIPp's exit code is the verdict on the wire; afterwards no call, dialog, transaction or message may be left.
/// </summary>
public sealed class SippTests
{
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(10);

    // ---- SIPp calls the UA.

    [Fact]
    public async Task A_basic_call_over_UDP()
    {
        SippApp app = await RunClient("uac-basic-call.xml", "answer", "u1");
        Assert.Equal(["INVITE", "BYE"], app.Methods);
        Assert.Equal(1, app.ConfirmedCount);
    }

    [Fact]
    public async Task A_basic_call_over_TCP()
    {
        SippApp app = await RunClient("uac-basic-call.xml", "answer", "t1");
        Assert.Equal(["INVITE", "BYE"], app.Methods);
        Assert.Equal(1, app.ConfirmedCount);
    }

    [Fact]
    public async Task A_call_with_a_mid_call_INFO_carrying_a_binary_ISUP_body()
    {
        SippApp app = await RunClient("uac-info.xml", "answer", "u1");
        Assert.Equal(["INVITE", "INFO", "BYE"], app.Methods);

        // Byte for byte, NUL included; SIPp ends the body's last line with CRLF and counts it in Content-Length.
        byte[] body = File.ReadAllBytes(ScenarioPath("usr-body.bin"));
        Assert.Equal([.. body, 13, 10], Assert.Single(app.InfoBodies));
    }

    /// <summary>Each Reason of the seeds, as they spell it: odd spacing, typographic quotes, lower case, and Q.850.</summary>
    [Theory]
    [InlineData("Reason: SIP ;cause=486 ;text=\"Busy Here\"", "SIP", 486, "Busy Here")]
    [InlineData("Reason: SIP ;cause=486 ;text=\u201cBusy Here\u201d", "SIP", 486, "Busy Here")]
    [InlineData("Reason: SIP;cause=200;text=\"call completed elsewhere\"", "SIP", 200, "call completed elsewhere")]
    [InlineData("Reason: SIP ;cause=200 ;text=\u201dcall completed elsewhere\u201d", "SIP", 200, "call completed elsewhere")]
    [InlineData("Reason: Q.850;cause=16;text=\"Normal call clearing\"", "Q.850", 16, "Normal call clearing")]
    public async Task The_seeds_cancel_gets_200_then_487_and_the_TU_the_parsed_reason(string header, string protocol, int cause, string text)
    {
        SippApp app = await RunClient("uac-cancel.xml", "ring", "u1", new() { ["reason_header"] = header });
        ReasonValue reason = Assert.Single(Assert.Single(app.Cancels));
        Assert.Equal((protocol, cause, text), (reason.Protocol, reason.Cause, reason.Text));
        Assert.Equal((SipCallEndKind.Cancelled, 487), (Assert.Single(app.Ends).Kind, app.Ends.Single().StatusCode));
    }

    [Fact]
    public async Task The_seeds_cancel_over_TCP()
    {
        SippApp app = await RunClient("uac-cancel.xml", "ring", "t1", new() { ["reason_header"] = "Reason: Q.850;cause=16" });
        Assert.Equal(16, Assert.Single(Assert.Single(app.Cancels)).Cause);
    }

    [Fact]
    public async Task A_cancel_after_the_answer_has_no_effect_and_the_call_ends_with_BYE()
    {
        SippApp app = await RunClient("uac-cancel-after-answer.xml", "answer", "u1");
        Assert.Empty(app.Cancels);
        Assert.Equal(["INVITE", "BYE"], app.Methods);
    }

    [Fact]
    public async Task A_cancel_of_nothing_gets_481()
    {
        SippApp app = await RunClient("uac-cancel-unknown.xml", "answer", "u1");
        Assert.Empty(app.Methods);
    }

    [Fact]
    public async Task A_busy_callee_rejects_with_486_and_a_Q850_reason()
    {
        SippApp app = await RunClient("uac-busy.xml", "busy", "u1");
        SipCallEnd end = Assert.Single(app.Ends);
        Assert.Equal((SipCallEndKind.Rejected, 486), (end.Kind, end.StatusCode));
        Assert.Equal(17, Assert.Single(end.Reasons).Cause);
    }

    // ---- The UA calls SIPp.

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task An_answered_call_is_ACKed_and_hung_up_with_a_Q850_reason(string transport)
    {
        SippApp app = await RunServer("uas-answer.xml", "answer", transport, new SippApp { HangupReason = "Q.850;cause=16" });
        Assert.Equal(1, app.AnsweredCount);
        SipCallEnd end = Assert.Single(app.Ends);
        Assert.Equal(SipCallEndKind.LocalHangup, end.Kind);
        Assert.Equal(("Q.850", 16), (Assert.Single(end.Reasons).Protocol, end.Reasons[0].Cause));
    }

    [Fact]
    public async Task A_busy_callee_ends_the_call_rejected_with_its_Q850_cause()
    {
        SippApp app = await RunServer("uas-busy.xml", "busy", "u1", new SippApp());
        SipCallEnd end = Assert.Single(app.Ends);
        Assert.Equal((SipCallEndKind.Rejected, 486), (end.Kind, end.StatusCode));
        ReasonValue reason = Assert.Single(end.Reasons);
        Assert.Equal(("Q.850", 17, "User busy"), (reason.Protocol, reason.Cause, reason.Text));
        Assert.Equal(0, app.AnsweredCount);
    }

    [Fact]
    public async Task A_cancel_while_ringing_carries_our_reason_and_ends_the_call_with_487()
    {
        SippApp app = await RunServer("uas-ring-cancel.xml", "ring", "u1", new SippApp { CancelReason = "SIP;cause=200;text=\"Call completed elsewhere\"" });
        SipCallEnd end = Assert.Single(app.Ends);
        Assert.Equal((SipCallEndKind.Cancelled, 487), (end.Kind, end.StatusCode));
    }

    [Fact]
    public async Task A_200_crossing_our_cancel_is_ACKed_then_ended_with_BYE()
    {
        SippApp app = await RunServer("uas-answer-after-cancel.xml", "ring", "u1", new SippApp { CancelReason = "SIP;cause=200;text=\"Call completed elsewhere\"" });
        SipCallEnd end = Assert.Single(app.Ends);
        Assert.Equal((SipCallEndKind.Cancelled, 200), (end.Kind, end.StatusCode));
        Assert.Equal(0, app.AnsweredCount);
    }

    // ---- Loss: SIPp drops 10% of the messages it sends and of those it receives; retransmissions must save every call.

    [Fact]
    public async Task Calls_from_SIPp_survive_10_percent_loss()
    {
        const int calls = 20;
        SippApp app = await RunClient("uac-basic-call.xml", "answer", "u1", extra: ["-r", "10"], calls: calls, lossy: true);
        Assert.Equal(calls, app.Ends.Count);
        Assert.All(app.Ends, end => Assert.Equal(SipCallEndKind.RemoteHangup, end.Kind));
    }

    [Fact]
    public async Task Calls_to_SIPp_survive_10_percent_loss()
    {
        const int calls = 20;
        SippApp app = await RunServer("uas-answer-lossy.xml", "answer", "u1", new SippApp(), calls: calls, lossy: true);
        Assert.Equal(calls, app.AnsweredCount);
        Assert.Equal(calls, app.Ends.Count);
        Assert.All(app.Ends, end => Assert.Equal(SipCallEndKind.LocalHangup, end.Kind));
    }

    // ---- Harness.

    /// <summary>
    /// SIPp calls the UA with <paramref name="scenario"/>; the calls go to <paramref name="service"/>. <paramref name="lossy"/>:
    /// SIPp loses 10% of what it sends and receives, and must have lost something.
    /// </summary>
    private static async Task<SippApp> RunClient(
        string scenario, string service, string transport, Dictionary<string, string>? keys = null, string[]? extra = null, int calls = 1,
        bool lossy = false)
    {
        var app = new SippApp();
        await RunWithAgent(app, async agent =>
        {
            IPEndPoint target = transport.StartsWith('t') ? agent.Stack.TcpEndPoint! : agent.Stack.UdpEndPoint!;
            Sipp.Result result = await Sipp.RunClientAsync(
                ScenarioPath(scenario), target, service, transport, keys, Lossy(extra, lossy), calls, TimeSpan.FromSeconds(25), concurrent: calls);
            Assert.True(result.Succeeded, result.ToString());
            Assert.True(!lossy || result.Lost > 0, result.ToString());
        });
        return app;
    }

    /// <summary>
    /// The UA makes <paramref name="calls"/> calls at once to <paramref name="service"/> at SIPp running <paramref name="scenario"/>.
    /// <paramref name="lossy"/>: SIPp loses 10% of what it sends and receives, and must have lost something.
    /// </summary>
    private static async Task<SippApp> RunServer(
        string scenario, string service, string transport, SippApp app, string[]? extra = null, int calls = 1, bool lossy = false)
    {
        await RunWithAgent(app, async agent =>
        {
            await using Sipp.Server sipp = await Sipp.StartServerAsync(
                ScenarioPath(scenario), IPAddress.Loopback, transport, calls, extra: Lossy(extra, lossy), timeout: TimeSpan.FromSeconds(25));
            var protocol = transport.StartsWith('t') ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp;
            for (int i = 0; i < calls; i++)
            {
                app.Call(agent, service, sipp.EndPoint, protocol);
            }

            Sipp.Result result = await sipp.WaitAsync();
            Assert.True(result.Succeeded, result.ToString());
            Assert.True(!lossy || result.Lost > 0, result.ToString());
        });
        return app;
    }

    /// <summary>
    /// Runs <paramref name="run"/> against a started UA, then checks that every call ended and left no dialog, and — once
    /// the UA is disposed — that the stack holds no transaction and no message.
    /// </summary>
    private static async Task RunWithAgent(SippApp app, Func<SipUserAgent, Task> run)
    {
        var agent = new SipUserAgent(
            new SipStackOptions { UdpEndPoint = new IPEndPoint(IPAddress.Loopback, 0), TcpEndPoint = new IPEndPoint(IPAddress.Loopback, 0) },
            new SipUserAgentOptions(),
            app);
        await using (agent)
        {
            agent.Start();
            await run(agent);
            await app.WaitForEndsAsync(EndTimeout);
            Assert.Equal(0, agent.CallCount);
            Assert.Equal(0, agent.DialogCount);
            SipStackCounters counters = agent.Stack.Counters;
            Assert.Equal(0, counters.MalformedDropped + counters.MalformedAnswered + counters.UserErrors);
        }

        Assert.Equal(0, agent.Stack.TransactionCount);
        Assert.Equal(0, agent.Stack.LiveMessages);
    }

    /// <summary>
    /// SIPp's <c>-lost 10</c>: each message sent or received is dropped with probability 10% (SIPp seeds its generator
    /// with the time; it takes no seed). SIPp rolls once for each of the ~130 messages of 20 calls: none is lost with
    /// probability 0.9^130 ≈ 10⁻⁶.
    /// </summary>
    private static string[] Lossy(string[]? extra, bool lossy) => lossy ? [.. extra ?? [], "-lost", "10"] : extra ?? [];

    private static string ScenarioPath(string file) => Path.Combine(AppContext.BaseDirectory, "Sipp", file);
}
