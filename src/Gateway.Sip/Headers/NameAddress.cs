using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// A name-addr or addr-spec with header parameters (RFC 3261 §20.10, §25.1): the value of From, To, Contact,
/// Route, Record-Route, Refer-To, P-Asserted-Identity and the like, e.g.
/// <c>"Bob" &lt;sips:bob@biloxi.com&gt;;tag=a48s</c>.
/// </summary>
/// <remarks>
/// <para>
/// Without angle brackets (addr-spec form) the URI ends at the first semicolon and everything after it is a header
/// parameter, not a URI parameter (§20.10; RFC 4475 cparam01); a URI containing a comma or question mark must then
/// be bracketed, so such a value is rejected (RFC 4475 regbadct).
/// </para>
/// <para>
/// Parsing validates everything up front but builds little: it copies the value once and materialises only the
/// tag. The display name, the <see cref="SipUri"/> and the parameter list are built on first access.
/// </para>
/// <para>
/// Instances are immutable and may be shared between threads; a lazily built member read by two threads at once may
/// be built twice, with equal results.
/// </para>
/// </remarks>
public sealed class NameAddress
{
    private readonly byte[] _source;
    private readonly int _displayStart;
    private readonly int _displayEnd;
    private readonly bool _displayQuoted;
    private readonly int _uriStart;
    private readonly int _uriEnd;
    private readonly int _parametersStart;
    private readonly int _end;
    private string? _displayName;
    private SipUri? _uri;
    private SipParameterList? _parameters;

    private NameAddress(byte[] source, in Layout layout)
    {
        _source = source;
        _displayStart = layout.DisplayStart;
        _displayEnd = layout.DisplayEnd;
        _displayQuoted = layout.DisplayQuoted;
        _uriStart = layout.UriStart;
        _uriEnd = layout.UriEnd;
        _parametersStart = layout.ParametersStart;
        _end = layout.End;
        HasAngleBrackets = layout.Bracketed;
        Tag = layout.TagStart >= 0 ? SipSyntax.GetString(source.AsSpan(layout.TagStart, layout.TagEnd - layout.TagStart)) : null;
    }

    /// <summary>
    /// The display name: a quoted-string unquoted (escapes resolved), or a token sequence with its whitespace reduced
    /// to single spaces. Null when there is none; empty for <c>""</c>.
    /// </summary>
    public string? DisplayName
    {
        get
        {
            if (_displayStart < 0)
            {
                return null;
            }

            return _displayName ??= _displayQuoted
                ? SipSyntax.Unquote(_source.AsSpan(_displayStart, _displayEnd - _displayStart))
                : CollapseWhitespace(_source.AsSpan(_displayStart, _displayEnd - _displayStart));
        }
    }

    /// <summary>Whether the URI was written in angle brackets (name-addr form).</summary>
    public bool HasAngleBrackets { get; }

    /// <summary>The URI (built on first access; it was validated when the value was parsed).</summary>
    public SipUri Uri
    {
        get
        {
            return _uri ??= ParseUri();
        }
    }

    /// <summary>The URI exactly as written, without the angle brackets.</summary>
    public ReadOnlySpan<byte> UriText => _source.AsSpan(_uriStart, _uriEnd - _uriStart);

    /// <summary>The <c>tag</c> parameter (RFC 3261 §19.3), or null.</summary>
    public string? Tag { get; }

    /// <summary>All header parameters (including <c>tag</c>), in order.</summary>
    public SipParameterList Parameters => _parameters ??= ParseParameters();

    /// <summary>Parses one value (From, To, Refer-To...).</summary>
    /// <param name="value">The raw header value, possibly padded and folded.</param>
    /// <param name="result">The value when valid.</param>
    /// <returns>Whether the value is exactly one valid name-addr or addr-spec with parameters.</returns>
    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out NameAddress? result)
    {
        byte[] source = SipSyntax.TrimLinearWhitespace(value).ToArray();
        if (!TryParseElement(source, 0, source.Length, requireBrackets: false, out Layout layout))
        {
            result = null;
            return false;
        }

        result = new NameAddress(source, layout);
        return true;
    }

    /// <summary>
    /// Parses a comma-separated list of values (Contact, P-Asserted-Identity...) into <paramref name="into"/>.
    /// On failure nothing is added.
    /// </summary>
    public static bool TryParseList(ReadOnlySpan<byte> value, List<NameAddress> into) => TryParseList(value, into, requireBrackets: false);

    /// <summary>
    /// Parses a Route or Record-Route value: like <see cref="TryParseList(ReadOnlySpan{byte}, List{NameAddress})"/>
    /// but every element must be a name-addr (<c>rec-route = name-addr *( SEMI rr-param )</c>).
    /// </summary>
    public static bool TryParseRouteList(ReadOnlySpan<byte> value, List<NameAddress> into) => TryParseList(value, into, requireBrackets: true);

    /// <summary>Builds a value from its parts.</summary>
    /// <exception cref="ArgumentException">A parameter name is not a token or a value is neither a token nor quoted.</exception>
    public static NameAddress Create(SipUri uri, string? displayName = null, IEnumerable<SipParameter>? parameters = null)
    {
        string text = Format(displayName, uri.ToString(), parameters ?? []);
        return TryParse(Encoding.UTF8.GetBytes(text), out NameAddress? result)
            ? result
            : throw new ArgumentException($"The parts do not form a valid name-addr: {text}");
    }

    /// <summary>A copy with the <c>tag</c> parameter set to <paramref name="tag"/> (added or replaced).</summary>
    public NameAddress WithTag(string tag)
    {
        var parameters = Parameters.Where(p => !p.Is("tag")).Append(new SipParameter("tag", tag));
        return Create(Uri, DisplayName, parameters);
    }

    /// <summary>The value in canonical form: <c>"display" &lt;uri&gt;;params</c>, always bracketed.</summary>
    // Not through Uri and Parameters: a dialog writes its parties into every request it sends, and objects cached for
    // that were kept for the call's life (a held call's largest part at the far gateway).
    public override string ToString() => Format(DisplayName, (_uri ?? ParseUri()).ToString(), _parameters ?? ParseParameters());

    private SipUri ParseUri()
    {
        SipUri.TryParse(UriText, out SipUri? uri);
        return uri!;
    }

    private SipParameterList ParseParameters() => _parametersStart >= _end
        ? SipParameterList.Empty
        : GenericParameterSyntax.Materialize(_source.AsSpan(0, _end), _parametersStart, GenericParameterOptions.None);

    private static string Format(string? displayName, string uri, IEnumerable<SipParameter> parameters)
    {
        var builder = StringBuilderCache.Acquire();
        if (displayName is not null)
        {
            SipSyntax.AppendQuoted(builder, displayName);
            builder.Append(' ');
        }

        builder.Append('<').Append(uri).Append('>');
        foreach (SipParameter parameter in parameters)
        {
            parameter.AppendTo(builder);
        }

        return StringBuilderCache.GetStringAndRelease(builder);
    }

    private static bool TryParseList(ReadOnlySpan<byte> value, List<NameAddress> into, bool requireBrackets)
    {
        int count = into.Count;
        byte[] source = value.ToArray();
        var elements = new CommaSeparatedValues(source);
        bool any = false;
        while (elements.MoveNext())
        {
            any = true;
            (int start, int length) = elements.CurrentRange.GetOffsetAndLength(source.Length);
            if (!TryParseElement(source, start, start + length, requireBrackets, out Layout layout))
            {
                into.RemoveRange(count, into.Count - count);
                return false;
            }

            into.Add(new NameAddress(source, layout));
        }

        return any;
    }

    private static bool TryParseElement(byte[] source, int start, int end, bool requireBrackets, out Layout layout)
    {
        layout = default;
        layout.DisplayStart = layout.TagStart = -1;
        ReadOnlySpan<byte> s = source.AsSpan(0, end);
        if (start >= end)
        {
            return false;
        }

        int i = start;
        int lessThan = -1;
        if (s[i] == (byte)'"')
        {
            if (!SipSyntax.TryScanQuotedString(s, i, out int quoteEnd))
            {
                return false;
            }

            layout.DisplayStart = i;
            layout.DisplayEnd = quoteEnd;
            layout.DisplayQuoted = true;
            i = SipSyntax.SkipLinearWhitespace(s, quoteEnd);
            if (i >= end || s[i] != (byte)'<')
            {
                return false;
            }

            lessThan = i;
        }
        else
        {
            // display-name = *(token LWS): a run of tokens followed by '<' is a name-addr. RFC 4475 lwsdisp shows the
            // LWS before '<' may be missing (a grammar bug in RFC 3261 that receivers must tolerate).
            int tokensEnd = i;
            int j = i;
            while (true)
            {
                int tokenEnd = SipSyntax.ScanToken(s, j);
                if (tokenEnd == j)
                {
                    break;
                }

                tokensEnd = tokenEnd;
                j = SipSyntax.SkipLinearWhitespace(s, tokenEnd);
            }

            if (j < end && s[j] == (byte)'<')
            {
                lessThan = j;
                if (tokensEnd > i)
                {
                    layout.DisplayStart = i;
                    layout.DisplayEnd = tokensEnd;
                }
            }
        }

        if (lessThan >= 0)
        {
            // LAQUOT addr-spec RAQUOT: no whitespace inside the brackets (RFC 4475 badaspec).
            int greaterThan = s[lessThan..].IndexOf((byte)'>');
            if (greaterThan < 0)
            {
                return false;
            }

            greaterThan += lessThan;
            layout.UriStart = lessThan + 1;
            layout.UriEnd = greaterThan;
            layout.Bracketed = true;
            i = greaterThan + 1;
            if (!SipUriParser.TryParse(s[layout.UriStart..layout.UriEnd], out _))
            {
                return false;
            }
        }
        else
        {
            if (requireBrackets)
            {
                return false;
            }

            int uriEnd = i;
            while (uriEnd < end && s[uriEnd] != (byte)';' && !SipSyntax.IsWhitespace(s[uriEnd]) && s[uriEnd] != (byte)'\r')
            {
                uriEnd++;
            }

            ReadOnlySpan<byte> uri = s[i..uriEnd];
            if (uri.IndexOfAny((byte)'?', (byte)',') >= 0 || !SipUriParser.TryParse(uri, out _))
            {
                return false;
            }

            layout.UriStart = i;
            layout.UriEnd = uriEnd;
            i = uriEnd;
        }

        layout.ParametersStart = i;
        layout.End = end;
        while (true)
        {
            switch (GenericParameterSyntax.TryRead(s, ref i, GenericParameterOptions.None, out GenericParameterRange parameter))
            {
                case GenericParameterScan.Parsed:
                    if (parameter.NameIs(s, "tag"))
                    {
                        // tag-param = "tag" EQUAL token, and a second tag would make the dialog ambiguous.
                        if (parameter.ValueKind != GenericParameterValueKind.Plain || layout.TagStart >= 0 || !SipSyntax.IsToken(parameter.RawValue(s)))
                        {
                            return false;
                        }

                        layout.TagStart = parameter.ValueStart;
                        layout.TagEnd = parameter.ValueEnd;
                    }

                    break;
                case GenericParameterScan.End:
                    return SipSyntax.SkipLinearWhitespace(s, i) == end;
                default:
                    return false;
            }
        }
    }

    private static string CollapseWhitespace(ReadOnlySpan<byte> tokens)
    {
        var builder = new StringBuilder(tokens.Length);
        int i = 0;
        while (i < tokens.Length)
        {
            int next = SipSyntax.SkipLinearWhitespace(tokens, i);
            if (next > i)
            {
                builder.Append(' ');
                i = next;
            }
            else
            {
                builder.Append((char)tokens[i]);
                i++;
            }
        }

        return builder.ToString();
    }

    private struct Layout
    {
        public int DisplayStart;
        public int DisplayEnd;
        public bool DisplayQuoted;
        public int UriStart;
        public int UriEnd;
        public bool Bracketed;
        public int ParametersStart;
        public int End;
        public int TagStart;
        public int TagEnd;
    }
}
