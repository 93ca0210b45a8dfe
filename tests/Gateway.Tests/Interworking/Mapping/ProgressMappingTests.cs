using Gateway.Interworking;
using Gateway.Isup;

namespace Gateway.Tests.Interworking.Mapping;

/// <summary>ACM and CPG → 18x (RFC 3398 §7.2.2, §7.2.3).</summary>
public sealed class ProgressMappingTests
{
    private readonly CallMapping _mapping = new();

    [Theory]
    [InlineData(CalledPartyStatus.SubscriberFree, 180)]
    [InlineData(CalledPartyStatus.NoIndication, 183)]
    [InlineData(CalledPartyStatus.ConnectWhenFree, 183)]
    public void An_ACM_gives_180_only_for_subscriber_free(CalledPartyStatus status, int expected)
    {
        var acm = new IsupMessage(IsupMessageType.ACM).Add(new BackwardCallIndicators { CalledPartyStatus = status });
        Assert.Equal(expected, _mapping.ProgressStatusFor(acm));
    }

    [Fact]
    public void An_ACM_without_readable_backward_call_indicators_gives_183() =>
        Assert.Equal(183, _mapping.ProgressStatusFor(new IsupMessage(IsupMessageType.ACM)));

    [Theory]
    [InlineData(EventIndicator.Alerting, 180)]
    [InlineData(EventIndicator.Progress, 183)]
    [InlineData(EventIndicator.InBandInformationAvailable, 183)]
    [InlineData(EventIndicator.ForwardedOnBusy, 181)]
    [InlineData(EventIndicator.ForwardedOnNoReply, 181)]
    [InlineData(EventIndicator.ForwardedUnconditional, 181)]
    [InlineData(EventIndicator.Spare, 0)]
    [InlineData((EventIndicator)0x40, 0)]
    public void A_CPG_gives_the_status_of_its_event(EventIndicator indicator, int expected)
    {
        var cpg = new IsupMessage(IsupMessageType.CPG).Add(new EventInformation(indicator, presentationRestricted: true));
        Assert.Equal(expected, _mapping.ProgressStatusFor(cpg));
    }

    [Fact]
    public void Other_messages_give_no_provisional_status()
    {
        Assert.Equal(0, _mapping.ProgressStatusFor(new IsupMessage(IsupMessageType.ANM)));
        Assert.Equal(0, _mapping.ProgressStatusFor(new IsupMessage(IsupMessageType.CPG)));
    }
}
