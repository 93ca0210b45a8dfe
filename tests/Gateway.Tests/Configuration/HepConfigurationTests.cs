using System.Net;
using Gateway.Configuration;

namespace Gateway.Tests.Configuration;

public sealed class HepConfigurationTests
{
    private static GatewayConfiguration Read(string json) => GatewayConfigurationReader.Read(json, "test.json");

    private static IReadOnlyList<ConfigurationError> Errors(string json) =>
        Assert.Throws<ConfigurationException>(() => Read(json)).Errors;

    [Fact]
    public void Without_a_trace_section_nothing_is_copied_to_Homer() =>
        Assert.Null(Read("""{ "isup": { "opc": 1 } }""").Hep);

    [Fact]
    public void A_collector_takes_HEPs_port_and_capture_id_0_unless_told()
    {
        HepExportOptions hep = Read("""{ "isup": { "opc": 1 }, "trace": { "hep": { "address": "192.0.2.40" } } }""").Hep!;
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.40"), 9060), hep.EndPoint);
        Assert.Equal(0u, hep.CaptureId);
        Assert.Null(hep.Password);

        hep = Read("""{ "isup": { "opc": 1 }, "trace": { "hep": { "address": "192.0.2.40", "port": 9061, "captureId": 2001, "password": "s3cret" } } }""").Hep!;
        Assert.Equal(9061, hep.Port);
        Assert.Equal(2001u, hep.CaptureId);
        Assert.Equal("s3cret", hep.Password);
    }

    [Theory]
    [InlineData("""{ "hep": { } }""", "$.trace.hep.address")]
    [InlineData("""{ "hep": { "address": "192.0.2.40", "port": 0 } }""", "$.trace.hep.port")]
    [InlineData("""{ "hep": { "address": "192.0.2.40", "captureId": -1 } }""", "$.trace.hep.captureId")]
    [InlineData("""{ "hep": { "address": "192.0.2.40", "agent": 1 } }""", "$.trace.hep.agent")]
    [InlineData("""{ "pcap": { } }""", "$.trace.pcap")]
    public void Mistakes_are_reported_with_their_path(string section, string path)
    {
        var error = Assert.Single(Errors($$"""{ "isup": { "opc": 1 }, "trace": {{section}} }"""));
        Assert.Equal(path, error.Path);
    }
}
