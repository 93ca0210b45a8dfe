namespace Gateway.M3ua;

/// <summary>
/// Why <see cref="M3uaSignalCodec"/> could not turn bytes into a signal, or a signal into bytes: one member per kind
/// of fault, so that the association layer can count them apart. The codec's own reason, when there is one, is in
/// <see cref="M3uaSignalResult.CodecError"/>; the Error Code to answer in ERR in <see cref="M3uaSignalResult.ErrorCode"/>.
/// </summary>
public enum M3uaSignalError : byte
{
    /// <summary>No fault.</summary>
    None = 0,

    /// <summary>Decode: the bytes are not an M3UA message the codec accepts (<see cref="M3uaSignalResult.CodecError"/> says why).</summary>
    Malformed,

    /// <summary>Decode: a well-formed DATA, which is the association layer's, not the management's. Nothing to answer.</summary>
    NotASignal,

    /// <summary>
    /// Decode: well formed for the codec, but a parameter the machines act on could not be read into the signal (a
    /// Routing Key without a Destination Point Code, ...). ERR: Parameter Field Error.
    /// </summary>
    InvalidParameter,

    /// <summary>Encode: the signal's type is not one the codec can send from a signal's fields (DATA, DEREG RSP, an undefined value).</summary>
    UnsupportedSignal,

    /// <summary>Encode: a field the message needs is absent or cannot be put on the wire (an ERR without Error Code, a point code over 24 bits, ...).</summary>
    InvalidField,

    /// <summary>Encode: the codec could not lay the message out (<see cref="M3uaSignalResult.CodecError"/> says why: destination too small, ...).</summary>
    EncodingFailed,
}
