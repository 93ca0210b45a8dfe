using Gateway.Isup;

namespace Gateway.Interworking;

/// <summary>
/// The operator's choices for <see cref="CallMapping"/>. The defaults are RFC 3398's tables and the values
/// docs/interworking-mapping.md gives with their sources; the overrides only replace the rows they name.
/// </summary>
public sealed record CallMappingOptions
{
    /// <summary>The defaults.</summary>
    public static CallMappingOptions Default { get; } = new();

    /// <summary>
    /// Dial-plan rules for numbers without <c>+</c> (called and calling), tried in order, the first matching prefix
    /// wins: list longer prefixes first (<c>"00"</c> before <c>"0"</c>). None by default: a trunk prefix is a national
    /// matter.
    /// </summary>
    public IReadOnlyList<NumberPrefixRule> NumberPrefixRules { get; init; } = [];

    /// <summary>The nature of address of a number without <c>+</c> that no rule matches: national (significant) number.</summary>
    public NatureOfAddress DefaultNatureOfAddress { get; init; } = NatureOfAddress.NationalNumber;

    /// <summary>
    /// Whether the IAM's called number ends with ST (end of pulsing): a SIP INVITE carries the whole number
    /// (en bloc), and Q.763 §3.9 uses ST to say so. True by default.
    /// </summary>
    public bool CalledNumberEndOfPulsing { get; init; } = true;

    /// <summary>
    /// Whether a SIP URI without <c>user=phone</c> whose user part is a dial string (digits, <c>+</c>, <c>*</c>,
    /// <c>#</c>, visual separators) is taken as a telephone number. True by default, since PBXs often leave
    /// <c>user=phone</c> out; false accepts only tel URIs and <c>user=phone</c> (RFC 3261 §19.1.1).
    /// </summary>
    public bool AcceptDialStringUser { get; init; } = true;

    /// <summary>The status that refuses an INVITE without a usable called number: 484 Address Incomplete (RFC 3398 §7.2.4.1: cause 28 ↔ 484).</summary>
    public int NoCalledNumberStatus { get; init; } = 484;

    /// <summary>The calling party's category of IAMs from SIP: ordinary calling subscriber.</summary>
    public CallingPartyCategoryValue CallingPartysCategory { get; init; } = CallingPartyCategoryValue.OrdinarySubscriber;

    /// <summary>Whether the IAM says an outgoing echo control device is included (true when the media gateway inserts one).</summary>
    public bool EchoControlDeviceIncluded { get; init; }

    /// <summary>
    /// The screening indicator of a calling number taken from From (no P-Asserted-Identity). Q.763 §3.10 f reserves
    /// "user provided, not verified" (0) in the calling party number of ITU networks, so the default is "user
    /// provided, verified and passed" (the trunk is an authorised source); set
    /// <see cref="ScreeningIndicator.UserProvidedNotVerified"/> where the network uses it.
    /// </summary>
    public ScreeningIndicator FromScreening { get; init; } = ScreeningIndicator.UserProvidedVerifiedAndPassed;

    /// <summary>Cause → status rows that replace RFC 3398 §7.2.4.1's (or add to it).</summary>
    public IReadOnlyDictionary<byte, int> CauseToStatusOverrides { get; init; } = new Dictionary<byte, int>();

    /// <summary>Status → cause rows that replace RFC 3398 §8.2.6.1's (or add to it).</summary>
    public IReadOnlyDictionary<int, byte> StatusToCauseOverrides { get; init; } = new Dictionary<int, byte>();

    /// <summary>The cause of a status that neither the table nor an override lists: 31 normal, unspecified (RFC 3398 §8.2.6.1).</summary>
    public byte UnlistedStatusCause { get; init; } = 31;

    /// <summary>The REL cause of a CANCEL without a usable Reason: 16 normal call clearing (RFC 3398 §8.2.6.1).</summary>
    public byte CancelWithoutReasonCause { get; init; } = 16;

    /// <summary>
    /// The REL cause of a CANCEL whose Reason is <c>SIP;cause=200</c> ("call completed elsewhere", RFC 3326, the
    /// forking seed): 26 non-selected user clearing, the Q.850 cause with that meaning.
    /// </summary>
    public byte CancelCompletedElsewhereCause { get; init; } = 26;

    /// <summary>
    /// The REL cause of a CANCEL whose Reason is <c>SIP;cause=S</c> with S in no table; null (the default) uses
    /// <see cref="UnlistedStatusCause"/> as for a response.
    /// </summary>
    public byte? CancelUnlistedStatusCause { get; init; }

    /// <summary>The REL cause of a BYE without a Q.850 Reason: 16 normal call clearing (RFC 3398 §8.2.6.1).</summary>
    public byte ByeWithoutReasonCause { get; init; } = 16;

    /// <summary>The <c>version</c> of the application/ISUP bodies we send (RFC 3204 §3).</summary>
    public string IsupBodyVersion { get; init; } = "itu-t92+";

    /// <summary>The <c>base</c> of the application/ISUP bodies we send, or null (the default) to leave it out.</summary>
    public string? IsupBodyBase { get; init; }
}
