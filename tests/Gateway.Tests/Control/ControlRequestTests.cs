using System.Text;
using Gateway.Control;

namespace Gateway.Tests.Control;

public sealed class ControlRequestTests
{
    [Fact]
    public void A_request_survives_its_line_with_arguments_that_hold_spaces_quotes_and_newlines()
    {
        var request = new ControlRequest("trace", ["start", "/tmp/a file \"x\"\n.pcapng"]);
        byte[] line = request.ToJsonLine();

        Assert.Equal((byte)'\n', line[^1]);
        Assert.Equal(1, line.Count(b => b == (byte)'\n'));
        ControlRequest? parsed = ControlRequest.Parse(line.AsSpan(0, line.Length - 1), out string? problem);
        Assert.Null(problem);
        Assert.Equal("trace", parsed!.Command);
        Assert.Equal(request.Args, parsed.Args);
    }

    [Theory]
    [InlineData("")]
    [InlineData("status")]
    [InlineData("{\"command\":1}")]
    [InlineData("{\"command\":\"block\",\"args\":\"1-5\"}")]
    [InlineData("{\"command\":\"block\",\"args\":[1]}")]
    [InlineData("[\"status\"]")]
    [InlineData("{\"command\":\"status\"")]
    public void Anything_else_is_refused_with_a_reason_and_never_throws(string text)
    {
        Assert.Null(ControlRequest.Parse(Encoding.UTF8.GetBytes(text), out string? problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void Args_may_be_left_out()
    {
        ControlRequest? parsed = ControlRequest.Parse("{\"command\":\"status\"}"u8, out _);
        Assert.Empty(parsed!.Args);
    }

    [Theory]
    [InlineData(null, "/run/sip-isup-gateway/control.sock")]
    [InlineData("", "/run/sip-isup-gateway/control.sock")]
    [InlineData("/run/sip-isup-gateway", "/run/sip-isup-gateway/control.sock")]
    [InlineData("/run/x:/run/y", "/run/x/control.sock")]
    public void The_socket_is_in_the_first_runtime_directory_systemd_gives_else_in_the_usual_one(string? runtimeDirectory, string expected) =>
        Assert.Equal(expected, ControlSocketPath.Resolve(runtimeDirectory));
}
