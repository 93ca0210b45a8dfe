namespace Gateway.Tracing;

/// <summary>What a traced message is: one whole SIP message, or one whole M3UA message (common header first).</summary>
public enum TraceProtocol : byte
{
    Sip,
    M3ua,
}
