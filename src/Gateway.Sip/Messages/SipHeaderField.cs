namespace Gateway.Sip;

/// <summary>One header field of a <see cref="SipMessage"/>, as slices of the message's buffer.</summary>
public readonly ref struct SipHeaderField
{
    internal SipHeaderField(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, SipHeaderName id)
    {
        Name = name;
        Value = value;
        Id = id;
    }

    /// <summary>The name exactly as received: long or compact form, in whatever case the sender used.</summary>
    public ReadOnlySpan<byte> Name { get; }

    /// <summary>
    /// The raw value: leading and trailing white space removed, everything else (commas between values,
    /// line folds CRLF + SP/HTAB) as received. Typed parsers treat folds as linear white space.
    /// </summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>The known header this is, or <see cref="SipHeaderName.Unknown"/>.</summary>
    public SipHeaderName Id { get; }
}
