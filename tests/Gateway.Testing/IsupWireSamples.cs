namespace Gateway.Testing;

/// <summary>
/// ISUP messages shared by tests and benchmarks as wire octets, so that what a benchmark measures is what a test checks.
/// Plain data: this project does not depend on Gateway.Isup.
/// </summary>
public static class IsupWireSamples
{
    /// <summary>
    /// An IAM on CIC 0x123 as a SIP-originated call produces it: nature of connection, forward call indicators
    /// (interworking encountered), ordinary subscriber, 3.1 kHz audio, called number +4930123456 with ST, then six
    /// optional parameters: calling party number, generic number (additional calling party), redirecting number,
    /// redirection information, user service information (speech, 64 kbit/s, A-law) and hop counter.
    /// Gateway.Isup.Tests checks that its typed sample encodes to exactly these octets.
    /// </summary>
    public static readonly byte[] Iam = Convert.FromHexString(
        "2301" + "01" + "10" + "4801" + "0a" + "03" + // CIC, type, fixed part
        "02" + "0a" + "08841094032143650f" +           // pointers, called party number
        "0a07041394041121" + "22" +                     // calling party number
        "c00706031004112122" +                          // generic number
        "0b07831003214365" + "07" +                     // redirecting number
        "13020321" + "1d038090a3" + "3d0114" +          // redirection information, user service information, hop counter
        "00");
}
