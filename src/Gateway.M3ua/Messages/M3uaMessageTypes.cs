namespace Gateway.M3ua;

/// <summary>Splits an <see cref="M3uaMessageType"/> into its two header octets and joins them again.</summary>
public static class M3uaMessageTypes
{
    /// <summary>The class octet.</summary>
    public static M3uaMessageClass GetClass(this M3uaMessageType type) => (M3uaMessageClass)((ushort)type >> 8);

    /// <summary>The type octet within the class.</summary>
    public static byte GetTypeOctet(this M3uaMessageType type) => (byte)type;

    /// <summary>The message named by a class and a type octet (whether or not M3UA defines it).</summary>
    public static M3uaMessageType Create(byte messageClass, byte messageType) => (M3uaMessageType)((messageClass << 8) | messageType);
}
