using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// A URI as SIP carries it: a <c>sip:</c> or <c>sips:</c> URI (RFC 3261 §19.1), a <c>tel:</c> URI (RFC 3966), or an
/// absolute URI of any other scheme, which is validated against RFC 2396 and kept opaque (<see cref="IsSip"/> and
/// <see cref="IsTel"/> false) so that messages naming such URIs still parse where the RFC allows them (RFC 4475
/// unkscm, novelsc, unksm2).
/// </summary>
/// <remarks>
/// <para>
/// Components are unescaped when read (<see cref="User"/>, <see cref="Parameters"/>, <see cref="Headers"/>) and kept
/// internally in a normalised escaped form, so an escaped NUL (<c>sip:null-%00-null@example.com</c>, RFC 4475 escnull)
/// comes back whole, and <see cref="ToString"/> re-emits the URI losslessly: lower-case scheme and host, escapes of
/// unreserved characters decoded, all other escapes with upper-case hex digits.
/// </para>
/// <para>
/// <see cref="Equals(SipUri?)"/> follows RFC 3261 §19.1.4 for SIP and SIPS URIs and RFC 3966 §4 for tel URIs.
/// </para>
/// <para>Instances are immutable and may be shared between threads.</para>
/// </remarks>
public sealed class SipUri : IEquatable<SipUri>
{
    private static readonly string[] ParametersThatMustMatch = ["user", "ttl", "method", "maddr", "transport"];

    private readonly SipUriScheme _kind;
    private readonly string? _user;
    private readonly string? _password;
    private readonly string? _opaque;
    private readonly string _parametersText;
    private readonly string _headersText;
    private string? _decodedUser;
    private string? _text;

    private SipUri(ReadOnlySpan<byte> text, in SipUriParts parts)
    {
        _kind = parts.Scheme;
        Scheme = _kind switch
        {
            SipUriScheme.Sip => "sip",
            SipUriScheme.Sips => "sips",
            SipUriScheme.Tel => "tel",
            _ => SipSyntax.GetString(text[..parts.SchemeEnd]).ToLowerInvariant(),
        };

        if (_kind == SipUriScheme.Other)
        {
            _opaque = Normalize(text[(parts.SchemeEnd + 1)..]);
            _parametersText = _headersText = string.Empty;
            Parameters = Headers = SipParameterList.Empty;
            return;
        }

        if (parts.UserStart >= 0)
        {
            _user = _kind == SipUriScheme.Tel ? SipSyntax.GetString(text[parts.UserStart..parts.UserEnd]) : Normalize(text[parts.UserStart..parts.UserEnd]);
        }

        if (parts.PasswordStart >= 0)
        {
            _password = Normalize(text[parts.PasswordStart..parts.PasswordEnd]);
        }

        if (_kind != SipUriScheme.Tel)
        {
            Host = SipSyntax.GetString(text[parts.HostStart..parts.HostEnd]).ToLowerInvariant();
            HostKind = parts.HostKind;
            Port = parts.Port >= 0 ? parts.Port : null;
        }

        ReadOnlySpan<byte> parameters = text[parts.ParametersStart..parts.ParametersEnd];
        _parametersText = Normalize(parameters);
        Parameters = DecodeList(parameters, (byte)';', isHeaders: false);

        ReadOnlySpan<byte> headers = text[parts.HeadersStart..parts.HeadersEnd];
        _headersText = Normalize(headers);
        Headers = DecodeList(headers, (byte)'&', isHeaders: true);
    }

    /// <summary>The scheme, in lower case: <c>sip</c>, <c>sips</c>, <c>tel</c> or another.</summary>
    public string Scheme { get; }

    /// <summary>Whether this is a <c>sip:</c> or <c>sips:</c> URI (whose components this type understands).</summary>
    public bool IsSip => _kind is SipUriScheme.Sip or SipUriScheme.Sips;

    /// <summary>Whether this is a <c>sips:</c> URI.</summary>
    public bool IsSecure => _kind == SipUriScheme.Sips;

    /// <summary>Whether this is a <c>tel:</c> URI.</summary>
    public bool IsTel => _kind == SipUriScheme.Tel;

    /// <summary>
    /// The user part, unescaped (bytes read as UTF-8, so use <see cref="GetUserBytes"/> for exact bytes); for a tel
    /// URI the telephone number as written, visual separators included. Null when there is none.
    /// </summary>
    public string? User => _user is null ? null : _decodedUser ??= _kind == SipUriScheme.Tel ? _user : DecodeString(_user);

    /// <summary>The password, unescaped; null when there is none, empty for <c>user:@host</c>.</summary>
    public string? Password => _password is null ? null : DecodeString(_password);

    /// <summary>The host in lower case; an IPv6 reference keeps its brackets. Null for tel and opaque URIs.</summary>
    public string? Host { get; }

    /// <summary>What <see cref="Host"/> is.</summary>
    public SipUriHostKind HostKind { get; }

    /// <summary>The port, when one is written (a URI without a port differs from one with the default port).</summary>
    public int? Port { get; }

    /// <summary>The URI parameters (<c>;transport=tcp;lr</c>), names and values unescaped, in order.</summary>
    public SipParameterList Parameters { get; }

    /// <summary>The URI headers (<c>?Subject=x&amp;Priority=y</c>), names and values unescaped, in order.</summary>
    public SipParameterList Headers { get; }

    /// <summary>For a URI of another scheme, everything after the colon (normalised escapes); otherwise null.</summary>
    public string? OpaquePart => _opaque;

    /// <summary>The <c>transport</c> parameter, or null.</summary>
    public string? Transport => Parameters.GetValueOrDefault("transport");

    /// <summary>The <c>maddr</c> parameter, or null.</summary>
    public string? MAddr => Parameters.GetValueOrDefault("maddr");

    /// <summary>The <c>user</c> parameter (<c>phone</c>, <c>ip</c>...), or null.</summary>
    public string? UserParameter => Parameters.GetValueOrDefault("user");

    /// <summary>Whether the <c>lr</c> parameter is present (a loose router, RFC 3261 §16.12).</summary>
    public bool IsLooseRouter => Parameters.Contains("lr");

    /// <summary>
    /// The telephone number without visual separators: for a tel URI the number (with its leading <c>+</c> when
    /// global); for a SIP URI with <c>user=phone</c> the user part up to its first semicolon. Otherwise null.
    /// </summary>
    public string? TelephoneNumber
    {
        get
        {
            string? number = _kind switch
            {
                SipUriScheme.Tel => _user,
                SipUriScheme.Sip or SipUriScheme.Sips when string.Equals(UserParameter, "phone", StringComparison.OrdinalIgnoreCase) && User is not null
                    => User.Split(';')[0],
                _ => null,
            };

            return number is null ? null : RemoveVisualSeparators(number);
        }
    }

    /// <summary>Whether <see cref="TelephoneNumber"/> is a global (E.164, <c>+</c>-prefixed) number.</summary>
    public bool IsGlobalNumber => TelephoneNumber is { Length: > 0 } number && number[0] == '+';

    /// <summary>The <c>phone-context</c> of a tel URI, or null.</summary>
    public string? PhoneContext => IsTel ? Parameters.GetValueOrDefault("phone-context") : null;

    /// <summary>Parses a URI.</summary>
    /// <param name="text">The URI text exactly (no surrounding whitespace, no angle brackets).</param>
    /// <param name="uri">The URI when the text is valid.</param>
    /// <returns>Whether the text is a valid URI.</returns>
    public static bool TryParse(ReadOnlySpan<byte> text, [NotNullWhen(true)] out SipUri? uri)
    {
        if (!SipUriParser.TryParse(text, out SipUriParts parts))
        {
            uri = null;
            return false;
        }

        uri = new SipUri(text, parts);
        return true;
    }

    /// <summary>Parses a URI given as a string (see <see cref="TryParse(ReadOnlySpan{byte}, out SipUri?)"/>).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SipUri? uri) => TryParse(Encoding.UTF8.GetBytes(text), out uri);

    /// <summary>
    /// Parses a Request-URI: a URI as <see cref="TryParse(ReadOnlySpan{byte}, out SipUri?)"/> accepts it, except that
    /// a SIP or SIPS URI may not carry headers there (RFC 3261 §19.1.1 table 1; RFC 4475 escruri).
    /// </summary>
    public static bool TryParseRequestUri(ReadOnlySpan<byte> text, [NotNullWhen(true)] out SipUri? uri)
    {
        if (!SipUriParser.TryParse(text, out SipUriParts parts)
            || (parts.Scheme is SipUriScheme.Sip or SipUriScheme.Sips && parts.HeadersEnd > parts.HeadersStart))
        {
            uri = null;
            return false;
        }

        uri = new SipUri(text, parts);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a valid URI, without building it.</summary>
    public static bool IsValid(ReadOnlySpan<byte> text) => SipUriParser.TryParse(text, out _);

    /// <summary>Builds a SIP or SIPS URI from unescaped components, escaping them as each part requires.</summary>
    /// <param name="scheme"><c>sip</c> or <c>sips</c>.</param>
    /// <param name="user">The user part, or null.</param>
    /// <param name="password">The password, or null (only with a user).</param>
    /// <param name="host">A hostname, IPv4 address or bracketed IPv6 reference.</param>
    /// <param name="port">The port, or null.</param>
    /// <param name="parameters">URI parameters; a value may be null but not empty.</param>
    /// <param name="headers">URI headers; values may be empty.</param>
    /// <exception cref="ArgumentException">The components do not make a valid URI.</exception>
    public static SipUri Create(
        string scheme,
        string? user,
        string? password,
        string host,
        int? port = null,
        IEnumerable<SipParameter>? parameters = null,
        IEnumerable<SipParameter>? headers = null)
    {
        if (!scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("sips", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Only sip and sips URIs can be built from components.", nameof(scheme));
        }

        var builder = StringBuilderCache.Acquire().Append(scheme).Append(':');
        if (user is not null)
        {
            PercentEncoding.AppendEncoded(builder, Encoding.UTF8.GetBytes(user), SipCharacterClass.User);
            if (password is not null)
            {
                builder.Append(':');
                PercentEncoding.AppendEncoded(builder, Encoding.UTF8.GetBytes(password), SipCharacterClass.Password);
            }

            builder.Append('@');
        }
        else if (password is not null)
        {
            throw new ArgumentException("A password needs a user.", nameof(password));
        }

        builder.Append(host);
        if (port is not null)
        {
            builder.Append(':').Append(port.Value);
        }

        foreach (SipParameter parameter in parameters ?? [])
        {
            builder.Append(';');
            PercentEncoding.AppendEncoded(builder, Encoding.UTF8.GetBytes(parameter.Name), SipCharacterClass.Param);
            if (parameter.Value is not null)
            {
                builder.Append('=');
                PercentEncoding.AppendEncoded(builder, Encoding.UTF8.GetBytes(parameter.Value), SipCharacterClass.Param);
            }
        }

        char separator = '?';
        foreach (SipParameter header in headers ?? [])
        {
            builder.Append(separator);
            separator = '&';
            PercentEncoding.AppendEncoded(builder, Encoding.UTF8.GetBytes(header.Name), SipCharacterClass.Header);
            builder.Append('=');
            PercentEncoding.AppendEncoded(builder, Encoding.UTF8.GetBytes(header.Value ?? string.Empty), SipCharacterClass.Header);
        }

        string text = StringBuilderCache.GetStringAndRelease(builder);
        return TryParse(text, out SipUri? uri) ? uri : throw new ArgumentException($"The components do not form a valid URI: {text}");
    }

    /// <summary>The exact bytes of the user part, escapes resolved (an escaped NUL stays a NUL); null when none.</summary>
    public byte[]? GetUserBytes() => _user is null ? null : PercentEncoding.Decode(Encoding.ASCII.GetBytes(_user));

    /// <summary>The URI in canonical form (see the remarks on <see cref="SipUri"/>).</summary>
    public override string ToString() => _text ??= Format();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SipUri);

    /// <summary>Whether both URIs are equivalent: RFC 3261 §19.1.4 for SIP/SIPS, RFC 3966 §4 for tel, exact otherwise.</summary>
    public bool Equals(SipUri? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (_kind != other._kind || Scheme != other.Scheme)
        {
            return false;
        }

        return _kind switch
        {
            SipUriScheme.Other => string.Equals(_opaque, other._opaque, StringComparison.Ordinal),
            SipUriScheme.Tel => string.Equals(TelephoneNumber, other.TelephoneNumber, StringComparison.OrdinalIgnoreCase)
                && SameParameterSet(Parameters, other.Parameters),
            _ => SipEquals(other),
        };
    }

    /// <inheritdoc />
    public override int GetHashCode() => _kind switch
    {
        SipUriScheme.Other => HashCode.Combine(Scheme, _opaque),
        SipUriScheme.Tel => HashCode.Combine(_kind, TelephoneNumber?.ToLowerInvariant()),
        _ => HashCode.Combine(_kind, HostKind == SipUriHostKind.IPv6 ? ParseIPv6(Host!)?.ToString() : Host, Port),
    };

    private static IPAddress? ParseIPv6(string reference) =>
        IPAddress.TryParse(reference.AsSpan(1, reference.Length - 2), out IPAddress? address) ? address : null;

    private bool SipEquals(SipUri other)
    {
        // Userinfo compares case-sensitively after unescaping; everything else ignores case.
        if (!SameEscapedText(_user, other._user) || !SameEscapedText(_password, other._password) || Port != other.Port || !SameHost(other))
        {
            return false;
        }

        // user, ttl, method, maddr and transport must match when either URI has them; other parameters only when both do.
        foreach (string name in ParametersThatMustMatch)
        {
            bool here = Parameters.TryGetValue(name, out string? mine);
            bool there = other.Parameters.TryGetValue(name, out string? theirs);
            if (here != there || !string.Equals(mine, theirs, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        // A repeated name is matched occurrence by occurrence: the second "x" against the other's second "x".
        for (int i = 0; i < Parameters.Count; i++)
        {
            SipParameter parameter = Parameters[i];
            int theirs = FindOccurrence(other.Parameters, parameter.Name, Occurrence(Parameters, i));
            if (theirs >= 0 && !string.Equals(parameter.Value, other.Parameters[theirs].Value, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        // Header components are never ignored: the same headers, in any order.
        if (Headers.Count != other.Headers.Count)
        {
            return false;
        }

        for (int i = 0; i < Headers.Count; i++)
        {
            SipParameter header = Headers[i];
            int theirs = FindOccurrence(other.Headers, header.Name, Occurrence(Headers, i));
            if (theirs < 0 || !string.Equals(header.Value, other.Headers[theirs].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many parameters before <paramref name="index"/> have the same name as the one at it.</summary>
    private static int Occurrence(SipParameterList list, int index)
    {
        int occurrence = 0;
        for (int i = 0; i < index; i++)
        {
            if (list[i].Is(list[index].Name))
            {
                occurrence++;
            }
        }

        return occurrence;
    }

    /// <summary>The index of the <paramref name="occurrence"/>-th parameter named <paramref name="name"/>, or -1.</summary>
    private static int FindOccurrence(SipParameterList list, string name, int occurrence)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].Is(name) && occurrence-- == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private bool SameHost(SipUri other)
    {
        if (HostKind == SipUriHostKind.IPv6 && other.HostKind == SipUriHostKind.IPv6)
        {
            // [::1] and [0:0::1] name the same address.
            IPAddress? mine = ParseIPv6(Host!);
            return mine is not null && mine.Equals(ParseIPv6(other.Host!));
        }

        return string.Equals(Host, other.Host, StringComparison.Ordinal);
    }

    private static bool SameParameterSet(SipParameterList a, SipParameterList b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            int theirs = FindOccurrence(b, a[i].Name, Occurrence(a, i));
            if (theirs < 0 || !string.Equals(a[i].Value, b[theirs].Value, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// RFC 3261 §19.1.4: "characters other than those in the reserved set are equivalent to their escaped form", so
    /// both sides are compared with every escape decoded except escapes of reserved characters.
    /// </summary>
    private static bool SameEscapedText(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return ComparisonKey(a).AsSpan().SequenceEqual(ComparisonKey(b));
    }

    private static byte[] ComparisonKey(string normalized)
    {
        var key = new List<byte>(normalized.Length);
        for (int i = 0; i < normalized.Length; i++)
        {
            if (normalized[i] == '%' && i + 2 < normalized.Length)
            {
                byte decoded = Convert.FromHexString(normalized.AsSpan(i + 1, 2))[0];
                if (SipCharacters.Is(decoded, SipCharacterClass.Reserved))
                {
                    // Keep the escape, marked so it cannot collide with the literal character.
                    key.Add(0xFF);
                    key.Add(decoded);
                    key.Add(0xFF);
                }
                else
                {
                    key.Add(decoded);
                }

                i += 2;
            }
            else
            {
                key.Add((byte)normalized[i]);
            }
        }

        return key.ToArray();
    }

    private string Format()
    {
        var builder = StringBuilderCache.Acquire().Append(Scheme).Append(':');
        switch (_kind)
        {
            case SipUriScheme.Other:
                builder.Append(_opaque);
                break;
            case SipUriScheme.Tel:
                builder.Append(_user).Append(_parametersText);
                break;
            default:
                if (_user is not null)
                {
                    builder.Append(_user);
                    if (_password is not null)
                    {
                        builder.Append(':').Append(_password);
                    }

                    builder.Append('@');
                }

                builder.Append(Host);
                if (Port is not null)
                {
                    builder.Append(':').Append(Port.Value);
                }

                builder.Append(_parametersText).Append(_headersText);
                break;
        }

        return StringBuilderCache.GetStringAndRelease(builder);
    }

    private static string Normalize(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        var builder = StringBuilderCache.Acquire();
        PercentEncoding.AppendNormalized(builder, text);
        return StringBuilderCache.GetStringAndRelease(builder);
    }

    private static string DecodeString(string escaped) => PercentEncoding.DecodeToString(Encoding.ASCII.GetBytes(escaped));

    /// <summary>
    /// Splits a validated <c>;a=b;c</c> or <c>?a=b&amp;c=d</c> section and unescapes each name and value.
    /// </summary>
    private static SipParameterList DecodeList(ReadOnlySpan<byte> section, byte separator, bool isHeaders)
    {
        if (section.IsEmpty)
        {
            return SipParameterList.Empty;
        }

        var items = new List<SipParameter>();
        ReadOnlySpan<byte> rest = section[1..];
        while (true)
        {
            int next = rest.IndexOf(separator);
            ReadOnlySpan<byte> item = next < 0 ? rest : rest[..next];
            int equals = item.IndexOf((byte)'=');
            string name = PercentEncoding.DecodeToString(equals < 0 ? item : item[..equals]);
            string? value = equals < 0 ? (isHeaders ? string.Empty : null) : PercentEncoding.DecodeToString(item[(equals + 1)..]);
            items.Add(new SipParameter(name, value));
            if (next < 0)
            {
                break;
            }

            rest = rest[(next + 1)..];
        }

        return SipParameterList.Wrap(items.ToArray());
    }

    private static string RemoveVisualSeparators(string number)
    {
        var builder = StringBuilderCache.Acquire();
        foreach (char c in number)
        {
            if (c is not ('-' or '.' or '(' or ')'))
            {
                builder.Append(c);
            }
        }

        return StringBuilderCache.GetStringAndRelease(builder);
    }
}
