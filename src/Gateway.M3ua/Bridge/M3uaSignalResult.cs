using System.Globalization;

namespace Gateway.M3ua;

/// <summary>
/// The outcome of one <see cref="M3uaSignalCodec"/> operation: success, or the fault with where it lies and the Error
/// Code (RFC 4666 §3.8.1) a received message is to be answered with. A value returned rather than an exception
/// thrown, because bad input arrives from a peer we do not control: the caller answers, counts and logs it once.
/// </summary>
public readonly struct M3uaSignalResult : IEquatable<M3uaSignalResult>
{
    /// <summary>Creates a result.</summary>
    /// <param name="error">The fault, <see cref="M3uaSignalError.None"/> for success.</param>
    /// <param name="codecError">The codec's reason, for <see cref="M3uaSignalError.Malformed"/> and <see cref="M3uaSignalError.EncodingFailed"/>.</param>
    /// <param name="errorCode">The Error Code to answer a received message with; <see cref="M3uaErrorCode.None"/> when nothing is to be answered.</param>
    /// <param name="offset">Where in the input the defect lies, -1 when not known.</param>
    /// <param name="parameter">The parameter the fault concerns, where there is one.</param>
    public M3uaSignalResult(
        M3uaSignalError error,
        M3uaError codecError = M3uaError.None,
        M3uaErrorCode errorCode = M3uaErrorCode.None,
        int offset = -1,
        M3uaParameterTag? parameter = null)
    {
        Error = error;
        CodecError = codecError;
        ErrorCode = errorCode;
        Offset = offset;
        Parameter = parameter;
    }

    /// <summary>Success.</summary>
    public static M3uaSignalResult Success => new(M3uaSignalError.None);

    /// <summary>The fault, or <see cref="M3uaSignalError.None"/>.</summary>
    public M3uaSignalError Error { get; }

    /// <summary>The codec's reason, when the codec refused the bytes or the layout.</summary>
    public M3uaError CodecError { get; }

    /// <summary>Decode: the Error Code to send back in ERR (<see cref="M3uaErrorReply"/>); None when nothing is to be answered.</summary>
    public M3uaErrorCode ErrorCode { get; }

    /// <summary>Offset of the defect from the start of the input (decode only), -1 when not known.</summary>
    public int Offset { get; }

    /// <summary>The parameter the fault concerns, where there is one.</summary>
    public M3uaParameterTag? Parameter { get; }

    /// <summary>True when there is no fault.</summary>
    public bool Succeeded => Error == M3uaSignalError.None;

    /// <summary>The fault as one log line, e.g. <c>malformed: mandatory parameter missing at offset 8 (Status); ERR 0x16</c>.</summary>
    public override string ToString()
    {
        if (Succeeded)
        {
            return "ok";
        }

        string text = Error switch
        {
            M3uaSignalError.Malformed => "malformed: " + M3uaErrors.Describe(CodecError),
            M3uaSignalError.NotASignal => "DATA: not a management message",
            M3uaSignalError.InvalidParameter => "parameter not usable by the management",
            M3uaSignalError.UnsupportedSignal => "signal type not encodable from fields",
            M3uaSignalError.InvalidField => "signal field cannot be encoded",
            M3uaSignalError.EncodingFailed => "not encodable: " + M3uaErrors.Describe(CodecError),
            _ => Error.ToString(),
        };
        if (Offset >= 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" at offset {Offset}");
        }

        if (Parameter is M3uaParameterTag parameter)
        {
            text += " (" + parameter.ToString() + ")";
        }

        if (ErrorCode != M3uaErrorCode.None)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; ERR 0x{(uint)ErrorCode:x2}");
        }

        return text;
    }

    /// <inheritdoc/>
    public bool Equals(M3uaSignalResult other) =>
        Error == other.Error && CodecError == other.CodecError && ErrorCode == other.ErrorCode && Offset == other.Offset && Parameter == other.Parameter;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is M3uaSignalResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Error, CodecError, ErrorCode, Offset, Parameter);

    public static bool operator ==(M3uaSignalResult left, M3uaSignalResult right) => left.Equals(right);

    public static bool operator !=(M3uaSignalResult left, M3uaSignalResult right) => !left.Equals(right);
}
