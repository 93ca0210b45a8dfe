using System.Diagnostics.CodeAnalysis;

namespace Gateway.Sip;

/// <summary>The Min-SE header (RFC 4028 §5): <c>delta-seconds *(SEMI generic-param)</c>, the smallest acceptable session interval.</summary>
public sealed class MinSeHeader
{
    private MinSeHeader(uint deltaSeconds, SipParameterList parameters)
    {
        DeltaSeconds = deltaSeconds;
        Parameters = parameters;
    }

    /// <summary>The minimum session interval in seconds.</summary>
    public uint DeltaSeconds { get; }

    /// <summary>The parameters, in order.</summary>
    public SipParameterList Parameters { get; }

    /// <summary>Parses the value.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out MinSeHeader? result)
    {
        result = DeltaSecondsWithParameters.TryParse(value, out uint seconds, out SipParameterList? parameters)
            ? new MinSeHeader(seconds, parameters)
            : null;
        return result is not null;
    }

    /// <summary>The value in header syntax.</summary>
    public override string ToString() => DeltaSeconds + Parameters.ToString();
}
