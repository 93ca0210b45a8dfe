namespace Gateway.M3ua;

/// <summary>What <see cref="M3uaFraming.TryTake"/> found at the start of a TCP byte stream.</summary>
internal enum M3uaFrameStatus
{
    /// <summary>One whole message was taken.</summary>
    Message,

    /// <summary>The header or the rest of the message has not arrived yet.</summary>
    NeedMore,

    /// <summary>The length field says less than the 8-octet header itself: the stream cannot be framed.</summary>
    TooShort,

    /// <summary>The length field says more than the configured maximum: refused before anything is allocated for it.</summary>
    TooLong,
}
