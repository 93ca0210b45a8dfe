using Gateway.Configuration;
using Gateway.Interworking;
using Gateway.Sip;

namespace Gateway.Tests.Interworking;

/// <summary>The <c>interworking</c> section reaches the mapping: each override changes exactly its row.</summary>
public sealed class InterworkingConfigurationTests
{
    private static CallMapping Mapping(string interworking) => new(CallMappingOptionsFactory.Create(
        GatewayConfigurationReader.Read($$"""{ "isup": { "opc": 1 }, "interworking": {{interworking}} }""", "test.json").Interworking));

    [Fact]
    public void Without_the_section_the_mapping_is_the_standards()
    {
        var mapping = Mapping("{}");
        Assert.Equal(486, mapping.StatusForCause(17));
        Assert.Equal(17, mapping.CauseForStatus(486, []));
        Assert.Equal(16, mapping.CauseForCancel([]));
    }

    [Fact]
    public void Overrides_replace_only_their_rows()
    {
        var mapping = Mapping("""
            { "causeToStatus": { "17": 600 }, "statusToCause": { "486": 21 }, "cancelWithoutReasonCause": 31,
              "cancelCompletedElsewhereCause": 16 }
            """);
        Assert.Equal(600, mapping.StatusForCause(17));
        Assert.Equal(404, mapping.StatusForCause(1));
        Assert.Equal(21, mapping.CauseForStatus(486, []));
        Assert.Equal(18, mapping.CauseForStatus(480, []));
        Assert.Equal(31, mapping.CauseForCancel([]));
        Assert.Equal(16, mapping.CauseForCancel([new ReasonValue(ReasonValue.SipProtocol, 200, "Call completed elsewhere")]));
    }

    [Theory]
    [InlineData("""{ "causeToStatus": { "17": 200 } }""", "$.interworking.causeToStatus.17", "must be a whole number from 300 to 699, not 200")]
    [InlineData("""{ "statusToCause": { "4xx": 17 } }""", "$.interworking.statusToCause.4xx", "the key must be a whole number from 300 to 699")]
    [InlineData("""{ "numberPrefixes": [ { "prefix": "0" } ] }""", "$.interworking.numberPrefixes[0].natureOfAddress", "is required")]
    public void Names_a_bad_override_by_its_path(string interworking, string path, string message)
    {
        var e = Assert.Throws<ConfigurationException>(() => Mapping(interworking));
        Assert.Contains(new ConfigurationError(path, message), e.Errors);
    }
}
