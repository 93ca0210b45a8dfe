using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// One via-parm of a Via header (RFC 3261 §20.42, §25.1; RFC 3581 rport):
/// <c>SIP/2.0/UDP pc33.atlanta.com:5066;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=5066</c>.
/// A Via header line may hold several, comma-separated: use <see cref="TryParseList"/>.
/// </summary>
/// <remarks>
/// Only <c>SIP/2.0</c> is accepted (RFC 4475 badvers: a SIP/7.0 Via makes the message invalid). Parsing copies the
/// header value once (shared by all via-parms of the line) and materialises the transport, sent-by host and branch,
/// which the transaction layer reads for every message; the other parameters are read on first access. Instances are
/// immutable and may be shared between threads.
/// </remarks>
public sealed class ViaHeader
{
    /// <summary>The RFC 3261 branch prefix that marks a globally unique transaction identifier (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    private const GenericParameterOptions ParameterOptions = GenericParameterOptions.AllowBareIPv6;

    private readonly byte[] _source;
    private readonly int _parametersStart;
    private readonly int _end;
    private readonly int _receivedStart;
    private readonly int _receivedEnd;
    private readonly int _maddrStart;
    private readonly int _maddrEnd;
    private SipParameterList? _parameters;

    private ViaHeader(byte[] source, in Layout layout)
    {
        _source = source;
        _parametersStart = layout.ParametersStart;
        _end = layout.End;
        Transport = layout.Transport;
        Host = SipSyntax.GetString(source.AsSpan(layout.HostStart, layout.HostEnd - layout.HostStart));
        HostKind = layout.HostKind;
        Port = layout.Port >= 0 ? layout.Port : null;
        Branch = layout.BranchStart >= 0 ? SipSyntax.GetString(source.AsSpan(layout.BranchStart, layout.BranchEnd - layout.BranchStart)) : null;
        _receivedStart = layout.ReceivedStart;
        _receivedEnd = layout.ReceivedEnd;
        _maddrStart = layout.MaddrStart;
        _maddrEnd = layout.MaddrEnd;
        HasRport = layout.HasRport;
        Rport = layout.Rport >= 0 ? layout.Rport : null;
        Ttl = layout.Ttl >= 0 ? layout.Ttl : null;
    }

    /// <summary>The protocol name: always <c>SIP</c>.</summary>
    public string ProtocolName => "SIP";

    /// <summary>The protocol version: always <c>2.0</c>.</summary>
    public string ProtocolVersion => "2.0";

    /// <summary>The transport in upper case: <c>UDP</c>, <c>TCP</c>, <c>TLS</c>, <c>SCTP</c>, <c>WS</c>... or any other token.</summary>
    public string Transport { get; }

    /// <summary>The sent-by host as written (an IPv6 reference keeps its brackets).</summary>
    public string Host { get; }

    /// <summary>What <see cref="Host"/> is.</summary>
    public SipUriHostKind HostKind { get; }

    /// <summary>The sent-by port, or null when none is written.</summary>
    public int? Port { get; }

    /// <summary>The <c>branch</c> parameter, or null (RFC 2543 peers, RFC 4475 inv2543).</summary>
    public string? Branch { get; }

    /// <summary>Whether the branch starts with the RFC 3261 magic cookie <c>z9hG4bK</c>.</summary>
    public bool HasMagicCookie => Branch is not null && Branch.StartsWith(MagicCookie, StringComparison.Ordinal);

    /// <summary>
    /// Whether the branch is an RFC 3261 transaction identifier: the magic cookie followed by at least one more
    /// character. A branch that is only the cookie (RFC 4475 badbranch) claims RFC 3261 but identifies nothing, so the
    /// transaction layer must not match on it.
    /// </summary>
    public bool IsRfc3261Branch => HasMagicCookie && Branch!.Length > MagicCookie.Length;

    /// <summary>The <c>received</c> parameter (an IP address), or null.</summary>
    public string? Received => _receivedStart >= 0 ? SipSyntax.GetString(_source.AsSpan(_receivedStart, _receivedEnd - _receivedStart)) : null;

    /// <summary>Whether an <c>rport</c> parameter is present, with or without a value (RFC 3581).</summary>
    public bool HasRport { get; }

    /// <summary>The value of <c>rport</c>, or null when it is absent or has no value yet.</summary>
    public int? Rport { get; }

    /// <summary>The <c>maddr</c> parameter (a host), or null.</summary>
    public string? MAddr => _maddrStart >= 0 ? SipSyntax.GetString(_source.AsSpan(_maddrStart, _maddrEnd - _maddrStart)) : null;

    /// <summary>The <c>ttl</c> parameter (0-255), or null.</summary>
    public int? Ttl { get; }

    /// <summary>All parameters, known and unknown, in order.</summary>
    public SipParameterList Parameters => _parameters ??= _parametersStart >= _end
        ? SipParameterList.Empty
        : GenericParameterSyntax.Materialize(_source.AsSpan(0, _end), _parametersStart, ParameterOptions);

    /// <summary>Parses a value holding exactly one via-parm.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out ViaHeader? result)
    {
        byte[] source = SipSyntax.TrimLinearWhitespace(value).ToArray();
        if (!TryParseElement(source, 0, source.Length, out Layout layout))
        {
            result = null;
            return false;
        }

        result = new ViaHeader(source, layout);
        return true;
    }

    /// <summary>Parses a Via header value (one or more comma-separated via-parms); on failure nothing is added.</summary>
    public static bool TryParseList(ReadOnlySpan<byte> value, List<ViaHeader> into)
    {
        int count = into.Count;
        byte[] source = value.ToArray();
        var elements = new CommaSeparatedValues(source);
        bool any = false;
        while (elements.MoveNext())
        {
            any = true;
            (int start, int length) = elements.CurrentRange.GetOffsetAndLength(source.Length);
            if (!TryParseElement(source, start, start + length, out Layout layout))
            {
                into.RemoveRange(count, into.Count - count);
                return false;
            }

            into.Add(new ViaHeader(source, layout));
        }

        return any;
    }

    /// <summary>Formats a via-parm for a request this element sends.</summary>
    /// <param name="transport">The transport token (UDP, TCP, TLS...).</param>
    /// <param name="host">The sent-by host (IPv6 in brackets).</param>
    /// <param name="port">The sent-by port, or null.</param>
    /// <param name="branch">The branch, normally starting with <see cref="MagicCookie"/>.</param>
    /// <param name="requestRport">Whether to add an empty <c>rport</c> parameter (RFC 3581 §3).</param>
    public static string Format(string transport, string host, int? port, string branch, bool requestRport = false)
    {
        var builder = StringBuilderCache.Acquire().Append("SIP/2.0/").Append(transport).Append(' ').Append(host);
        if (port is not null)
        {
            builder.Append(':').Append(port.Value);
        }

        builder.Append(";branch=").Append(branch);
        if (requestRport)
        {
            builder.Append(";rport");
        }

        return StringBuilderCache.GetStringAndRelease(builder);
    }

    /// <summary>The via-parm in canonical form: <c>SIP/2.0/TRANSPORT host[:port];params</c>.</summary>
    public override string ToString()
    {
        var builder = StringBuilderCache.Acquire().Append("SIP/2.0/").Append(Transport).Append(' ').Append(Host);
        if (Port is not null)
        {
            builder.Append(':').Append(Port.Value);
        }

        return StringBuilderCache.GetStringAndRelease(builder.Append(Parameters.ToString()));
    }

    private static bool TryParseElement(byte[] source, int start, int end, out Layout layout)
    {
        layout = default;
        layout.Port = layout.BranchStart = layout.ReceivedStart = layout.MaddrStart = layout.Rport = layout.Ttl = -1;
        ReadOnlySpan<byte> s = source.AsSpan(0, end);

        // sent-protocol = protocol-name SLASH protocol-version SLASH transport, SLASH = SWS "/" SWS
        int i = start;
        int nameEnd = SipSyntax.ScanToken(s, i);
        if (!SipSyntax.EqualsIgnoreCase(s[i..nameEnd], "SIP"))
        {
            return false;
        }

        i = nameEnd;
        if (!SipSyntax.TryReadSeparator(s, ref i, (byte)'/'))
        {
            return false;
        }

        int versionEnd = SipSyntax.ScanToken(s, i);
        if (!s[i..versionEnd].SequenceEqual("2.0"u8))
        {
            return false;
        }

        i = versionEnd;
        if (!SipSyntax.TryReadSeparator(s, ref i, (byte)'/'))
        {
            return false;
        }

        int transportEnd = SipSyntax.ScanToken(s, i);
        if (transportEnd == i)
        {
            return false;
        }

        layout.Transport = TransportName(s[i..transportEnd]);

        // sent-protocol LWS sent-by: the whitespace is required.
        i = SipSyntax.SkipLinearWhitespace(s, transportEnd);
        if (i == transportEnd || !HostSyntax.TryScanHost(s, i, out int hostEnd, out SipUriHostKind hostKind))
        {
            return false;
        }

        layout.HostStart = i;
        layout.HostEnd = hostEnd;
        layout.HostKind = hostKind;
        i = hostEnd;
        if (SipSyntax.TryReadSeparator(s, ref i, (byte)':'))
        {
            if (!SipSyntax.TryParseDigits(s, ref i, 65535, out long port))
            {
                return false;
            }

            layout.Port = (int)port;
        }

        layout.ParametersStart = i;
        layout.End = end;
        while (true)
        {
            switch (GenericParameterSyntax.TryRead(s, ref i, ParameterOptions, out GenericParameterRange parameter))
            {
                case GenericParameterScan.Parsed:
                    if (!TryReadKnownParameter(s, parameter, ref layout))
                    {
                        return false;
                    }

                    break;
                case GenericParameterScan.End:
                    return SipSyntax.SkipLinearWhitespace(s, i) == end;
                default:
                    return false;
            }
        }
    }

    private static bool TryReadKnownParameter(ReadOnlySpan<byte> s, in GenericParameterRange parameter, ref Layout layout)
    {
        ReadOnlySpan<byte> value = parameter.RawValue(s);
        bool plain = parameter.ValueKind == GenericParameterValueKind.Plain;
        if (parameter.NameIs(s, "branch"))
        {
            // via-branch = "branch" EQUAL token; a second branch would make the transaction ambiguous.
            if (!plain || layout.BranchStart >= 0 || !SipSyntax.IsToken(value))
            {
                return false;
            }

            layout.BranchStart = parameter.ValueStart;
            layout.BranchEnd = parameter.ValueEnd;
        }
        else if (parameter.NameIs(s, "received"))
        {
            // via-received = "received" EQUAL (IPv4address / IPv6address); the bracketed form is tolerated too.
            bool address = plain && (HostSyntax.IsIPv4Address(value) || HostSyntax.IsIPv6Address(value)
                || (HostSyntax.TryClassify(value, out SipUriHostKind kind) && kind == SipUriHostKind.IPv6));
            if (!address)
            {
                return false;
            }

            layout.ReceivedStart = parameter.ValueStart;
            layout.ReceivedEnd = parameter.ValueEnd;
        }
        else if (parameter.NameIs(s, "rport"))
        {
            // response-port = "rport" [EQUAL 1*DIGIT]
            layout.HasRport = true;
            if (parameter.HasValue)
            {
                if (!plain || !SipSyntax.TryParseNumber(value, 65535, out long port))
                {
                    return false;
                }

                layout.Rport = (int)port;
            }
        }
        else if (parameter.NameIs(s, "maddr"))
        {
            if (!plain || !HostSyntax.TryClassify(value, out _))
            {
                return false;
            }

            layout.MaddrStart = parameter.ValueStart;
            layout.MaddrEnd = parameter.ValueEnd;
        }
        else if (parameter.NameIs(s, "ttl"))
        {
            // ttl = 1*3DIGIT ; 0 to 255
            if (!plain || value.Length > 3 || !SipSyntax.TryParseNumber(value, 255, out long ttl))
            {
                return false;
            }

            layout.Ttl = (int)ttl;
        }

        return true;
    }

    private static string TransportName(ReadOnlySpan<byte> token)
    {
        foreach (string known in (ReadOnlySpan<string>)["UDP", "TCP", "TLS", "SCTP", "TLS-SCTP", "WS", "WSS"])
        {
            if (SipSyntax.EqualsIgnoreCase(token, known))
            {
                return known;
            }
        }

        return SipSyntax.GetString(token).ToUpperInvariant();
    }

    private struct Layout
    {
        public string Transport;
        public int HostStart;
        public int HostEnd;
        public SipUriHostKind HostKind;
        public int Port;
        public int ParametersStart;
        public int End;
        public int BranchStart;
        public int BranchEnd;
        public int ReceivedStart;
        public int ReceivedEnd;
        public int MaddrStart;
        public int MaddrEnd;
        public bool HasRport;
        public int Rport;
        public int Ttl;
    }
}
