using System.Runtime.CompilerServices;

namespace Gateway.Sip;

/// <summary>
/// For each known header, 1 + the index of its first instance in the message (0 when absent): constant-time
/// lookup of Call-ID, CSeq, Via... and detection of repeated singletons while parsing.
/// </summary>
[InlineArray(SipHeaderNames.Count)]
internal struct SipHeaderIndex
{
    private ushort _element;
}
