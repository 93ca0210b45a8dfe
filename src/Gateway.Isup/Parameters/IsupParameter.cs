namespace Gateway.Isup;

/// <summary>
/// One parameter of an <see cref="IsupMessage"/>: its code, the part of the message it belongs to, and its value
/// octets as they are on the wire (without code or length octet). Unknown codes are kept this way too, so that
/// nothing received is dropped silently.
/// </summary>
public readonly struct IsupParameter : IEquatable<IsupParameter>
{
    /// <summary>Creates a parameter.</summary>
    public IsupParameter(IsupParameterCode code, IsupParameterKind kind, ReadOnlyMemory<byte> value)
    {
        Code = code;
        Kind = kind;
        Value = value;
    }

    /// <summary>The parameter name code.</summary>
    public IsupParameterCode Code { get; }

    /// <summary>Where the parameter sits in the message.</summary>
    public IsupParameterKind Kind { get; }

    /// <summary>The value octets.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>Whether the code is one Q.763 defines.</summary>
    public bool IsKnown => IsupParameterNames.IsKnown(Code);

    /// <summary>Parses the value as <typeparamref name="T"/>; false when the code differs or the value does not parse.</summary>
    public bool TryGet<T>(out T view)
        where T : struct, IIsupParameter<T>
    {
        if (Code == T.Code)
        {
            return T.TryParse(Value.Span, out view);
        }

        view = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(IsupParameter other) => Code == other.Code && Kind == other.Kind && Value.Span.SequenceEqual(other.Value.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IsupParameter other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Code);
        hash.Add(Kind);
        hash.AddBytes(Value.Span);
        return hash.ToHashCode();
    }

    /// <summary>Code, kind and value in hex, for test failures and logs.</summary>
    public override string ToString() => $"{IsupParameterNames.GetName(Code)} (0x{(byte)Code:x2}, {Kind}): {Convert.ToHexStringLower(Value.Span)}";

    /// <summary>Equality of code, kind and value octets.</summary>
    public static bool operator ==(IsupParameter left, IsupParameter right) => left.Equals(right);

    /// <summary>Inequality of code, kind or value octets.</summary>
    public static bool operator !=(IsupParameter left, IsupParameter right) => !left.Equals(right);
}
