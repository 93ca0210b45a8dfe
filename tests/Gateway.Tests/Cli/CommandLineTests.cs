using Gateway.Cli;

namespace Gateway.Tests.Cli;

public sealed class CommandLineTests
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var commandLine = new CommandLine([new RunCommand(), new CheckConfigCommand()]);
        int code = await commandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string WriteConfig(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"gw-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Version_prints_name_and_version()
    {
        var (code, output, _) = await Run("--version");
        Assert.Equal(0, code);
        Assert.Equal($"sip-isup-gateway {CommandLine.Version}{Environment.NewLine}", output);
        Assert.Matches(@"^\d+\.\d+\.\d+", CommandLine.Version);
    }

    [Fact]
    public async Task No_verb_prints_usage_and_exits_64()
    {
        var (code, _, error) = await Run();
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("sip-isup-gateway run [--config PATH]", error);
        Assert.Contains("sip-isup-gateway check-config [--config PATH]", error);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "unknown command \"frobnicate\"")]
    [InlineData(new[] { "check-config", "--cnofig", "x" }, "check-config: unknown option --cnofig")]
    [InlineData(new[] { "check-config", "--config" }, "check-config: option --config needs a value")]
    public async Task Usage_errors_exit_64(string[] args, string message)
    {
        var (code, _, error) = await Run(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Check_config_accepts_a_valid_file()
    {
        string path = WriteConfig("""{ "isup": { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "a", "cics": ["1-31", "33-63"], "unequippedCics": ["16"] } ] }, "m3ua": { "associations": [ { "name": "a", "role": "asp", "remoteAddress": "127.0.0.1" } ] } }""");
        var (code, output, error) = await Run("check-config", "--config", path);
        Assert.Equal((0, ""), (code, error));
        Assert.Contains($"{path}: OK", output);
        Assert.Contains("1 circuit groups with 61 circuits", output);
    }

    [Fact]
    public async Task Check_config_reports_all_three_errors_with_their_keys_and_exits_78()
    {
        string path = WriteConfig("""
            {
              "isup": { "opc": 99999 },
              "sip": { "listen": [ { "transport": "udp", "address": "127.0.0.1", "port": 70000 } ] },
              "routing": { "isupToSip": [ { "trunk": "nobody" } ] }
            }
            """);
        var (code, output, error) = await Run("check-config", $"--config={path}");
        Assert.Equal(ExitCodes.Config, code);
        Assert.Equal("", output);
        string[] lines = error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        // Sections are read in document-independent schema order (sip before isup), then cross-references.
        Assert.Equal(
        [
            $"{path}: $.sip.listen[0].port: must be from 1 to 65535, not 70000",
            $"{path}: $.isup.opc: must be from 0 to 16383, not 99999",
            $"{path}: $.routing.isupToSip[0].trunk: names \"nobody\", which is not a trunk in $.sip.trunks",
            $"{path}: 3 errors",
        ], error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Run_with_a_bad_config_exits_78_before_starting()
    {
        string path = WriteConfig("""{ "isup": { } }""");
        var (code, _, error) = await Run("run", "--config", path);
        Assert.Equal(ExitCodes.Config, code);
        Assert.Contains("$.isup.opc: is required", error);
    }
}
