using Gateway.Testing;

namespace Gateway.Tests.EndToEnd;

public sealed class SippResultTests
{
    // A final scenario screen as SIPp 3.6 prints it (from a run on this machine).
    private const string Screen = """
        ------------------------------ Scenario Screen -------- [1-9]: Change Screen --
                                         Messages  Retrans   Timeout   Unexpected-Msg
              INVITE ---------->         2000      928       0
                 100 <----------         446       112       0         71
                 180 <----------         1929      5         0         0
                 200 <----------         1929      0         0         0
                 ACK ---------->         1929      0
               Pause [    300ms]         1929                          0
                 BYE ---------->         1929      712       0
                 200 <----------         1929      3         0         0
        ------------------------------ Test Terminated --------------------------------
        """;

    [Theory]
    [InlineData("INVITE", 928)]
    [InlineData("100", 112)]
    [InlineData("200", 3)]    // both 200 rows
    [InlineData("BYE", 712)]
    [InlineData("ACK", 0)]
    [InlineData("CANCEL", 0)] // not in the scenario
    public void Retransmissions_are_read_from_the_retrans_column_of_every_row_of_the_message(string message, int expected) =>
        Assert.Equal(expected, new Sipp.Result(0, Screen, "").Retransmissions(message));

    [Fact]
    public void A_screen_without_the_retrans_column_counts_none() =>
        Assert.Equal(0, new Sipp.Result(1, "sipp: could not bind", "").Retransmissions("INVITE"));
}
