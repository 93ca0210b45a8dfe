using System.Collections.Concurrent;

namespace Gateway.Sip.Tests.Stack;

/// <summary>
/// The smallest UAS the SIPp scenarios need, on top of the stack: an INVITE to <c>answer</c> gets 180 then 200 with a
/// Contact and SDP; to <c>ring</c> only 180 (the caller cancels); a request inside a dialog (To tag) or any other request
/// gets 200. ACKs of 2xx are noted and dropped — there is no dialog layer yet.
/// </summary>
internal sealed class SippUas(Func<string> contact) : ISipTransactionUser
{
    public ConcurrentQueue<IReadOnlyList<ReasonValue>> Cancels { get; } = new();

    public ConcurrentQueue<string> Methods { get; } = new();

    public ConcurrentQueue<byte[]> InfoBodies { get; } = new();

    public int AcksOf2xx;

    public void RequestReceived(ServerRequest request)
    {
        Methods.Enqueue(request.Method);
        if (request.Method == "INFO")
        {
            InfoBodies.Enqueue(request.Message.Body.ToArray());
        }

        if (!request.IsInvite || request.To.Tag is not null)
        {
            request.Respond(200);
            return;
        }

        request.Respond(180);
        if (request.RequestUri.StartsWith("sip:answer@", StringComparison.Ordinal))
        {
            request.Respond(200, headers: [new("Contact", contact()), new("Content-Type", "application/sdp")], body: System.Text.Encoding.ASCII.GetBytes(SipText.Sdp.Replace("\n", "\r\n")));
        }
    }

    public void RequestCancelled(ServerRequest request, IReadOnlyList<ReasonValue> reasons) => Cancels.Enqueue(reasons);

    public void AckReceived(SipMessage ack, SipPeer source, ServerRequest? invite) => Interlocked.Increment(ref AcksOf2xx);

    public void StrayResponseReceived(SipMessage response, SipPeer source)
    {
    }

    public void RequestEnded(ServerRequest request, SipTransactionEnd end)
    {
    }
}
