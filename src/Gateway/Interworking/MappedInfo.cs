using Gateway.Sip;

namespace Gateway.Interworking;

/// <summary>An INFO as the mapping composes it from a USR.</summary>
public sealed record MappedInfo(string ContentType, ReadOnlyMemory<byte> Body, IReadOnlyList<SipHeader> Headers);
