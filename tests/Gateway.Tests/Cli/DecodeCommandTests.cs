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
