namespace Gateway.Testing;

/// <summary>
/// M3UA messages shared by tests and benchmarks as wire octets, so that what a benchmark measures is what a test
/// checks. Plain data: this project depends on neither Gateway.M3ua nor Gateway.Isup.
/// </summary>
public static class M3uaWireSamples
{
    /// <summary>
    /// A 40-octet ISUP IAM from its CIC (21): nature of connection, forward call indicators, ordinary subscriber,
    /// 3.1 kHz audio, called number 4930123456 with ST; then calling party number, optional forward call indicators,
    /// user service information (speech, 64 kbit/s, A-law) and hop counter. Gateway.Tests decodes it with Gateway.Isup.
    /// </summary>
    public static readonly byte[] Iam40 = Convert.FromHexString(
        "1500" + "01" + "10" + "4801" + "0a" + "03" +  // CIC, type, fixed part
        "02" + "0a" + "08841094032143650f" +           // pointers, called party number
        "0a07041394041121" + "22" +                     // calling party number
        "080100" + "1d038090a3" + "3d0114" +            // optional forward call indicators, user service information, hop counter
        "00");

    /// <summary>The label <see cref="DataWithIam"/> carries: OPC 1001, DPC 2002, SI 5 (ISUP), NI 2 (national), MP 0, SLS 5 (the CIC's low 4 bits).</summary>
    public const uint Opc = 1001;

    /// <inheritdoc cref="Opc"/>
    public const uint Dpc = 2002;

    /// <summary>The Routing Context <see cref="DataWithIam"/> carries.</summary>
    public const uint RoutingContext = 10;

    /// <summary>
    /// An M3UA DATA (72 octets) carrying <see cref="Iam40"/>: common header, Routing Context 10, then Protocol Data
    /// with the label above. Gateway.M3ua.Tests checks the codec writes exactly these octets.
    /// </summary>
    public static readonly byte[] DataWithIam = Convert.FromHexString(
        "0100010100000048" +                                     // version 1, DATA, length 72
        "000600080000000a" +                                     // Routing Context 10
        "02100038" + "000003e9" + "000007d2" + "05020005" +      // Protocol Data: length 56, OPC, DPC, SI NI MP SLS
        Convert.ToHexString(Iam40));
}
