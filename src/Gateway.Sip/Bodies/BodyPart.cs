namespace Gateway.Sip;

/// <summary>
/// One part of a multipart body (RFC 2046 §5.1, RFC 5621): its MIME headers, kept raw with typed access, and its
/// content, byte for byte. An ISUP part (RFC 3204) is binary and may hold CR, LF and NUL octets.
/// </summary>
public sealed class BodyPart
{
    private readonly BodyPartHeader[] _headers;
    private MediaType? _contentType;
    private ContentDispositionHeader? _contentDisposition;

    /// <summary>A part with these headers and content (for building a multipart body).</summary>
    public BodyPart(IEnumerable<BodyPartHeader> headers, ReadOnlyMemory<byte> content)
    {
        _headers = headers.ToArray();
        Content = content;
    }

    /// <summary>The part's headers, in order.</summary>
    public IReadOnlyList<BodyPartHeader> Headers => _headers;

    /// <summary>The content: everything after the blank line that ends the headers, up to the CRLF of the next delimiter.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>
    /// The parsed Content-Type, or null when it is absent or malformed. RFC 2046 §5.1.1 makes an absent one mean
    /// <c>text/plain; charset=us-ascii</c>; that default is left to the caller, who knows whether it applies.
    /// </summary>
    public MediaType? ContentType
    {
        get
        {
            if (_contentType is null && TryGetHeader("Content-Type", out ReadOnlyMemory<byte> value))
            {
                MediaType.TryParse(value.Span, out _contentType);
            }

            return _contentType;
        }
    }

    /// <summary>The parsed Content-Disposition, or null when it is absent or malformed.</summary>
    public ContentDispositionHeader? ContentDisposition
    {
        get
        {
            if (_contentDisposition is null && TryGetHeader("Content-Disposition", out ReadOnlyMemory<byte> value))
            {
                ContentDispositionHeader.TryParse(value.Span, out _contentDisposition);
            }

            return _contentDisposition;
        }
    }

    /// <summary>The Content-ID value as text (angle brackets kept), or null.</summary>
    public string? ContentId => TryGetHeader("Content-ID", out _) ? _headers.First(h => h.Is("Content-ID")).ValueText : null;

    /// <summary>The raw value of the first header named <paramref name="name"/>, ignoring case.</summary>
    public bool TryGetHeader(string name, out ReadOnlyMemory<byte> value)
    {
        foreach (BodyPartHeader header in _headers)
        {
            if (header.Is(name))
            {
                value = header.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
