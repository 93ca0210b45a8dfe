using System.Buffers.Binary;

namespace Gateway.Testing.Fuzzing;

/// <summary>
/// M3UA messages (RFC 4666) for fuzzing a gateway as its IPSP peer: the valid ones a peer needs (ASPUP, ASPAC, BEAT,
/// DATA) built octet by octet, and mutated ones: wrong version, class, type, reserved octet; parameters with garbled
/// tags, lengths and padding; DATA whose Protocol Data is garbled or whose ISUP (Q.763) is mutated (wrong CIC, unknown
/// message types, pointers and lengths, unknown parameters with each kind of compatibility information). The
/// message's length field always matches what is sent (<see cref="Next"/>), except in
/// <see cref="NextFramingBreaker"/>, so that one bad message does not swallow the ones after it.
/// </summary>
public sealed class M3uaMutator
{
    public const ushort TagRoutingContext = 0x0006;
    public const ushort TagProtocolData = 0x0210;
    public const ushort TagTrafficMode = 0x000B;
    public const ushort TagHeartbeatData = 0x0009;

    private readonly Random _random;

    /// <param name="opc">Our point code as the peer (the gateway's circuit group's DPC).</param>
    /// <param name="dpc">The gateway's point code.</param>
    /// <param name="avoidOpcs">Point codes a mutated OPC must never take (another peer's, whose calls must not be disturbed).</param>
    public M3uaMutator(Random random, uint opc, uint dpc, uint routingContext, byte networkIndicator, int firstCic, int lastCic, params uint[] avoidOpcs)
    {
        _random = random;
        Opc = opc;
        Dpc = dpc;
        RoutingContext = routingContext;
        NetworkIndicator = networkIndicator;
        FirstCic = firstCic;
        LastCic = lastCic;
        AvoidOpcs = avoidOpcs;
    }

    public uint Opc { get; }
    public uint Dpc { get; }
    public uint RoutingContext { get; }
    public byte NetworkIndicator { get; }
    public int FirstCic { get; }
    public int LastCic { get; }
    public uint[] AvoidOpcs { get; }

    /// <summary>A message: common header (version 1) and parameters, each padded to four octets.</summary>
    public static byte[] Message(byte messageClass, byte type, params (ushort Tag, byte[] Value)[] parameters)
    {
        int length = 8 + parameters.Sum(p => 4 + Pad(p.Value.Length));
        var message = new byte[length];
        message[0] = 1;
        message[2] = messageClass;
        message[3] = type;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)length);
        int at = 8;
        foreach (var (tag, value) in parameters)
        {
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(at), tag);
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(at + 2), (ushort)(4 + value.Length));
            value.CopyTo(message, at + 4);
            at += 4 + Pad(value.Length);
        }

        return message;
    }

    private static int Pad(int length) => (length + 3) & ~3;

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] AspUp() => Message(3, 1);

    /// <summary>ASPAC, traffic mode override, for <paramref name="routingContext"/>.</summary>
    public static byte[] AspActive(uint routingContext) => Message(4, 1, (TagTrafficMode, U32(1)), (TagRoutingContext, U32(routingContext)));

    public static byte[] Beat(byte[] data) => Message(3, 3, (TagHeartbeatData, data));

    public static byte[] BeatAck(byte[] data) => Message(3, 6, (TagHeartbeatData, data));

    /// <summary>DATA carrying <paramref name="isup"/> from <paramref name="opc"/> to <paramref name="dpc"/>, SI 5, SLS the CIC's low bits.</summary>
    public static byte[] Data(uint routingContext, uint opc, uint dpc, byte networkIndicator, byte[] isup)
    {
        var protocolData = new byte[12 + isup.Length];
        BinaryPrimitives.WriteUInt32BigEndian(protocolData, opc);
        BinaryPrimitives.WriteUInt32BigEndian(protocolData.AsSpan(4), dpc);
        protocolData[8] = 5;
        protocolData[9] = networkIndicator;
        protocolData[10] = 0;
        protocolData[11] = (byte)(isup.Length > 0 ? isup[0] & 0x0F : 0);
        isup.CopyTo(protocolData, 12);
        return Message(1, 1, (TagRoutingContext, U32(routingContext)), (TagProtocolData, protocolData));
    }

    /// <summary>A valid DATA from us to the gateway with this ISUP message.</summary>
    public byte[] Data(byte[] isup) => Data(RoutingContext, Opc, Dpc, NetworkIndicator, isup);

    /// <summary>
    /// A mutated message whose length field matches what is sent: DATA with mutated ISUP most of the time, otherwise
    /// DATA with a garbled Protocol Data or parameters, a message of another class or type, or one blindly mutated.
    /// </summary>
    public byte[] Next(out string kind)
    {
        byte[] message;
        int choice = _random.Next(20);
        if (choice < 9)
        {
            kind = "isup";
            message = Data(IsupMutator.Next(_random, FirstCic, LastCic));
        }
        else if (choice < 11)
        {
            kind = "protocol-data";
            byte[] isup = IsupMutator.Valid(_random, RandomCic());
            var protocolData = new byte[12 + isup.Length];
            BinaryPrimitives.WriteUInt32BigEndian(protocolData, Opc);
            BinaryPrimitives.WriteUInt32BigEndian(protocolData.AsSpan(4), Dpc);
            protocolData[8] = 5;
            protocolData[9] = NetworkIndicator;
            isup.CopyTo(protocolData, 12);
            switch (_random.Next(5))
            {
                case 0: protocolData[8] = (byte)_random.Next(16); break; // another service indicator
                case 1: protocolData[9] = (byte)_random.Next(256); protocolData[10] = (byte)_random.Next(256); break; // NI, MP
                case 2: BinaryPrimitives.WriteUInt32BigEndian(protocolData.AsSpan(4), (uint)_random.Next()); break; // DPC not ours
                case 3: protocolData = protocolData[..Math.Min(protocolData.Length, _random.Next(16))]; break; // shorter than a label
                default: protocolData = ByteMutator.Mutate(_random, protocolData); break;
            }
            var parameters = new List<(ushort, byte[])> { (TagProtocolData, protocolData) };
            switch (_random.Next(4))
            {
                case 0: break; // no Routing Context
                case 1: parameters.Insert(0, (TagRoutingContext, U32((uint)_random.Next()))); break; // an unknown one
                default: parameters.Insert(0, (TagRoutingContext, U32(RoutingContext))); break;
            }
            message = Message(1, 1, parameters.ToArray());
        }
        else if (choice < 14)
        {
            kind = "parameters";
            message = MutateParameters(_random.Next(3) == 0 ? Beat(ByteMutator.Garbage(_random, _random.Next(40))) : Data(IsupMutator.Valid(_random, RandomCic())));
        }
        else if (choice < 17)
        {
            kind = "header";
            message = Data(IsupMutator.Valid(_random, RandomCic()));
            switch (_random.Next(4))
            {
                case 0: message[0] = (byte)_random.Next(256); break; // version
                case 1: message[1] = (byte)(1 + _random.Next(255)); break; // reserved
                case 2: message[2] = (byte)_random.Next(256); break; // class
                default: message[3] = (byte)_random.Next(256); break; // type
            }
        }
        else if (choice < 19)
        {
            kind = "class-type";
            // Well formed, any class and type, with a plausible parameter or two: except ASPDN and ASPIA of ours, which
            // a peer may send but which would stop the traffic under test (they are sent in their own rare step).
            byte messageClass = (byte)_random.Next(0, 12);
            byte type = (byte)_random.Next(0, 12);
            if ((messageClass == 3 && type == 2) || (messageClass == 4 && type == 2)) type = 0;
            var parameters = new List<(ushort, byte[])>();
            int count = _random.Next(4);
            ushort[] tags = [0x0004, 0x0006, 0x0007, 0x0009, 0x000B, 0x000C, 0x000D, 0x0011, 0x0012, 0x0013, 0x0200, 0x0204, 0x0205, 0x0206, 0x0210, 0x0211, 0x0212];
            for (int i = 0; i < count; i++) parameters.Add((tags[_random.Next(tags.Length)], ByteMutator.Garbage(_random, _random.Next(13))));
            message = Message(messageClass, type, parameters.ToArray());
        }
        else
        {
            kind = "blind";
            message = ByteMutator.Mutate(_random, Data(IsupMutator.Valid(_random, RandomCic())));
        }

        return Frame(message);
    }

    /// <summary>
    /// A message whose length field does not match what is sent, or garbage instead of a header: after it the stream's
    /// framing is lost, and the sender is to close the connection.
    /// </summary>
    public byte[] NextFramingBreaker()
    {
        byte[] message = Data(IsupMutator.Valid(_random, RandomCic()));
        switch (_random.Next(5))
        {
            case 0: BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)_random.Next(0, 8)); break;
            case 1: BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)(message.Length + 1 + _random.Next(100))); break;
            case 2: BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), 0x7FFFFFF0u + (uint)_random.Next(16)); break;
            case 3: BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)(message.Length - 1 - _random.Next(Math.Max(1, message.Length - 8)))); break;
            default: message = ByteMutator.Garbage(_random, 1 + _random.Next(300)); break;
        }

        return message;
    }

    private int RandomCic() => _random.Next(8) == 0 ? _random.Next(4096) : FirstCic + _random.Next(LastCic - FirstCic + 1);

    /// <summary>Garbles the parameter part: a tag, a length, the padding, a duplicated or an unknown parameter.</summary>
    private byte[] MutateParameters(byte[] message)
    {
        var bytes = new List<byte>(message);
        if (bytes.Count < 12) return message;
        int first = 8;
        switch (_random.Next(7))
        {
            case 0: bytes[first] = (byte)_random.Next(256); bytes[first + 1] = (byte)_random.Next(256); break; // tag
            case 1: // length: 0-3, odd, beyond the message
                {
                    ushort[] lengths = [0, 1, 3, 4, 5, (ushort)(bytes.Count - 7), (ushort)bytes.Count, 0xFFFF, (ushort)_random.Next(65536)];
                    ushort length = lengths[_random.Next(lengths.Length)];
                    bytes[first + 2] = (byte)(length >> 8);
                    bytes[first + 3] = (byte)length;
                    break;
                }
            case 2: bytes.AddRange(ByteMutator.Garbage(_random, 1 + _random.Next(3))); break; // trailing octets, not a multiple of 4
            case 3: bytes.InsertRange(first, bytes.GetRange(first, Math.Min(8, bytes.Count - first))); break; // duplicated parameter
            case 4: // an unknown parameter, valid in form
                {
                    byte[] value = ByteMutator.Garbage(_random, _random.Next(9));
                    var tlv = new List<byte> { (byte)_random.Next(256), (byte)_random.Next(256), 0, (byte)(4 + value.Length) };
                    tlv.AddRange(value);
                    while (tlv.Count % 4 != 0) tlv.Add(0);
                    bytes.InsertRange(first, tlv);
                    break;
                }
            case 5: // non-zero padding or padding missing
                if (bytes.Count % 4 == 0 && bytes[^1] == 0) bytes[^1] = 0xAA;
                else bytes.RemoveAt(bytes.Count - 1);
                break;
            default: bytes.RemoveRange(first, Math.Min(4 + _random.Next(8), bytes.Count - first)); break; // a parameter cut
        }

        return bytes.ToArray();
    }

    /// <summary>Sets the length field to the message's real length and keeps the OPC off the avoided point codes.</summary>
    private byte[] Frame(byte[] message)
    {
        if (message.Length < 8)
        {
            var padded = new byte[8];
            message.CopyTo(padded, 0);
            message = padded;
        }

        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)message.Length);

        // Anything at the Protocol Data's OPC position that reads as an avoided point code becomes ours.
        for (int at = 8; at + 8 <= message.Length; at++)
        {
            if (message[at] == 0x02 && message[at + 1] == 0x10)
            {
                if (at + 8 <= message.Length && AvoidOpcs.Contains(BinaryPrimitives.ReadUInt32BigEndian(message.AsSpan(at + 4))))
                {
                    BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(at + 4), Opc);
                }
            }
        }

        return message;
    }
}
