using System.Text;

namespace Gateway.Sip;

/// <summary>One MIME header of a body part: its name and its raw value (after the colon, folding kept).</summary>
/// <param name="Name">The header name as written.</param>
/// <param name="Value">The raw value bytes, which the typed parsers (<see cref="MediaType"/>...) accept as they are.</param>
public readonly record struct BodyPartHeader(string Name, ReadOnlyMemory<byte> Value)
{
    /// <summary>A header with a text value (encoded as UTF-8).</summary>
    public BodyPartHeader(string name, string value)
        : this(name, Encoding.UTF8.GetBytes(value))
    {
    }

    /// <summary>Whether the name is <paramref name="name"/>, ignoring case.</summary>
    public bool Is(string name) => Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value as text, trimmed of surrounding whitespace.</summary>
    public string ValueText => Encoding.UTF8.GetString(SipSyntax.TrimLinearWhitespace(Value.Span));
}
