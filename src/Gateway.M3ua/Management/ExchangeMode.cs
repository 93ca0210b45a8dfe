namespace Gateway.M3ua;

/// <summary>How two IPSPs bring the association into service (RFC 4666 §4.3.1, §5.6).</summary>
public enum ExchangeMode
{
    /// <summary>Single exchange: only the client sends ASPUP and ASPAC; the server acknowledges them.</summary>
    Single,

    /// <summary>Double exchange: each side sends its own ASPUP and ASPAC and acknowledges the other's; traffic flows once both are active.</summary>
    Double,
}
