using Gateway.Sip.Tests.Stack;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>The scripted caller's side of a dialog with the user agent: builds its requests inside the dialog.</summary>
internal sealed class PeerDialog(UdpPeer peer, string agent, string callId, string localTag, string remoteTag)
{
    private int _cseq = 1;

    public string CallId => callId;

    /// <summary>The user agent's To tag.</summary>
    public string RemoteTag => remoteTag;

    /// <summary>A request in the dialog with the next CSeq (or the one given).</summary>
    public byte[] Request(string method, string? extraHeaders = null, string body = "", int? cseq = null)
    {
        int number = cseq ?? ++_cseq;
        return SipText.Message($"""
            {method} sip:gw@{agent} SIP/2.0
            Via: SIP/2.0/UDP {peer.Address};branch={SipIdentifiers.NewBranch()};rport
            Max-Forwards: 70
            From: "Alice" <sip:alice@{peer.Address}>;tag={localTag}
            To: <sip:+4930123456@{agent}>;tag={remoteTag}
            Call-ID: {callId}
            CSeq: {number} {method}
            Contact: <sip:alice@{peer.Address}>{(extraHeaders is null ? "" : "\n" + extraHeaders)}
            """, body);
    }

    /// <summary>The ACK of a 2xx to the INVITE with CSeq <paramref name="cseq"/> (its own branch, RFC 3261 §13.2.2.4).</summary>
    public byte[] Ack(int cseq = 1) => SipText.Message($"""
        ACK sip:gw@{agent} SIP/2.0
        Via: SIP/2.0/UDP {peer.Address};branch={SipIdentifiers.NewBranch()};rport
        Max-Forwards: 70
        From: "Alice" <sip:alice@{peer.Address}>;tag={localTag}
        To: <sip:+4930123456@{agent}>;tag={remoteTag}
        Call-ID: {callId}
        CSeq: {cseq} ACK
        """);
}
