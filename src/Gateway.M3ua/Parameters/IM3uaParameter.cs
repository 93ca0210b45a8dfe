namespace Gateway.M3ua;

/// <summary>
/// A typed view of one parameter: parsed from a value span, written back into one. Static members let the reader,
/// the writer and <see cref="M3uaMessage"/> work with any view through a constrained generic, without boxing.
/// </summary>
/// <typeparam name="TSelf">The view type itself.</typeparam>
public interface IM3uaParameter<TSelf>
    where TSelf : struct, IM3uaParameter<TSelf>
{
    /// <summary>The parameter tag the view reads and writes.</summary>
    static abstract M3uaParameterTag Tag { get; }

    /// <summary>Octets <see cref="Write"/> produces: the value only, without tag, length or padding.</summary>
    int EncodedLength { get; }

    /// <summary>Parses a parameter value (without tag, length or padding); false when it is not one this view can read.</summary>
    static abstract bool TryParse(ReadOnlySpan<byte> value, out TSelf parameter);

    /// <summary>Writes the value into <paramref name="destination"/> and returns <see cref="EncodedLength"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="EncodedLength"/>.</exception>
    int Write(Span<byte> destination);
}
