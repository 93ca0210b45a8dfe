using System.Threading.Channels;

namespace Gateway.Sip.Tests.Stack;

/// <summary>
/// The TU of the stack tests: records every callback in channels the test reads in order. Messages handed to a callback
/// are readable only during it, so they are recorded as <see cref="WireMessage"/> copies.
/// </summary>
internal sealed class RecordingUser : ISipTransactionUser
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public Channel<ServerRequest> Requests { get; } = Channel.CreateUnbounded<ServerRequest>();

    public Channel<(ServerRequest Request, IReadOnlyList<ReasonValue> Reasons)> Cancelled { get; } = Channel.CreateUnbounded<(ServerRequest, IReadOnlyList<ReasonValue>)>();

    public Channel<(WireMessage Ack, ServerRequest? Invite)> Acks { get; } = Channel.CreateUnbounded<(WireMessage, ServerRequest?)>();

    public Channel<WireMessage> LateAnswers { get; } = Channel.CreateUnbounded<WireMessage>();

    public Channel<(ServerRequest Request, SipTransactionEnd End)> Ended { get; } = Channel.CreateUnbounded<(ServerRequest, SipTransactionEnd)>();

    /// <summary>Runs inside <see cref="RequestReceived"/>, on the stack's receive thread, before the request is recorded.</summary>
    public Action<ServerRequest>? OnRequest { get; set; }

    public void RequestReceived(ServerRequest request)
    {
        OnRequest?.Invoke(request);
        Requests.Writer.TryWrite(request);
    }

    public void RequestCancelled(ServerRequest request, IReadOnlyList<ReasonValue> reasons) => Cancelled.Writer.TryWrite((request, reasons));

    public void AckReceived(SipMessage ack, SipPeer source, ServerRequest? invite) => Acks.Writer.TryWrite((new WireMessage(ack.Span), invite));

    public void LateAnswerReceived(SipMessage response, SipPeer source) => LateAnswers.Writer.TryWrite(new WireMessage(response.Span));

    public void RequestEnded(ServerRequest request, SipTransactionEnd end) => Ended.Writer.TryWrite((request, end));

    public static async Task<T> Next<T>(Channel<T> channel)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await channel.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"The TU was not called ({typeof(T).Name}).");
        }
    }
}
