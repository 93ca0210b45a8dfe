using System.Text.Json;
using Gateway.Cli;

namespace Gateway.Tests.Cli;

public sealed class DecodeCommandTests
{
    private static string Vector(string path) => Path.Combine(AppContext.BaseDirectory, "Vectors", path);

    private static async Task<(int Code, string Output, string Error)> Decode(string file)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await new CommandLine([new DecodeCommand()]).RunAsync(["decode", "--sip", file], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_sip_i_183_decodes_to_json_with_its_multipart_isup_body_as_hex()
    {
        var (code, output, error) = await Decode(Vector("calls/nmusco_sipi_183_multipart_sdp_isup_ACM.bin"));
        Assert.Equal((0, ""), (code, error));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("response", root.GetProperty("kind").GetString());
        Assert.Equal(183, root.GetProperty("statusCode").GetInt32());
        Assert.Equal("Allow", root.GetProperty("headers")[0].GetProperty("name").GetString()); // wire order, as captured
        var parts = root.GetProperty("body").GetProperty("parts");
        Assert.Equal(2, parts.GetArrayLength());
        Assert.StartsWith("v=0\r\n", parts[0].GetProperty("text").GetString());
        Assert.Equal("0612000129010100", parts[1].GetProperty("hex").GetString());
    }

    [Fact]
    public async Task A_sip_t_bye_shows_its_q850_reason()
    {
        var (code, output, _) = await Decode(Vector("calls/nmusco_sipt_BYE_reason_q850_isup_REL.bin"));
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var reason = json.RootElement.GetProperty("typed").GetProperty("reason")[0];
        Assert.Equal("Q.850", reason.GetProperty("protocol").GetString());
        Assert.Equal(31, reason.GetProperty("cause").GetInt32());
        Assert.Equal("BYE", json.RootElement.GetProperty("method").GetString());
    }

    [Theory]
    [InlineData("torture/clerr.dat", "400 Bad Request - Content-Length exceeds body")]
    [InlineData("torture/badinv01.dat", "400 Bad Request - Invalid Via header")]
    [InlineData("torture/badvers.dat", "505 ")]
    public async Task A_bad_message_is_one_line_and_exit_1(string file, string expected)
    {
        var (code, output, error) = await Decode(Vector(file));
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Every_valid_torture_message_decodes()
    {
        foreach (var file in Directory.GetFiles(Vector("torture"), "*.dat"))
        {
            string name = Path.GetFileName(file);
            if (!File.ReadAllLines(Vector("torture/MANIFEST.tsv")).Any(l => l.StartsWith(name + "\tvalid", StringComparison.Ordinal))) continue;
            var (code, output, error) = await Decode(file);
            Assert.True(code == 0, $"{name}: {error}");
            using var _ = JsonDocument.Parse(output);
        }
    }
}

public sealed class DecodeIsupCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Decode(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await new CommandLine([new DecodeCommand()]).RunAsync(["decode", .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static JsonElement Parameter(JsonElement root, int code) =>
        root.GetProperty("parameters").EnumerateArray().First(p => p.GetProperty("code").GetInt32() == code);

    [Fact]
    public async Task An_iam_from_the_cic_shows_type_cic_and_every_parameter_with_typed_fields()
    {
        // jSS7's IAM test vector (tests/Gateway.Isup.Tests/Vectors): called, calling, redirecting, original called numbers...
        var (code, output, error) = await Decode("--isup",
            "0c0b011020010a00020a0804109700000000f00a0884119700000000000b0703100900000000130203322807031009000000001d038090a33102005a340291816f08841407000000000000");
        Assert.Equal((0, ""), (code, error));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(("IAM", "Initial address", 1, 2828), (root.GetProperty("message").GetString(), root.GetProperty("name").GetString(), root.GetProperty("type").GetInt32(), root.GetProperty("cic").GetInt32()));
        Assert.Equal(13, root.GetProperty("parameters").GetArrayLength());

        var called = Parameter(root, 4);
        Assert.Equal(("Called party number", "mandatory variable", "04109700000000f0"), (called.GetProperty("name").GetString(), called.GetProperty("part").GetString(), called.GetProperty("hex").GetString()));
        Assert.Equal("79000000000F", called.GetProperty("fields").GetProperty("digits").GetString());
        Assert.Equal(4, called.GetProperty("fields").GetProperty("natureOfAddress").GetProperty("value").GetInt32());
        Assert.True(called.GetProperty("fields").GetProperty("endOfPulsing").GetBoolean());

        var calling = Parameter(root, 10).GetProperty("fields");
        Assert.Equal("79000000000", calling.GetProperty("digits").GetString());
        Assert.Equal("UserProvidedVerifiedAndPassed", calling.GetProperty("screening").GetProperty("name").GetString());
        Assert.Equal("ordinary", Parameter(root, 9).GetProperty("fields").GetProperty("category").GetProperty("name").GetString()![..8].ToLowerInvariant());
        // A parameter without a typed view still shows its name and raw value.
        Assert.Equal("005a", Parameter(root, 0x31).GetProperty("hex").GetString());
        Assert.False(Parameter(root, 0x31).TryGetProperty("fields", out _));
    }

    [Fact]
    public async Task An_application_isup_body_has_no_cic_and_its_cause_is_a_number()
    {
        var (code, output, _) = await Decode("--isup-body", "0c 02 00 02 83 9f");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.TryGetProperty("cic", out _));
        var cause = Parameter(json.RootElement, 0x12).GetProperty("fields");
        Assert.Equal(31, cause.GetProperty("causeValue").GetInt32());
        Assert.Equal("TransitNetwork", cause.GetProperty("location").GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_unknown_message_type_is_shown_with_its_body()
    {
        var (code, output, _) = await Decode("--isup", "05007a0138018100");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(("unknown", 0x7a, "0138018100"), (json.RootElement.GetProperty("message").GetString(), json.RootElement.GetProperty("type").GetInt32(), json.RootElement.GetProperty("unparsedBody").GetString()));
    }

    [Theory]
    [InlineData("--isup", "0c0b2f01028090", "--isup: pointer out of range (Cause indicators, code 0x12) at octet 3")]
    [InlineData("--isup", "0c0b41013802428178040502458600", "--isup: malformed parameter content (Application transport, code 0x78) at octet 10")]
    [InlineData("--isup-body", "0c02", "--isup-body: message truncated in its fixed part or pointers at octet 2")]
    [InlineData("--isup", "0c0bzz", "--isup: not hexadecimal octets")]
    public async Task A_bad_isup_message_is_one_line_and_exit_1(string option, string hex, string expected)
    {
        var (code, output, error) = await Decode(option, hex);
        Assert.Equal((1, ""), (code, output));
        Assert.Equal(expected, error.TrimEnd());
    }

    [Fact]
    public async Task Two_things_to_decode_at_once_is_a_usage_error()
    {
        var (code, _, error) = await Decode("--isup", "0c0b13", "--isup-body", "13");
        Assert.Equal(64, code);
        Assert.Contains("--isup HEX", error);
    }
}
