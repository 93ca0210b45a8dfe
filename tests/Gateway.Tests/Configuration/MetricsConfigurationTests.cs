using System.Net;
using Gateway.Configuration;

namespace Gateway.Tests.Configuration;

public sealed class MetricsConfigurationTests
{
    private static GatewayConfiguration Read(string json) => GatewayConfigurationReader.Read(json, "test.json");

    private static IReadOnlyList<ConfigurationError> Errors(string json) =>
        Assert.Throws<ConfigurationException>(() => Read(json)).Errors;

    [Fact]
    public void Absent_section_leaves_the_endpoint_off()
    {
        var metrics = Read("""{ "isup": { "opc": 1 } }""").Metrics;
        Assert.False(metrics.Enabled);
        Assert.Equal(MetricsOptions.Disabled, metrics);
    }

    [Fact]
    public void Enabled_false_is_off()
    {
        Assert.False(Read("""{ "isup": { "opc": 1 }, "metrics": { "enabled": false, "port": 9100 } }""").Metrics.Enabled);
    }

    [Fact]
    public void Enabled_without_address_or_port_listens_on_loopback_9464()
    {
        var metrics = Read("""{ "isup": { "opc": 1 }, "metrics": { "enabled": true } }""").Metrics;
        Assert.True(metrics.Enabled);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 9464), metrics.EndPoint);
    }

    [Fact]
    public void Reads_address_and_port()
    {
        var metrics = Read("""{ "isup": { "opc": 1 }, "metrics": { "enabled": true, "address": "::1", "port": 9100 } }""").Metrics;
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, 9100), metrics.EndPoint);
    }

    [Fact]
    public void Configurations_built_in_code_have_metrics_off()
    {
        var read = Read("""{ "isup": { "opc": 1 } }""");
        var copy = read with { Shutdown = read.Shutdown };
        Assert.False(copy.Metrics.Enabled);
    }

    [Theory]
    [InlineData("""{ "port": 0 }""", "$.metrics.port", "must be from 1 to 65535, not 0")]
    [InlineData("""{ "port": 70000 }""", "$.metrics.port", "must be from 1 to 65535, not 70000")]
    [InlineData("""{ "port": "9464" }""", "$.metrics.port", "must be a whole number from 1 to 65535, not \"9464\"")]
    [InlineData("""{ "address": "localhost" }""", "$.metrics.address", "must be an IPv4 or IPv6 address, not \"localhost\"")]
    [InlineData("""{ "enabled": "yes" }""", "$.metrics.enabled", "must be true or false, not \"yes\"")]
    [InlineData("""{ "listen": "127.0.0.1" }""", "$.metrics.listen", "is not a known key")]
    public void Defects_are_reported_with_their_path(string section, string path, string message)
    {
        var error = Assert.Single(Errors($$"""{ "isup": { "opc": 1 }, "metrics": {{section}} }"""));
        Assert.Equal(new ConfigurationError(path, message), error);
    }

    [Fact]
    public void A_section_that_is_not_an_object_is_a_defect()
    {
        var error = Assert.Single(Errors("""{ "isup": { "opc": 1 }, "metrics": true }"""));
        Assert.Equal("$.metrics", error.Path);
    }
}
