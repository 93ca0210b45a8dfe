using System.Diagnostics.CodeAnalysis;

namespace Gateway.Sip;

/// <summary>
/// An Info Package type (RFC 6086 §4.2.1, §4.2.2): the Info-Package header value and each element of Recv-Info,
/// <c>Info-package-name *( SEMI Info-package-param )</c>, e.g. <c>foo;bar=1</c>.
/// </summary>
public sealed class InfoPackageHeader
{
    private InfoPackageHeader(string name, SipParameterList parameters)
    {
        Name = name;
        Parameters = parameters;
    }

    /// <summary>The package name as written (a token).</summary>
    public string Name { get; }

    /// <summary>The package parameters, in order.</summary>
    public SipParameterList Parameters { get; }

    /// <summary>Whether this is the package <paramref name="name"/>, ignoring case.</summary>
    public bool Is(string name) => Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses an Info-Package value: exactly one package.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out InfoPackageHeader? result) =>
        TryParseElement(SipSyntax.TrimLinearWhitespace(value), out result);

    /// <summary>The package in header syntax.</summary>
    public override string ToString() => Name + Parameters.ToString();

    internal static bool TryParseElement(ReadOnlySpan<byte> s, [NotNullWhen(true)] out InfoPackageHeader? result)
    {
        result = null;
        int nameEnd = SipSyntax.ScanToken(s, 0);
        var parameters = new List<SipParameter>();
        if (nameEnd == 0 || !GenericParameterSyntax.TryReadToEnd(s, nameEnd, GenericParameterOptions.None, parameters))
        {
            return false;
        }

        result = new InfoPackageHeader(SipSyntax.GetString(s[..nameEnd]), SipParameterList.Wrap(parameters.ToArray()));
        return true;
    }
}
