namespace Gateway.Testing.Fuzzing;

/// <summary>
/// Structure-blind mutations of a byte string: bit flips, byte insertion, deletion and duplication, truncation,
/// overwriting with interesting values, and plain random garbage. Every choice comes from the <see cref="Random"/> it
/// is given, so a seed reproduces a run.
/// </summary>
public static class ByteMutator
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x20, 0x0D, 0x0A, 0x3A, 0x3B, 0x22, 0x25];

    /// <summary>One to four random mutations of <paramref name="input"/>; never returns the input array itself.</summary>
    public static byte[] Mutate(Random random, byte[] input)
    {
        var bytes = new List<byte>(input);
        int rounds = 1 + random.Next(4);
        for (int i = 0; i < rounds; i++) MutateOnce(random, bytes);
        return bytes.ToArray();
    }

    private static void MutateOnce(Random random, List<byte> bytes)
    {
        if (bytes.Count == 0)
        {
            bytes.AddRange(Garbage(random, 1 + random.Next(64)));
            return;
        }

        int at = random.Next(bytes.Count);
        switch (random.Next(9))
        {
            case 0: // bit flip
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // insert random bytes
                bytes.InsertRange(at, Garbage(random, 1 + random.Next(8)));
                break;
            case 2: // delete a run
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(8)));
                break;
            case 3: // duplicate a run
                {
                    int length = Math.Min(bytes.Count - at, 1 + random.Next(32));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                }
            case 4: // truncate
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 5: // interesting value
                bytes[at] = Interesting[random.Next(Interesting.Length)];
                break;
            case 6: // random byte
                bytes[at] = (byte)random.Next(256);
                break;
            case 7: // swap two bytes
                {
                    int other = random.Next(bytes.Count);
                    (bytes[at], bytes[other]) = (bytes[other], bytes[at]);
                    break;
                }
            default: // overwrite a run with garbage
                {
                    int length = Math.Min(bytes.Count - at, 1 + random.Next(16));
                    byte[] garbage = Garbage(random, length);
                    for (int i = 0; i < length; i++) bytes[at + i] = garbage[i];
                    break;
                }
        }
    }

    /// <summary><paramref name="length"/> random bytes.</summary>
    public static byte[] Garbage(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
