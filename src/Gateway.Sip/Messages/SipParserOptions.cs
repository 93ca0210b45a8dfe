namespace Gateway.Sip;

/// <summary>Limits the parser enforces, so that a peer cannot make it buffer or index without bound.</summary>
public sealed class SipParserOptions
{
    private readonly int _maxMessageSize = 65_536;
    private readonly int _maxHeaderCount = 128;

    /// <summary>The limits used when none are given: 64 KiB per message, 128 header fields.</summary>
    public static SipParserOptions Default { get; } = new();

    /// <summary>
    /// The largest message accepted, start line to end of body, in bytes. Larger datagrams are rejected with
    /// <see cref="SipParseError.MessageTooLarge"/>; on a stream a longer header section gives the same error
    /// and a larger declared body <see cref="SipParseError.BodyTooLarge"/>. Default 65,536 (a UDP datagram
    /// cannot be larger).
    /// </summary>
    public int MaxMessageSize
    {
        get => _maxMessageSize;
        init => _maxMessageSize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive.");
    }

    /// <summary>The most header fields a message may have (a folded field counts once). Default 128; at most 65,535.</summary>
    public int MaxHeaderCount
    {
        get => _maxHeaderCount;
        init => _maxHeaderCount = value is > 0 and <= ushort.MaxValue
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be in 1-65535.");
    }
}
