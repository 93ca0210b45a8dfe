using Gateway.Configuration;
using Gateway.Interworking;
using Gateway.Testing;

namespace Gateway.Tests.Interworking;

public sealed class OverloadGuardTests
{
    [Fact]
    public void A_second_of_calls_may_come_at_once_then_they_are_admitted_at_the_configured_rate()
    {
        var time = new ManualTimeProvider();
        var guard = new OverloadGuard(new OverloadOptions(MaxCallsPerSecond: 10, MaxCalls: 0, RetryAfterSeconds: 5), time);

        for (int i = 0; i < 10; i++) Assert.Equal(0, guard.TryAdmit(activeCalls: i));
        Assert.Equal(1, guard.TryAdmit(10));

        time.Advance(TimeSpan.FromMilliseconds(250));   // 2.5 calls' worth
        Assert.Equal(0, guard.TryAdmit(10));
        Assert.Equal(0, guard.TryAdmit(11));
        Assert.Equal(1, guard.TryAdmit(12));

        time.Advance(TimeSpan.FromMinutes(5));           // never more than one second's worth saved up
        int admitted = 0;
        while (guard.TryAdmit(0) == 0) admitted++;
        Assert.Equal(10, admitted);
    }

    [Fact]
    public void At_the_calls_ceiling_new_calls_are_refused_with_level_2_whatever_the_rate()
    {
        var guard = new OverloadGuard(new OverloadOptions(MaxCallsPerSecond: 0, MaxCalls: 3, RetryAfterSeconds: 5), new ManualTimeProvider());
        Assert.Equal(0, guard.TryAdmit(2));
        Assert.Equal(2, guard.TryAdmit(3));
        Assert.Equal(2, guard.TryAdmit(4));
        Assert.Equal(0, guard.TryAdmit(1));
    }

    [Fact]
    public void Zero_means_no_limit()
    {
        var guard = new OverloadGuard(new OverloadOptions(0, 0, 5), new ManualTimeProvider());
        for (int i = 0; i < 100_000; i++) Assert.Equal(0, guard.TryAdmit(i));
    }

    [Fact]
    public void The_configuration_defaults_protect_and_every_limit_can_be_set_or_turned_off()
    {
        static GatewayConfiguration Read(string json) => GatewayConfigurationReader.Read(json, "test.json");
        Assert.Equal(OverloadOptions.Default, Read("""{ "isup": { "opc": 1 } }""").Overload);
        Assert.Equal(new OverloadOptions(0, 500, 30),
            Read("""{ "isup": { "opc": 1 }, "overload": { "maxCallsPerSecond": 0, "maxCalls": 500, "retryAfterSeconds": 30 } }""").Overload);
        var error = Assert.Single(Assert.Throws<ConfigurationException>(
            () => Read("""{ "isup": { "opc": 1 }, "overload": { "retryAfterSeconds": 0 } }""")).Errors);
        Assert.Equal("$.overload.retryAfterSeconds", error.Path);
    }

    [Fact]
    public void One_PBX_may_send_5000_SIP_messages_a_second_unless_told_otherwise()
    {
        static GatewayConfiguration Read(string json) => GatewayConfigurationReader.Read(json, "test.json");
        Assert.Equal(5000, Read("""{ "isup": { "opc": 1 } }""").Sip.MaxMessagesPerSecondPerSource);
        Assert.Equal(200, Read("""{ "isup": { "opc": 1 }, "sip": { "maxMessagesPerSecondPerSource": 200 } }""").Sip.MaxMessagesPerSecondPerSource);
    }
}
