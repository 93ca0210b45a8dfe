namespace Gateway.Isup;

/// <summary>
/// Where an ISUP message starts. The same message travels in two envelopes that differ only in whether the
/// circuit identification code comes first, so every decode and encode names the envelope rather than guessing it.
/// </summary>
public enum IsupBodyForm : byte
{
    /// <summary>
    /// MTP3 user data as M3UA's Protocol Data carries it (RFC 4666 §3.3.1; the routing label is in M3UA's own
    /// fields): the 2-octet CIC, then the message type. Q.763 §1.2: ITU uses 12 bits of the CIC, least significant
    /// octet first; the top 4 bits of the second octet are spare.
    /// </summary>
    Mtp3UserData = 0,

    /// <summary>
    /// An <c>application/ISUP</c> body (RFC 3204 §3): starts at the message type; the CIC and the routing label are
    /// omitted because the SIP dialog, not a circuit, identifies the call.
    /// </summary>
    ApplicationIsup = 1,
}
