namespace Gateway.Sip;

/// <summary>
/// Where one header field lies in its message's buffer: offsets from the start of the message, so the entry
/// stays valid wherever the bytes are copied. 16 bytes, so 48 of them fit inline in a <see cref="SipMessage"/>.
/// </summary>
internal struct SipHeaderEntry
{
    /// <summary>Offset of the name as received (long or compact form, any case).</summary>
    public int NameOffset;

    /// <summary>Offset of the value, after the colon and leading white space.</summary>
    public int ValueOffset;

    /// <summary>Length of the value, trailing white space excluded, folds (CRLF + SP/HTAB) kept raw.</summary>
    public int ValueLength;

    /// <summary>Length of the name (a header name is a token; the parser rejects longer ones).</summary>
    public ushort NameLength;

    /// <summary>The known header the name denotes, or <see cref="SipHeaderName.Unknown"/>.</summary>
    public SipHeaderName Id;
}
