using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// A media type as the Content-Type header carries it (RFC 3261 §20.15, RFC 2045 §5.1), also the elements of an
/// Accept header: <c>multipart/mixed;boundary=unique-boundary-1</c>,
/// <c>application/ISUP;version=itu-t92+;base=nxv3</c>. Type, subtype and parameter names compare case-insensitively.
/// </summary>
public sealed class MediaType
{
    private MediaType(string type, string subtype, SipParameterList parameters)
    {
        Type = type;
        Subtype = subtype;
        Parameters = parameters;
    }

    /// <summary>The top-level type as written (<c>application</c>, <c>multipart</c>, <c>*</c> in an Accept range).</summary>
    public string Type { get; }

    /// <summary>The subtype as written (<c>sdp</c>, <c>ISUP</c>, <c>mixed</c>, <c>*</c> in an Accept range).</summary>
    public string Subtype { get; }

    /// <summary>The parameters, in order, quoted values unquoted.</summary>
    public SipParameterList Parameters { get; }

    /// <summary><c>type/subtype</c> in lower case.</summary>
    public string Name => (Type + "/" + Subtype).ToLowerInvariant();

    /// <summary>Whether this is a <c>multipart/*</c> type.</summary>
    public bool IsMultipart => Type.Equals("multipart", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>boundary</c> parameter (multipart), or null.</summary>
    public string? Boundary => Parameters.GetValueOrDefault("boundary");

    /// <summary>The <c>version</c> parameter (<c>itu-t92+</c> for ISUP bodies, RFC 3204), or null.</summary>
    public string? Version => Parameters.GetValueOrDefault("version");

    /// <summary>The <c>base</c> parameter (RFC 3204 ISUP variant), or null.</summary>
    public string? Base => Parameters.GetValueOrDefault("base");

    /// <summary>The <c>charset</c> parameter, or null.</summary>
    public string? Charset => Parameters.GetValueOrDefault("charset");

    /// <summary>Whether this is <paramref name="type"/>/<paramref name="subtype"/>, ignoring case.</summary>
    public bool Is(string type, string subtype) =>
        Type.Equals(type, StringComparison.OrdinalIgnoreCase) && Subtype.Equals(subtype, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether an Accept media-range (<c>*/*</c>, <c>type/*</c> or <c>type/subtype</c>) covers this type.</summary>
    public bool IsMatchedBy(MediaType range) =>
        (range.Type == "*" || range.Type.Equals(Type, StringComparison.OrdinalIgnoreCase))
        && (range.Subtype == "*" || range.Subtype.Equals(Subtype, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Parses a Content-Type value: <c>m-type SLASH m-subtype *(SEMI m-parameter)</c> where every parameter has a
    /// value (token or quoted-string) and neither type nor subtype is a wildcard.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out MediaType? result) =>
        TryParse(SipSyntax.TrimLinearWhitespace(value), isRange: false, out result);

    /// <summary>
    /// Parses an Accept media-range: wildcards allowed (<c>*/*</c>, <c>type/*</c>), parameters may lack a value,
    /// and <c>q</c>, when present, must be a qvalue.
    /// </summary>
    internal static bool TryParseRange(ReadOnlySpan<byte> value, [NotNullWhen(true)] out MediaType? result) =>
        TryParse(value, isRange: true, out result);

    /// <summary>The media type in canonical form: lower-case <c>type/subtype</c>, then the parameters.</summary>
    public override string ToString() => new StringBuilder(Name).Append(Parameters.ToString()).ToString();

    private static bool TryParse(ReadOnlySpan<byte> s, bool isRange, [NotNullWhen(true)] out MediaType? result)
    {
        result = null;
        int typeEnd = SipSyntax.ScanToken(s, 0);
        int i = typeEnd;
        if (typeEnd == 0 || !SipSyntax.TryReadSeparator(s, ref i, (byte)'/'))
        {
            return false;
        }

        int subtypeStart = i;
        int subtypeEnd = SipSyntax.ScanToken(s, i);
        if (subtypeEnd == subtypeStart)
        {
            return false;
        }

        ReadOnlySpan<byte> type = s[..typeEnd];
        ReadOnlySpan<byte> subtype = s[subtypeStart..subtypeEnd];
        bool typeWildcard = type.SequenceEqual("*"u8);
        bool subtypeWildcard = subtype.SequenceEqual("*"u8);
        if (isRange ? typeWildcard && !subtypeWildcard : typeWildcard || subtypeWildcard)
        {
            return false;
        }

        var parameters = new List<SipParameter>();
        var options = isRange ? GenericParameterOptions.None : GenericParameterOptions.ValueRequired;
        if (!GenericParameterSyntax.TryReadToEnd(s, subtypeEnd, options, parameters))
        {
            return false;
        }

        if (isRange && parameters.Exists(p => p.Is("q") && (p.IsQuoted || !ContactHeader.IsQValue(p.Value))))
        {
            return false;
        }

        result = new MediaType(SipSyntax.GetString(type), SipSyntax.GetString(subtype), SipParameterList.Wrap(parameters.ToArray()));
        return true;
    }
}
