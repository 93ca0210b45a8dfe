using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.M3ua.Tests.Properties;

/// <summary>
/// FsCheck generators for M3UA messages of every class and type: the type's format decides which parameters may
/// come (mandatory ones always, repeatable ones up to three times, the others or not), each value is random within
/// what RFC 4666 allows for its tag (<see cref="M3uaParameterRules"/>), group parameters get a generated content of
/// their own, parameters the codec does not know are mixed in, and the order is shuffled — RFC 4666 fixes none.
/// </summary>
public static class MessageGenerators
{
    /// <summary>Tags RFC 4666 leaves unused, reserved or unassigned: the codec must carry them untouched.</summary>
    private static readonly ushort[] UnknownTags = [0x0000, 0x0001, 0x0003, 0x0005, 0x0008, 0x000a, 0x000e, 0x0010, 0x00ff, 0x0201, 0x020d, 0x020f, 0x0211, 0x0214, 0x0300, 0x8000, 0xffff];

    public static Gen<byte> Octet { get; } = Gen.Choose(0, 255).Select(i => (byte)i);

    public static Gen<byte[]> Octets(int min, int max) =>
        from length in Gen.Choose(min, max)
        from bytes in Gen.ArrayOf(Octet, length)
        select bytes;

    public static M3uaMessageType[] Types { get; } = Enum.GetValues<M3uaMessageType>();

    public static Gen<M3uaMessage> Message { get; } =
        from type in Gen.Elements(Types)
        from parameters in Parameters(M3uaMessageFormats.Get(type)!)
        select Build(type, parameters);

    /// <summary>A valid value for <paramref name="tag"/> in a message (or group) of <paramref name="format"/>.</summary>
    public static Gen<byte[]> Value(M3uaParameterTag tag, M3uaMessageFormat format) => tag switch
    {
        M3uaParameterTag.InfoString => Octets(0, 255),
        M3uaParameterTag.RoutingContext => Words(1, format.SingleRoutingContext ? 1 : 4),
        M3uaParameterTag.AffectedPointCode or M3uaParameterTag.OriginatingPointCodeList => Words(1, 4),
        M3uaParameterTag.DiagnosticInformation or M3uaParameterTag.HeartbeatData => Octets(0, 300),
        M3uaParameterTag.TrafficModeType => Gen.Choose(1, 3).Select(m => Word((uint)m)),
        M3uaParameterTag.CongestionIndications => from reserved in Octets(3, 3) from level in Gen.Choose(0, 3) select (byte[])[.. reserved, (byte)level],
        M3uaParameterTag.ServiceIndicators => Octets(1, 8),
        M3uaParameterTag.ProtocolData =>
            from label in Octets(8, 8)
            from si in Gen.Choose(0, 15)
            from ni in Gen.Choose(0, 3)
            from mp in Gen.Choose(0, 3)
            from sls in Octet
            from data in Octets(0, 300)
            select (byte[])[.. label, (byte)si, (byte)ni, (byte)mp, sls, .. data],
        M3uaParameterTag.RoutingKey or M3uaParameterTag.RegistrationResult or M3uaParameterTag.DeregistrationResult =>
            Parameters(M3uaMessageFormats.GetGroup(tag)!).Select(Lay),
        _ => Octets(4, 4),
    };

    /// <summary>The parameters of one message or group: every slot filled as its presence allows, unknown tags added, shuffled.</summary>
    public static Gen<M3uaParameter[]> Parameters(M3uaMessageFormat format)
    {
        var slots = new List<Gen<M3uaParameter[]>>();
        foreach (var slot in format.Parameters)
        {
            var tag = slot.Tag;
            int min = slot.Presence == M3uaPresence.Mandatory ? 1 : 0;
            int max = slot.Repeatable ? 3 : 1;
            slots.Add(from count in Gen.Choose(min, max)
                      from values in Gen.ArrayOf(Value(tag, format), count)
                      select values.Select(v => new M3uaParameter(tag, v)).ToArray());
        }

        var unknown = from count in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
                      from parameters in Gen.ArrayOf(from tag in Gen.Elements(UnknownTags) from value in Octets(0, 12) select new M3uaParameter((M3uaParameterTag)tag, value), count)
                      select parameters;
        slots.Add(unknown);

        return from groups in Gen.CollectToArray(slots, g => g)
               from order in Gen.Shuffle(groups.SelectMany(g => g).ToArray())
               select order.ToArray();
    }

    /// <summary>Parameters laid out as on the wire (tag, length, value, zero padding): the content of a group.</summary>
    public static byte[] Lay(IEnumerable<M3uaParameter> parameters)
    {
        var bytes = new List<byte>();
        foreach (var p in parameters)
        {
            byte[] head = new byte[4];
            BinaryPrimitives.WriteUInt16BigEndian(head, (ushort)p.Tag);
            BinaryPrimitives.WriteUInt16BigEndian(head.AsSpan(2), (ushort)(p.Value.Length + 4));
            bytes.AddRange(head);
            bytes.AddRange(p.Value.ToArray());
            bytes.AddRange(new byte[(4 - (p.Value.Length & 3)) & 3]);
        }
        return bytes.ToArray();
    }

    private static M3uaMessage Build(M3uaMessageType type, M3uaParameter[] parameters)
    {
        var message = new M3uaMessage(type);
        foreach (var p in parameters) message.Add(p);
        return message;
    }

    private static Gen<byte[]> Words(int min, int max) =>
        from count in Gen.Choose(min, max)
        from bytes in Octets(count * 4, count * 4)
        select bytes;

    private static byte[] Word(uint value)
    {
        byte[] word = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, value);
        return word;
    }
}
