using System.Text;

namespace Gateway.M3ua;

/// <summary>
/// INFO String (RFC 4666 §3.8.2, tag 0x0004): free UTF-8 text of 0 to 255 octets, for operators. Its value has no
/// protocol meaning; a received string that is not valid UTF-8 reads with replacement characters, while the message
/// value keeps its octets.
/// </summary>
public readonly struct InfoString : IM3uaParameter<InfoString>, IEquatable<InfoString>
{
    private readonly string? _text;

    /// <summary>Creates the parameter.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> takes more than 255 octets in UTF-8.</exception>
    public InfoString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Encoding.UTF8.GetByteCount(text) > M3uaParameterRules.MaxInfoStringLength)
        {
            throw new ArgumentException("An INFO String holds at most 255 octets of UTF-8.", nameof(text));
        }

        _text = text;
    }

    // Received text: the octets were already checked against the 255 limit, and replacement characters for invalid
    // UTF-8 may make the decoded string longer than that, which must not throw.
    private InfoString(string text, bool received)
    {
        _ = received;
        _text = text;
    }

    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.InfoString;

    /// <summary>The text.</summary>
    public string Text => _text ?? "";

    /// <inheritdoc/>
    public int EncodedLength => Encoding.UTF8.GetByteCount(Text);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out InfoString parameter)
    {
        bool ok = value.Length <= M3uaParameterRules.MaxInfoStringLength;
        parameter = ok ? new InfoString(Encoding.UTF8.GetString(value), received: true) : default;
        return ok;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination) => Encoding.UTF8.GetBytes(Text, destination);

    /// <inheritdoc/>
    public bool Equals(InfoString other) => Text == other.Text;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is InfoString other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    /// <summary>The text.</summary>
    public override string ToString() => Text;
}
