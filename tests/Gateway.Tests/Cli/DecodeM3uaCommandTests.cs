using System.Text.Json;
using Gateway.Cli;
using Gateway.Testing;

namespace Gateway.Tests.Cli;

public sealed class DecodeM3uaCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Decode(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await new CommandLine([new DecodeCommand()]).RunAsync(["decode", .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static JsonElement Parameter(JsonElement root, int tag) =>
        root.GetProperty("parameters").EnumerateArray().First(p => p.GetProperty("tag").GetInt32() == tag);

    [Fact]
    public async Task A_data_shows_class_type_label_and_the_isup_message_it_carries()
    {
        var (code, output, error) = await Decode("--m3ua", Convert.ToHexString(M3uaWireSamples.DataWithIam));
        Assert.Equal((0, ""), (code, error));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(("DATA", "Payload Data", 72), (root.GetProperty("message").GetString(), root.GetProperty("name").GetString(), root.GetProperty("length").GetInt32()));
        Assert.Equal((1, "Transfer"), (root.GetProperty("class").GetProperty("value").GetInt32(), root.GetProperty("class").GetProperty("name").GetString()));
        Assert.Equal((1, "DATA"), (root.GetProperty("type").GetProperty("value").GetInt32(), root.GetProperty("type").GetProperty("name").GetString()));

        var rc = Parameter(root, 6);
        Assert.Equal(("Routing Context", "0000000a", 10), (rc.GetProperty("name").GetString(), rc.GetProperty("hex").GetString(), rc.GetProperty("fields").GetProperty("routingContexts")[0].GetInt32()));

        var data = Parameter(root, 0x210).GetProperty("fields");
        Assert.Equal((1001, 2002, 0, 5, 40), (data.GetProperty("opc").GetInt32(), data.GetProperty("dpc").GetInt32(), data.GetProperty("mp").GetInt32(), data.GetProperty("sls").GetInt32(), data.GetProperty("userDataLength").GetInt32()));
        Assert.Equal((5, "Isup"), (data.GetProperty("si").GetProperty("value").GetInt32(), data.GetProperty("si").GetProperty("name").GetString()));
        Assert.Equal((2, "National"), (data.GetProperty("ni").GetProperty("value").GetInt32(), data.GetProperty("ni").GetProperty("name").GetString()));
        Assert.Equal(Convert.ToHexStringLower(M3uaWireSamples.Iam40), data.GetProperty("userData").GetString());

        // The 40-octet IAM, decoded by Gateway.Isup: CIC 21, called number 4930123456 with ST, 9 parameters.
        var isup = data.GetProperty("isup");
        Assert.Equal(("IAM", 21, 9), (isup.GetProperty("message").GetString(), isup.GetProperty("cic").GetInt32(), isup.GetProperty("parameters").GetArrayLength()));
        var called = isup.GetProperty("parameters").EnumerateArray().First(p => p.GetProperty("code").GetInt32() == 4);
        Assert.Equal("4930123456F", called.GetProperty("fields").GetProperty("digits").GetString());
    }

    [Fact]
    public async Task A_notify_shows_its_status_by_name_and_a_data_of_another_user_part_stays_hex()
    {
        // go-m3ua's NTFY "has-all-params" (tests/Gateway.M3ua.Tests/Vectors): AS-ACTIVE, ASP Identifier 2, RC 1, INFO.
        var (code, output, _) = await Decode("--m3ua", "010000010000002c000d000800010003001100080000000200060008000000010004000c6465616462656566");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var status = Parameter(json.RootElement, 0x0d).GetProperty("fields");
        Assert.Equal(("AsStateChange", "Active"), (status.GetProperty("statusType").GetProperty("name").GetString(), status.GetProperty("statusInformation").GetProperty("name").GetString()));
        Assert.Equal(2, Parameter(json.RootElement, 0x11).GetProperty("fields").GetProperty("aspIdentifier").GetInt32());
        Assert.Equal("deadbeef", Parameter(json.RootElement, 4).GetProperty("fields").GetProperty("text").GetString());

        // SCCP (SI 3) in DATA: shown as hex, no ISUP decode.
        (code, output, _) = await Decode("--m3ua", "010001010000001c02100014000000010000000203010001deadbeef");
        Assert.Equal(0, code);
        using var sccp = JsonDocument.Parse(output);
        var fields = Parameter(sccp.RootElement, 0x210).GetProperty("fields");
        Assert.Equal(("Sccp", "deadbeef"), (fields.GetProperty("si").GetProperty("name").GetString(), fields.GetProperty("userData").GetString()));
        Assert.False(fields.TryGetProperty("isup", out _));
    }

    [Fact]
    public async Task A_registration_request_shows_each_routing_key_with_its_parameters_inside()
    {
        // REG REQ with one Routing Key: Local-RK-Identifier 1, DPC 2002, SI 5 (ISUP); then a parameter the codec does
        // not know, shown by tag and hex.
        var (code, output, error) = await Decode("--m3ua", "01000901 0000002c 0207001c 020a000800000001 020b0008000007d2 020c000505000000 77770008 01020304");
        Assert.Equal((0, ""), (code, error));
        using var json = JsonDocument.Parse(output);
        var key = Parameter(json.RootElement, 0x207);
        Assert.Equal("Routing Key", key.GetProperty("name").GetString());
        var inner = key.GetProperty("parameters");
        Assert.Equal(3, inner.GetArrayLength());
        Assert.Equal(1, inner[0].GetProperty("fields").GetProperty("localRoutingKeyIdentifier").GetInt32());
        Assert.Equal(2002, inner[1].GetProperty("fields").GetProperty("pointCode").GetInt32());
        Assert.Equal("Isup", inner[2].GetProperty("fields").GetProperty("serviceIndicators")[0].GetProperty("name").GetString());
        var unknown = Parameter(json.RootElement, 0x7777);
        Assert.Equal(("unknown", "01020304"), (unknown.GetProperty("name").GetString(), unknown.GetProperty("hex").GetString()));
        Assert.False(unknown.TryGetProperty("fields", out _));
    }

    [Fact]
    public async Task A_dupu_names_the_cause_and_the_user_part_when_the_user_is_a_service_indicator()
    {
        // DUPU for DPC 2002: ISUP (5) inaccessible; then the same with a user field no SI can be (0x0105).
        var (code, output, _) = await Decode("--m3ua", "0100020500000018 00120008000007d2 0204000800020005");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var fields = Parameter(json.RootElement, 0x204).GetProperty("fields");
        Assert.Equal(("InaccessibleRemoteUser", "Isup"), (fields.GetProperty("cause").GetProperty("name").GetString(), fields.GetProperty("user").GetProperty("name").GetString()));
        Assert.Equal(2002, Parameter(json.RootElement, 0x12).GetProperty("fields").GetProperty("pointCodes")[0].GetProperty("pointCode").GetInt32());

        (code, output, _) = await Decode("--m3ua", "0100020500000018 00120008000007d2 0204000800020105");
        Assert.Equal(0, code);
        using var odd = JsonDocument.Parse(output);
        Assert.Equal(261, Parameter(odd.RootElement, 0x204).GetProperty("fields").GetProperty("user").GetInt32());
    }

    [Theory]
    // NTFY without its Status; an ASPUP of version 2; class 16 (gom3ua_header_has_all); DATA whose ISUP CNF has a
    // pointer into its own pointer octets (jss7_CNF from the ISUP vectors); not hex at all.
    [InlineData("0100000100000008", "--m3ua: mandatory parameter missing (Status, tag 0x000d) at octet 8; ERR Missing Parameter (0x16)")]
    [InlineData("0200030100000008", "--m3ua: version is not 1 at octet 0; ERR Invalid Version (0x01)")]
    [InlineData("010010100000000cdeadbeef", "--m3ua: unsupported message class at octet 2; ERR Unsupported Message Class (0x03)")]
    [InlineData("0100010100000020021000170000000100000002050200010c0b2f0102809000", "--m3ua: DATA's ISUP user data (from its CIC): pointer out of range (Cause indicators, code 0x12) at octet 3")]
    [InlineData("01000301zz", "--m3ua: not hexadecimal octets")]
    public async Task A_bad_message_is_one_line_and_exit_1(string hex, string expected)
    {
        var (code, output, error) = await Decode("--m3ua", hex);
        Assert.Equal((1, ""), (code, output));
        Assert.Equal(expected, error.TrimEnd());
    }

    [Fact]
    public async Task M3ua_and_another_option_at_once_is_a_usage_error()
    {
        var (code, _, error) = await Decode("--m3ua", "0100030100000008", "--isup", "0c0b13");
        Assert.Equal(64, code);
        Assert.Contains("--m3ua HEX", error);
    }
}
