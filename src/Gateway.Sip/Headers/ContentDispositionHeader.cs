using System.Diagnostics.CodeAnalysis;

namespace Gateway.Sip;

/// <summary>
/// The Content-Disposition header (RFC 3261 §20.11, RFC 3204 <c>signal</c> for ISUP bodies):
/// <c>disp-type *( SEMI disp-param )</c>, e.g. <c>signal;handling=optional</c> or <c>session</c>.
/// </summary>
public sealed class ContentDispositionHeader
{
    private ContentDispositionHeader(string type, SipParameterList parameters)
    {
        Type = type;
        Parameters = parameters;
    }

    /// <summary>The disposition type in lower case: <c>session</c>, <c>render</c>, <c>icon</c>, <c>alert</c>, <c>signal</c>...</summary>
    public string Type { get; }

    /// <summary>The parameters, in order.</summary>
    public SipParameterList Parameters { get; }

    /// <summary>The <c>handling</c> parameter as written, or null.</summary>
    public string? Handling => Parameters.GetValueOrDefault("handling");

    /// <summary>
    /// Whether the receiver must understand the body: true unless <c>handling=optional</c>, because "required"
    /// is the assumed value when the parameter is missing (§20.11). A gateway that cannot use an optional ISUP body
    /// may ignore it; a required one it cannot use calls for a 415.
    /// </summary>
    public bool IsHandlingRequired => !string.Equals(Handling, "optional", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the type is <paramref name="type"/>, ignoring case.</summary>
    public bool Is(string type) => Type.Equals(type, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the value.</summary>
    /// <returns>False when the type is not a token, a parameter is malformed or <c>handling</c> has no token value.</returns>
    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out ContentDispositionHeader? result)
    {
        result = null;
        value = SipSyntax.TrimLinearWhitespace(value);
        int typeEnd = SipSyntax.ScanToken(value, 0);
        var parameters = new List<SipParameter>();
        if (typeEnd == 0 || !GenericParameterSyntax.TryReadToEnd(value, typeEnd, GenericParameterOptions.None, parameters))
        {
            return false;
        }

        // handling-param = "handling" EQUAL ( "optional" / "required" / other-handling ), other-handling = token
        if (parameters.Exists(p => p.Is("handling") && (p.Value is null || p.IsQuoted)))
        {
            return false;
        }

        result = new ContentDispositionHeader(SipSyntax.GetString(value[..typeEnd]).ToLowerInvariant(), SipParameterList.Wrap(parameters.ToArray()));
        return true;
    }

    /// <summary>The value in canonical form: lower-case type, then the parameters.</summary>
    public override string ToString() => Type + Parameters.ToString();
}
