using System.Text;

namespace Gateway.Sip;

/// <summary>
/// One reason-value of a Reason header (RFC 3326 §2, RFC 8606): a protocol with its cause code and optional text,
/// e.g. <c>Q.850;cause=16;text="Terminated"</c> or <c>SIP;cause=486;text="Busy Here"</c>.
/// </summary>
public sealed class ReasonValue
{
    /// <summary>The protocol token for SIP status codes.</summary>
    public const string SipProtocol = "SIP";

    /// <summary>The protocol token for ITU-T Q.850 cause values (ISUP/ISDN).</summary>
    public const string Q850Protocol = "Q.850";

    /// <summary>Creates a reason value.</summary>
    /// <param name="protocol">The protocol token; <c>SIP</c> and <c>Q.850</c> in any case become the canonical spelling.</param>
    /// <param name="cause">The cause code, or null.</param>
    /// <param name="text">The text (unquoted), or null.</param>
    /// <param name="location">The RFC 8606 ISUP cause location (<c>LN</c>, <c>TN</c>...), or null.</param>
    /// <param name="extensions">Other parameters, in order.</param>
    /// <exception cref="ArgumentException">The protocol or location is not a token, or the cause is negative.</exception>
    public ReasonValue(string protocol, int? cause = null, string? text = null, string? location = null, IEnumerable<SipParameter>? extensions = null)
    {
        if (!SipSyntax.IsToken(Encoding.UTF8.GetBytes(protocol)))
        {
            throw new ArgumentException("The protocol must be a token.", nameof(protocol));
        }

        if (cause < 0)
        {
            throw new ArgumentException("The cause cannot be negative.", nameof(cause));
        }

        if (location is not null && !SipSyntax.IsToken(Encoding.UTF8.GetBytes(location)))
        {
            throw new ArgumentException("The location must be a token.", nameof(location));
        }

        Protocol = CanonicalProtocol(protocol);
        Cause = cause;
        Text = text;
        Location = location;
        Extensions = extensions is null ? SipParameterList.Empty : new SipParameterList(extensions);
    }

    /// <summary>The protocol: <see cref="SipProtocol"/>, <see cref="Q850Protocol"/> or another token as written.</summary>
    public string Protocol { get; }

    /// <summary>Whether the protocol is <c>SIP</c> (the cause is a SIP status code).</summary>
    public bool IsSip => Protocol == SipProtocol;

    /// <summary>Whether the protocol is <c>Q.850</c> (the cause is an ISUP/ISDN cause value).</summary>
    public bool IsQ850 => Protocol == Q850Protocol;

    /// <summary>The <c>cause</c> parameter, or null.</summary>
    public int? Cause { get; }

    /// <summary>The <c>text</c> parameter, unquoted, or null.</summary>
    public string? Text { get; }

    /// <summary>The RFC 8606 <c>location</c> parameter (an ISUP cause location token), or null.</summary>
    public string? Location { get; }

    /// <summary>Parameters other than cause, text and location, in order.</summary>
    public SipParameterList Extensions { get; }

    /// <summary>
    /// The Q.850 location code for <see cref="Location"/> (RFC 8606 §2 tokens: U=0, LPN=1, LN=2, TN=3, RLN=4,
    /// RPN=5, INTL=7, BI=10), for the location field of an ISUP cause indicators parameter.
    /// </summary>
    public bool TryGetQ850LocationCode(out int code)
    {
        code = Location?.ToUpperInvariant() switch
        {
            "U" => 0,
            "LPN" => 1,
            "LN" => 2,
            "TN" => 3,
            "RLN" => 4,
            "RPN" => 5,
            "INTL" => 7,
            "BI" => 10,
            _ => -1,
        };
        return code >= 0;
    }

    /// <summary>
    /// The value in header syntax: <c>Q.850;cause=16;text="Normal call clearing"</c>, the text quoted with
    /// <c>"</c> and <c>\</c> escaped (see <see cref="SipSyntax.AppendQuoted"/> for CR and LF).
    /// </summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    internal void AppendTo(StringBuilder builder)
    {
        builder.Append(Protocol);
        if (Cause is not null)
        {
            builder.Append(";cause=").Append(Cause.Value);
        }

        if (Text is not null)
        {
            builder.Append(";text=");
            SipSyntax.AppendQuoted(builder, Text);
        }

        if (Location is not null)
        {
            builder.Append(";location=").Append(Location);
        }

        foreach (SipParameter extension in Extensions)
        {
            extension.AppendTo(builder);
        }
    }

    internal static string CanonicalProtocol(string protocol) =>
        protocol.Equals(SipProtocol, StringComparison.OrdinalIgnoreCase) ? SipProtocol
        : protocol.Equals(Q850Protocol, StringComparison.OrdinalIgnoreCase) ? Q850Protocol
        : protocol;
}
