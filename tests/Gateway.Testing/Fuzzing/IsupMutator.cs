namespace Gateway.Testing.Fuzzing;

/// <summary>
/// ISUP messages (Q.763) for fuzzing: valid ones of the kinds a switch sends (the IAM of <see cref="IsupWireSamples"/>
/// calling a number nobody routes, and the backward, release, maintenance and group messages), and mutations of them:
/// wrong CIC, unknown message types with and without message compatibility information, pointers and lengths
/// changed, unknown parameters with parameter compatibility information of every instruction, parameters cut.
/// </summary>
public static class IsupMutator
{
    /// <summary>The called number of the fuzzed IAMs ("1111111111"): routed nowhere, so each is refused (REL cause 3).</summary>
    private static readonly byte[] UnroutedDigits = Convert.FromHexString("11111111110f");

    /// <summary>Message bodies (what follows CIC and message type), by type.</summary>
    private static readonly (byte Type, string Body)[] Bodies =
    [
        (0x01, ""),                   // IAM: see Iam()
        (0x06, "1614" + "00"),          // ACM: backward call indicators, no optional part
        (0x06, "1614" + "01" + "2901" + "00" + "00"), // ACM with optional backward call indicators
        (0x09, "00"),                   // ANM
        (0x07, "1614" + "00"),          // CON
        (0x2C, "01" + "00"),            // CPG: alerting
        (0x0C, "0200" + "028090"),      // REL cause 16
        (0x0C, "0200" + "0280A9"),      // REL cause 41
        (0x10, "00"),                   // RLC
        (0x0D, "00" + "00"),            // SUS
        (0x0E, "00" + "00"),            // RES
        (0x12, ""),                     // RSC
        (0x13, ""), (0x14, ""), (0x15, ""), (0x16, ""), // BLO UBL BLA UBA
        (0x17, "01" + "011E"),          // GRS 31 circuits
        (0x29, "01" + "05" + "1E00000000"), // GRA
        (0x18, "00" + "01" + "0207" + "0F"), // CGB maintenance, 8 circuits
        (0x19, "00" + "01" + "0207" + "0F"), // CGU
        (0x1A, "00" + "01" + "0207" + "0F"), // CGBA
        (0x1B, "00" + "01" + "0207" + "0F"), // CGUA
        (0x2E, ""),                     // UCIC
        (0x2F, "0200" + "0280E1"),      // CFN cause 97
        (0x2D, "0200" + "03010203"),    // USR
        (0x03, "0100" + "00"),          // INR
        (0x04, "0000" + "00"),          // INF
        (0x02, "0200" + "03811111"),    // SAM
        (0x24, "00"),                   // FOT-like: spare/unknown to many profiles
        (0x2A, ""),                     // CQM
        (0x30, "00"),                   // OLM
        (0x31, "00"),                   // CRG
        (0x34, "00"),                   // FAA
    ];

    /// <summary>
    /// An IAM calling <see cref="UnroutedDigits"/>: <see cref="IsupWireSamples.Iam"/> with its called party number's
    /// digits replaced, on <paramref name="cic"/>.
    /// </summary>
    public static byte[] Iam(int cic)
    {
        byte[] iam = (byte[])IsupWireSamples.Iam.Clone();
        // CIC(2) type(1) NoC(1) FCI(2) CPC(1) TMR(1) pointers(2) then called party: length 08, NAI, NPI, 6 digit octets.
        int digits = 2 + 1 + 5 + 2 + 3;
        UnroutedDigits.CopyTo(iam, digits);
        iam[0] = (byte)cic;
        iam[1] = (byte)(cic >> 8 & 0x0F);
        return iam;
    }

    /// <summary>A valid message of a random kind on <paramref name="cic"/>.</summary>
    public static byte[] Valid(Random random, int cic)
    {
        var (type, body) = Bodies[random.Next(Bodies.Length)];
        if (type == 0x01) return Iam(cic);
        byte[] bodyBytes = Convert.FromHexString(body);
        var message = new byte[3 + bodyBytes.Length];
        message[0] = (byte)cic;
        message[1] = (byte)(cic >> 8 & 0x0F);
        message[2] = type;
        bodyBytes.CopyTo(message, 3);
        return message;
    }

    /// <summary>A mutated ISUP message on a CIC of <paramref name="firstCic"/>..<paramref name="lastCic"/> mostly.</summary>
    public static byte[] Next(Random random, int firstCic, int lastCic)
    {
        int cic = random.Next(6) == 0 ? random.Next(4096) : firstCic + random.Next(lastCic - firstCic + 1);
        byte[] message = Valid(random, cic);
        switch (random.Next(10))
        {
            case 0: // a valid message, as is: keeps the procedures busy between the bad ones
                return message;
            case 1: // wrong CIC: any 12 bits, or the spare bits set
                message[0] = (byte)random.Next(256);
                message[1] = (byte)random.Next(256);
                return message;
            case 2: // an unknown or spare message type, with a body of random parameters
                {
                    var bytes = new List<byte>(message[..2]) { (byte)(random.Next(2) == 0 ? 0x40 + random.Next(0xC0) : random.Next(256)) };
                    bytes.AddRange(ByteMutator.Garbage(random, random.Next(20)));
                    return bytes.ToArray();
                }
            case 3: // an unknown message type with optional part: message compatibility information of a random instruction
                {
                    byte instruction = (byte)(random.Next(0x80) | 0x80); // ext bit set: one octet
                    var bytes = new List<byte>(message[..2]) { (byte)(0xE0 + random.Next(0x20)), 0x01 }; // pointer to optional part
                    bytes.AddRange([0x38, 0x01, instruction]);
                    if (random.Next(2) == 0) bytes.AddRange([(byte)(0xC0 + random.Next(0x3F)), 0x02, 0xAB, 0xCD]);
                    bytes.Add(0x00);
                    return bytes.ToArray();
                }
            case 4: // an IAM with an unknown optional parameter and parameter compatibility information for it
                {
                    byte[] iam = Iam(cic);
                    byte unknown = (byte)(0xC0 + random.Next(0x3F));
                    byte instructions = (byte)(random.Next(0x80) | 0x80);
                    var bytes = new List<byte>(iam[..^1]); // without the end of optional parameters
                    bytes.AddRange([unknown, 0x02, (byte)random.Next(256), (byte)random.Next(256)]);
                    if (random.Next(4) != 0) bytes.AddRange([0x39, 0x02, unknown, instructions]);
                    if (random.Next(4) == 0) bytes.AddRange([0x39, 0x04, (byte)random.Next(256), instructions, unknown, (byte)random.Next(256)]);
                    bytes.Add(0x00);
                    return bytes.ToArray();
                }
            case 5: // a pointer changed
                {
                    byte[] iam = random.Next(2) == 0 ? Iam(cic) : message;
                    if (iam.Length > 3)
                    {
                        int at = iam[2] == 0x01 ? 8 + random.Next(2) : 3 + random.Next(iam.Length - 3);
                        byte[] values = [0x00, 0x01, 0xFF, (byte)(iam[Math.Min(at, iam.Length - 1)] + 1), (byte)(iam[Math.Min(at, iam.Length - 1)] - 1), (byte)random.Next(256)];
                        iam[Math.Min(at, iam.Length - 1)] = values[random.Next(values.Length)];
                    }
                    return iam;
                }
            case 6: // a parameter length changed
                {
                    byte[] iam = Iam(cic);
                    int[] lengths = [10, 20, 29, 38]; // the length octets of called party, calling party, generic number, redirecting number
                    int at = lengths[random.Next(lengths.Length)];
                    if (at < iam.Length) iam[at] = (byte)(random.Next(3) switch { 0 => 0, 1 => 0xFF, _ => random.Next(256) });
                    return iam;
                }
            case 7: // truncated anywhere, or the end of optional parameters missing
                return message[..random.Next(message.Length + 1)];
            case 8: // known message, optional part with repeated or absurd parameters
                {
                    var bytes = new List<byte>(Iam(cic)[..^1]);
                    int count = random.Next(60);
                    for (int i = 0; i < count; i++)
                    {
                        int length = random.Next(6);
                        bytes.Add((byte)random.Next(1, 256));
                        bytes.Add((byte)length);
                        bytes.AddRange(ByteMutator.Garbage(random, length));
                    }
                    if (random.Next(2) == 0) bytes.Add(0x00);
                    return bytes.ToArray();
                }
            default: // blind
                return ByteMutator.Mutate(random, message);
        }
    }
}
