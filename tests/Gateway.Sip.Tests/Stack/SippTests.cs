using System.Net;
using Gateway.Testing;

namespace Gateway.Sip.Tests.Stack;

/// <summary>
/// Real SIPp as the caller, the stack (real time) with <see cref="SippUas"/> as the callee, on loopback: the repository's
/// scenarios for the seeds' calls — a basic call, a mid-call INFO with a binary ISUP body, the seeds' CANCEL with its
/// oddly spaced Reason, a CANCEL after the answer, a CANCEL of nothing. SIPp's exit code is the verdict.
/// </summary>
public sealed class SippTests
{
    [Fact]
    public Task A_basic_call_over_UDP() => Run("uac-basic-call.xml", "answer", "u1");

    [Fact]
    public Task A_basic_call_over_TCP() => Run("uac-basic-call.xml", "answer", "t1");

    [Fact]
    public async Task A_call_with_a_mid_call_INFO_carrying_a_binary_ISUP_body()
    {
        SippUas uas = await Run("uac-info.xml", "answer", "u1");
        Assert.Equal(["INVITE", "INFO", "BYE"], uas.Methods);

        // Byte for byte, NUL included; SIPp ends the body's last line with CRLF and counts it in Content-Length.
        byte[] body = File.ReadAllBytes(ScenarioPath("usr-body.bin"));
        Assert.Equal([.. body, 13, 10], Assert.Single(uas.InfoBodies));
    }

    [Fact]
    public async Task The_seeds_cancel_gets_200_then_487_and_the_TU_the_parsed_reason()
    {
        SippUas uas = await Run("uac-cancel.xml", "ring", "u1", new() { ["reason_header"] = "Reason: SIP ;cause=486 ;text=\"Busy Here\"" });
        ReasonValue reason = Assert.Single(Assert.Single(uas.Cancels));
        Assert.Equal(("SIP", 486, "Busy Here"), (reason.Protocol, reason.Cause, reason.Text));
    }

    [Fact]
    public async Task The_seeds_cancel_over_TCP()
    {
        SippUas uas = await Run("uac-cancel.xml", "ring", "t1", new() { ["reason_header"] = "Reason: Q.850;cause=16" });
        Assert.Equal(16, Assert.Single(Assert.Single(uas.Cancels)).Cause);
    }

    [Fact]
    public async Task A_cancel_after_the_answer_has_no_effect_and_the_call_ends_with_BYE()
    {
        SippUas uas = await Run("uac-cancel-after-answer.xml", "answer", "u1");
        Assert.Empty(uas.Cancels);
        Assert.Equal(["INVITE", "BYE"], uas.Methods);
    }

    [Fact]
    public Task A_cancel_of_nothing_gets_481() => Run("uac-cancel-unknown.xml", "answer", "u1");

    private static async Task<SippUas> Run(string scenario, string service, string transport, Dictionary<string, string>? keys = null)
    {
        SipStack? stack = null;
        var uas = new SippUas(() => $"<sip:uas@{stack!.UdpEndPoint}>");
        stack = new SipStack(
            new SipStackOptions { UdpEndPoint = new IPEndPoint(IPAddress.Loopback, 0), TcpEndPoint = new IPEndPoint(IPAddress.Loopback, 0) },
            uas);
        await using (stack)
        {
            stack.Start();
            IPEndPoint target = transport.StartsWith('t') ? stack.TcpEndPoint! : stack.UdpEndPoint!;
            Sipp.Result result = await Sipp.RunClientAsync(ScenarioPath(scenario), target, service, transport, keys);
            Assert.True(result.Succeeded, result.ToString());
            Assert.Equal(0, stack.Counters.MalformedDropped + stack.Counters.MalformedAnswered + stack.Counters.UserErrors);
        }

        Assert.Equal(0, stack.TransactionCount);
        Assert.Equal(0, stack.LiveMessages);
        return uas;
    }

    private static string ScenarioPath(string file) => Path.Combine(AppContext.BaseDirectory, "Sipp", file);
}
