namespace Gateway.Isup;

/// <summary>
/// Why <see cref="IsupSignalCodec"/> could not turn bytes into a signal, or a signal into bytes. One member per
/// kind of fault, so that the daemon can count them apart; the codec's own reason, when there is one, is in
/// <see cref="IsupSignalResult.CodecError"/>.
/// </summary>
public enum IsupSignalError : byte
{
    /// <summary>No fault.</summary>
    None = 0,

    /// <summary>Decode: the bytes are not a well-formed ISUP message (<see cref="IsupSignalResult.CodecError"/> says why).</summary>
    Malformed,

    /// <summary>
    /// Decode: the message is well formed for the codec, but a parameter the procedures act on does not say what
    /// they need — a GRA, CGB, CGU or acknowledgement without status bits, or with a status field that does not have
    /// one bit per circuit of its range (Q.763 §3.43).
    /// </summary>
    InvalidParameter,

    /// <summary>Encode: a field of the signal cannot be put on the wire (a cause value above 127, a CQR whose circuit states do not match its range, ...).</summary>
    InvalidField,

    /// <summary>Encode: a message whose content call control owns (IAM, ACM, ...) came without its <see cref="IsupSignal.Message"/>, so its mandatory parameters are unknown.</summary>
    MissingMessage,

    /// <summary>Encode: <see cref="IsupSignal.Message"/> is not an <see cref="IsupMessage"/>.</summary>
    UnsupportedMessage,

    /// <summary>Encode: <see cref="IsupSignal.Message"/> is a message of another type than the signal's.</summary>
    MessageTypeMismatch,

    /// <summary>Encode: the codec could not lay the message out (<see cref="IsupSignalResult.CodecError"/> says why: destination too small, CIC out of range, ...).</summary>
    EncodingFailed,
}
