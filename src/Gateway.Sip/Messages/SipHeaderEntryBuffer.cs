using System.Runtime.CompilerServices;

namespace Gateway.Sip;

/// <summary>
/// The header entries of a typical message, stored inside the <see cref="SipMessage"/> object itself so that
/// parsing allocates that one object and nothing else; larger messages spill to a pooled array.
/// </summary>
[InlineArray(SipMessage.InlineHeaderCapacity)]
internal struct SipHeaderEntryBuffer
{
    private SipHeaderEntry _element;
}
