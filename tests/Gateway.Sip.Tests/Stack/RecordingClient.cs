using System.Threading.Channels;

namespace Gateway.Sip.Tests.Stack;

/// <summary>The TU of one request the tests send: records responses (as copies) and the end of the transaction.</summary>
internal sealed class RecordingClient : IClientTransactionUser
{
    public Channel<WireMessage> Responses { get; } = Channel.CreateUnbounded<WireMessage>();

    public Channel<SipTransactionEnd> Ended { get; } = Channel.CreateUnbounded<SipTransactionEnd>();

    /// <summary>Runs inside <see cref="ResponseReceived"/> on the stack's thread, after the response is recorded.</summary>
    public Action<ClientRequest, WireMessage>? OnResponse { get; set; }

    public void ResponseReceived(ClientRequest request, SipMessage response)
    {
        var copy = new WireMessage(response.Span);
        Responses.Writer.TryWrite(copy);
        OnResponse?.Invoke(request, copy);
    }

    public void RequestEnded(ClientRequest request, SipTransactionEnd end) => Ended.Writer.TryWrite(end);
}
