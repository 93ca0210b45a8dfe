using System.Globalization;

namespace Gateway.Isup;

/// <summary>
/// The outcome of one <see cref="IsupSignalCodec"/> operation: success, or the fault with where it lies. A value
/// returned rather than an exception thrown, because bad input arrives on the hot path from a peer we do not control:
/// the caller counts it and logs it once.
/// </summary>
public readonly struct IsupSignalResult : IEquatable<IsupSignalResult>
{
    /// <summary>Creates a result.</summary>
    /// <param name="error">The fault, <see cref="IsupSignalError.None"/> for success.</param>
    /// <param name="codecError">The codec's reason, for <see cref="IsupSignalError.Malformed"/> and <see cref="IsupSignalError.EncodingFailed"/>.</param>
    /// <param name="offset">Where in the input the defect lies, -1 when not known.</param>
    /// <param name="parameter">The parameter the fault concerns, where there is one.</param>
    public IsupSignalResult(IsupSignalError error, IsupError codecError = IsupError.None, int offset = -1, IsupParameterCode? parameter = null)
    {
        Error = error;
        CodecError = codecError;
        Offset = offset;
        Parameter = parameter;
    }

    /// <summary>Success.</summary>
    public static IsupSignalResult Success => new(IsupSignalError.None);

    /// <summary>The fault, or <see cref="IsupSignalError.None"/>.</summary>
    public IsupSignalError Error { get; }

    /// <summary>The codec's reason, when the codec refused the bytes or the layout.</summary>
    public IsupError CodecError { get; }

    /// <summary>Offset of the defect from the start of the input (decode only), -1 when not known.</summary>
    public int Offset { get; }

    /// <summary>The parameter the fault concerns, where there is one.</summary>
    public IsupParameterCode? Parameter { get; }

    /// <summary>True when there is no fault.</summary>
    public bool Succeeded => Error == IsupSignalError.None;

    /// <summary>The fault as one log line, e.g. <c>malformed: pointer out of range at offset 4 (Cause indicators)</c>.</summary>
    public override string ToString()
    {
        if (Succeeded)
        {
            return "ok";
        }

        string text = Error switch
        {
            IsupSignalError.Malformed => "malformed: " + IsupErrors.Describe(CodecError),
            IsupSignalError.InvalidParameter => "parameter not usable by the procedures",
            IsupSignalError.InvalidField => "signal field cannot be encoded",
            IsupSignalError.MissingMessage => "call message without its decoded message",
            IsupSignalError.UnsupportedMessage => "message payload is not an IsupMessage",
            IsupSignalError.MessageTypeMismatch => "message payload of another type than the signal",
            IsupSignalError.EncodingFailed => "not encodable: " + IsupErrors.Describe(CodecError),
            _ => Error.ToString(),
        };
        if (Offset >= 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" at offset {Offset}");
        }

        if (Parameter is IsupParameterCode parameter)
        {
            text += " (" + IsupParameterNames.GetName(parameter) + ")";
        }

        return text;
    }

    /// <inheritdoc/>
    public bool Equals(IsupSignalResult other) =>
        Error == other.Error && CodecError == other.CodecError && Offset == other.Offset && Parameter == other.Parameter;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IsupSignalResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Error, CodecError, Offset, Parameter);

    public static bool operator ==(IsupSignalResult left, IsupSignalResult right) => left.Equals(right);

    public static bool operator !=(IsupSignalResult left, IsupSignalResult right) => !left.Equals(right);
}
