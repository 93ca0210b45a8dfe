using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// One value of the User-to-User header (RFC 7433 §4.1, RFC 7434 for ISDN interworking):
/// <c>uui-data *(SEMI uui-param)</c>, e.g. <c>56a390f3d2b7310023a2;encoding=hex;purpose=isdn-uui;content=isdn-uui</c>.
/// </summary>
/// <remarks>
/// <para>
/// RFC 7433's ABNF swaps the names <c>uui-data</c> and <c>uui-param</c>; the structure implemented here is the one its
/// text and examples describe: the data (a token or quoted-string) first, then the <c>purpose</c>, <c>content</c>,
/// <c>encoding</c> and generic parameters.
/// </para>
/// <para>
/// Hex is the only encoding RFC 7433 defines and the one the ISDN package uses, so data with <c>encoding=hex</c> or
/// no <c>encoding</c> at all must be an even number of hex digits and is decoded into <see cref="Data"/>; with any
/// other encoding the data is kept only as text.
/// </para>
/// </remarks>
public sealed class UserToUserHeader
{
    private readonly byte[]? _data;

    private UserToUserHeader(string rawData, byte[]? data, SipParameterList parameters)
    {
        RawData = rawData;
        _data = data;
        Parameters = parameters;
    }

    /// <summary>The data as written (unquoted).</summary>
    public string RawData { get; }

    /// <summary>The decoded octets when the data is hex-encoded; otherwise null.</summary>
    public ReadOnlyMemory<byte>? Data => _data is null ? default(ReadOnlyMemory<byte>?) : _data;

    /// <summary>The <c>encoding</c> parameter, or null.</summary>
    public string? Encoding => Parameters.GetValueOrDefault("encoding");

    /// <summary>The <c>purpose</c> parameter (the UUI package, <c>isdn-uui</c> for ISDN), or null.</summary>
    public string? Purpose => Parameters.GetValueOrDefault("purpose");

    /// <summary>The <c>content</c> parameter, or null.</summary>
    public string? Content => Parameters.GetValueOrDefault("content");

    /// <summary>All parameters, in order.</summary>
    public SipParameterList Parameters { get; }

    /// <summary>Parses a value holding exactly one uui-value.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out UserToUserHeader? result) =>
        TryParseElement(SipSyntax.TrimLinearWhitespace(value), out result);

    /// <summary>Parses a comma-separated list of uui-values into <paramref name="into"/>; on failure nothing is added.</summary>
    public static bool TryParseList(ReadOnlySpan<byte> value, List<UserToUserHeader> into)
    {
        int count = into.Count;
        bool any = false;
        foreach (ReadOnlySpan<byte> element in new CommaSeparatedValues(value))
        {
            any = true;
            if (!TryParseElement(element, out UserToUserHeader? uui))
            {
                into.RemoveRange(count, into.Count - count);
                return false;
            }

            into.Add(uui);
        }

        return any;
    }

    /// <summary>Formats octets as a hex-encoded User-to-User value: <c>HEX;encoding=hex[;purpose=..][;content=..]</c>.</summary>
    /// <param name="data">The user-to-user information octets.</param>
    /// <param name="purpose">The <c>purpose</c> (package), or null to leave it out (then the ISDN package is implied).</param>
    /// <param name="content">The <c>content</c>, or null.</param>
    public static string Format(ReadOnlySpan<byte> data, string? purpose = null, string? content = null)
    {
        // No data at all still needs a uui-data element: the empty quoted-string.
        var builder = new StringBuilder(data.IsEmpty ? "\"\"" : Convert.ToHexString(data)).Append(";encoding=hex");
        if (purpose is not null)
        {
            builder.Append(";purpose=").Append(purpose);
        }

        if (content is not null)
        {
            builder.Append(";content=").Append(content);
        }

        return builder.ToString();
    }

    /// <summary>The value in header syntax: the data (quoted when it was), then the parameters.</summary>
    public override string ToString()
    {
        ReadOnlySpan<byte> raw = System.Text.Encoding.UTF8.GetBytes(RawData);
        return (SipSyntax.IsToken(raw) ? RawData : SipSyntax.Quote(RawData)) + Parameters.ToString();
    }

    private static bool TryParseElement(ReadOnlySpan<byte> s, [NotNullWhen(true)] out UserToUserHeader? result)
    {
        result = null;
        int dataEnd;
        string rawData;
        if (!s.IsEmpty && s[0] == (byte)'"')
        {
            if (!SipSyntax.TryScanQuotedString(s, 0, out dataEnd))
            {
                return false;
            }

            rawData = SipSyntax.Unquote(s[..dataEnd]);
        }
        else
        {
            dataEnd = SipSyntax.ScanToken(s, 0);
            if (dataEnd == 0)
            {
                return false;
            }

            rawData = SipSyntax.GetString(s[..dataEnd]);
        }

        var parameters = new List<SipParameter>();
        if (!GenericParameterSyntax.TryReadToEnd(s, dataEnd, GenericParameterOptions.None, parameters))
        {
            return false;
        }

        // pkg-param, cont-param and enc-param all take a token value.
        if (parameters.Exists(p => (p.Is("purpose") || p.Is("content") || p.Is("encoding")) && (p.Value is null || p.IsQuoted)))
        {
            return false;
        }

        SipParameterList list = SipParameterList.Wrap(parameters.ToArray());
        byte[]? data = null;
        if (!list.TryGetValue("encoding", out string? encoding) || string.Equals(encoding, "hex", StringComparison.OrdinalIgnoreCase))
        {
            if (rawData.Length % 2 != 0 || !rawData.All(char.IsAsciiHexDigit))
            {
                return false;
            }

            data = Convert.FromHexString(rawData);
        }

        result = new UserToUserHeader(rawData, data, list);
        return true;
    }
}
