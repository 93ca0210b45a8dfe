using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// The Session-Expires header (RFC 4028 §4): <c>delta-seconds *(SEMI se-params)</c>,
/// <c>se-params = refresher-param / generic-param</c>, e.g. <c>1800;refresher=uac</c>.
/// </summary>
public sealed class SessionExpiresHeader
{
    private SessionExpiresHeader(uint deltaSeconds, SessionRefresher refresher, SipParameterList parameters)
    {
        DeltaSeconds = deltaSeconds;
        Refresher = refresher;
        Parameters = parameters;
    }

    /// <summary>The session interval in seconds.</summary>
    public uint DeltaSeconds { get; }

    /// <summary>The refresher, or <see cref="SessionRefresher.Unspecified"/>.</summary>
    public SessionRefresher Refresher { get; }

    /// <summary>All parameters, in order.</summary>
    public SipParameterList Parameters { get; }

    /// <summary>Parses the value.</summary>
    /// <returns>False when the interval is not 1*DIGIT within 32 bits, or <c>refresher</c> is not <c>uac</c> or <c>uas</c>.</returns>
    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out SessionExpiresHeader? result)
    {
        result = null;
        if (!DeltaSecondsWithParameters.TryParse(value, out uint seconds, out SipParameterList? parameters))
        {
            return false;
        }

        SessionRefresher refresher = SessionRefresher.Unspecified;
        foreach (SipParameter parameter in parameters)
        {
            if (parameter.Is("refresher"))
            {
                // refresher-param = "refresher" EQUAL ("uas" / "uac"), once.
                SessionRefresher parsed = parameter.IsQuoted ? SessionRefresher.Unspecified
                    : string.Equals(parameter.Value, "uac", StringComparison.OrdinalIgnoreCase) ? SessionRefresher.Uac
                    : string.Equals(parameter.Value, "uas", StringComparison.OrdinalIgnoreCase) ? SessionRefresher.Uas
                    : SessionRefresher.Unspecified;
                if (parsed == SessionRefresher.Unspecified || refresher != SessionRefresher.Unspecified)
                {
                    return false;
                }

                refresher = parsed;
            }
        }

        result = new SessionExpiresHeader(seconds, refresher, parameters);
        return true;
    }

    /// <summary>Formats a value: <c>1800;refresher=uac</c>.</summary>
    public static string Format(uint deltaSeconds, SessionRefresher refresher = SessionRefresher.Unspecified)
    {
        var builder = new StringBuilder().Append(deltaSeconds);
        if (refresher != SessionRefresher.Unspecified)
        {
            builder.Append(";refresher=").Append(refresher == SessionRefresher.Uac ? "uac" : "uas");
        }

        return builder.ToString();
    }

    /// <summary>The value in header syntax.</summary>
    public override string ToString() => DeltaSeconds + Parameters.ToString();
}
