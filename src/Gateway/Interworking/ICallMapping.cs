using Gateway.Isup;
using Gateway.Sip;

namespace Gateway.Interworking;

/// <summary>
/// What the call machines need from the SIP ⇄ ISUP mapping (RFC 3398, RFC 3326/6432, RFC 3204/7433, the seeds):
/// pure functions of messages and configuration, no I/O and no call state, so that each table is tested alone and the
/// machines only decide when to use them.
/// </summary>
public interface ICallMapping
{
    // ---- SIP → ISUP (a call from the PBX) ----

    /// <summary>
    /// The IAM for <paramref name="invite"/> (no CIC: the procedures choose the circuit): called party number from the
    /// Request-URI, calling party number from P-Asserted-Identity else From with Privacy, calling party's category,
    /// nature of connection and forward call indicators, transmission medium requirement from the SDP, user-to-user
    /// information from a User-to-User header. False with the SIP status to refuse the INVITE with (e.g. 484 when there
    /// is no usable called number).
    /// </summary>
    bool TryBuildIam(SipMessage invite, out IsupMessage iam, out int refusalStatus);

    /// <summary>The called number's digits of <paramref name="invite"/> as routing sees them (national form), or null.</summary>
    string? CalledDigits(SipMessage invite);

    /// <summary>The provisional status for a backward ACM or CPG: 180 (subscriber free / alerting), 183 (progress, in-band information) or 181 (a CPG's call forwarded events); 0 for none.</summary>
    int ProgressStatusFor(IsupMessage acmOrCpg);

    /// <summary>The final status for a REL cause before answer (RFC 3398 §7.2.4.1 by default, configurable).</summary>
    int StatusForCause(byte cause);

    /// <summary>The REL cause for a CANCEL, from its Reason values (the seeds: Q.850 wins, SIP;cause=S by table, 200 "call completed elsewhere" → 26, none → 16).</summary>
    byte CauseForCancel(IReadOnlyList<ReasonValue> reasons);

    /// <summary>The REL cause for a BYE, from its Reason values (16, normal clearing, when none says otherwise).</summary>
    byte CauseForBye(IReadOnlyList<ReasonValue> reasons);

    /// <summary>The <c>Reason</c> header value for <paramref name="cause"/> (RFC 6432): <c>Q.850;cause=N;text="..."</c>.</summary>
    string ReasonFor(byte cause);

    // ---- ISUP → SIP (a call from the PSTN) ----

    /// <summary>The called number's digits of <paramref name="iam"/> as routing sees them (national form), or null.</summary>
    string? CalledDigits(IsupMessage iam);

    /// <summary>
    /// The INVITE for <paramref name="iam"/> toward <paramref name="trunkHost"/> (host or host:port of the Request-URI):
    /// Request-URI from the called number (<c>sip:digits@host;user=phone</c>), From and P-Asserted-Identity from the
    /// calling number and Privacy from its presentation, User-to-User from the IAM's user-to-user information. The
    /// SDP body is the caller's to add.
    /// </summary>
    MappedInvite BuildInvite(IsupMessage iam, string trunkHost, string localHost);

    /// <summary>The REL cause for a SIP failure response to our INVITE (RFC 3398 §8.2.6.1 by default, configurable); a Reason Q.850 in the response wins.</summary>
    byte CauseForStatus(int status, IReadOnlyList<ReasonValue> reasons);

    // ---- User-to-user information at release (RFC 7433: BYE ⇄ REL) ----

    /// <summary>The user-to-user information of a User-to-User header value (the ISDN package), for a REL.</summary>
    bool TryUserToUser(string? headerValue, out UserToUserInformation uui);

    /// <summary>The User-to-User header for <paramref name="message"/>'s user-to-user information (a REL's, for the BYE), or none.</summary>
    IReadOnlyList<SipHeader> UserToUserHeaders(IsupMessage message);

    // ---- Mid-call user-to-user information ----

    /// <summary>
    /// The USR for an INFO: its application/ISUP body when that is a USR, else its User-to-User header. False with the
    /// status to answer the INFO with when it carries neither (200 when the body may be ignored, 415 when
    /// <c>handling=required</c>).
    /// </summary>
    bool TryUsrFromInfo(SipMessage info, out IsupMessage usr, out int status);

    /// <summary>The INFO for a USR from the PSTN: an application/ISUP body of that USR and a User-to-User header with its bytes.</summary>
    MappedInfo InfoFromUsr(IsupMessage usr);
}
