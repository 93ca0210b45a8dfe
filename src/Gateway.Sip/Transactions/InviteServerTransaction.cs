using Gateway.Fsm;

namespace Gateway.Sip;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 as updated by RFC 6026: sends the TU's responses, sends
/// 100 Trying itself when the TU has sent no provisional response within <see cref="SipTimerSettings.TryingDelay"/>,
/// answers retransmitted INVITEs, retransmits a 300–699 response (unreliable transports) until the ACK, and after
/// a 2xx stays in Accepted for 64·T1 to absorb INVITE retransmissions while the TU retransmits its 2xx.
/// </summary>
/// <remarks>
/// The transaction is live from construction (RFC 3261: a server transaction is created in Proceeding for a
/// received INVITE); passing that INVITE to the TU is the creator's job. See <see cref="SipTransaction"/> for
/// threading and callback delivery. The state diagram is in <c>docs/sip-transactions.md</c>.
/// </remarks>
/// <typeparam name="TMessage">The layer above's parsed message type, handed back to it untouched (the ACK in Accepted).</typeparam>
public sealed class InviteServerTransaction<TMessage> : SipTransaction<InviteServerState>
    where TMessage : class
{
    private static readonly TriggerWithParameter<InviteServerTrigger, ReadOnlyMemory<byte>> Provisional;
    private static readonly TriggerWithParameter<InviteServerTrigger, ReadOnlyMemory<byte>> Success;
    private static readonly TriggerWithParameter<InviteServerTrigger, ReadOnlyMemory<byte>> Failure;
    private static readonly TriggerWithParameter<InviteServerTrigger, TMessage> Ack;

    private readonly IInviteServerTransactionSink<TMessage> _sink;
    private ReadOnlyMemory<byte> _trying;
    private ReadOnlyMemory<byte> _lastProvisional;
    private ReadOnlyMemory<byte> _final;

    static InviteServerTransaction()
    {
        var builder = new StateMachineBuilder<InviteServerState, InviteServerTrigger, InviteServerTransaction<TMessage>>(InviteServerState.Proceeding);
        Provisional = builder.SetTriggerParameter<ReadOnlyMemory<byte>>(InviteServerTrigger.Provisional);
        Success = builder.SetTriggerParameter<ReadOnlyMemory<byte>>(InviteServerTrigger.Success);
        Failure = builder.SetTriggerParameter<ReadOnlyMemory<byte>>(InviteServerTrigger.Failure);
        Ack = builder.SetTriggerParameter<TMessage>(InviteServerTrigger.Ack);

        builder.Configure(InviteServerState.Live)
            .Permit(InviteServerTrigger.TransportError, InviteServerState.Terminated)
            .Permit(InviteServerTrigger.Abandon, InviteServerState.Terminated);

        // Initial state: Gateway.Fsm runs no entry action for it, so the constructor starts the 100 Trying timer.
        builder.Configure(InviteServerState.Proceeding)
            .SubstateOf(InviteServerState.Live)
            .OnExit(static (tx, _) => tx.LeaveProceeding(), "stop the 100 Trying timer, forget the 1xx")
            .InternalTransition(InviteServerTrigger.TimerTrying, static (tx, _) => tx.SendProvisional(tx._trying), "send 100 Trying")
            .InternalTransition(Provisional, static (tx, in response, _) => tx.SendProvisional(response), "send 1xx, stop the 100 Trying timer")
            .InternalTransition(InviteServerTrigger.Retransmission, static (tx, _) => tx.ResendProvisional(), "resend the last 1xx (100 Trying if none yet)")
            .Permit(InviteServerTrigger.Success, InviteServerState.Accepted)
            .Permit(InviteServerTrigger.Failure, InviteServerState.Completed);

        builder.Configure(InviteServerState.Completed)
            .SubstateOf(InviteServerState.Live)
            .OnEntryFrom(Failure, static (tx, in response, _) => tx.SendFinal(response), "send the final response")
            .OnEntry(static (tx, _) => tx.StartTimers(TransactionTimer.G, TransactionTimer.H), "start Timer G (unreliable) and Timer H")
            .OnExit(static (tx, _) => tx.StopTimers(TransactionTimer.G, TransactionTimer.H), "stop Timers G and H")
            .InternalTransition(InviteServerTrigger.TimerG, static (tx, _) => tx.Retransmit(tx._final, TransactionTimer.G, tx.DoubledIntervalUpToT2()), "resend the final response, restart Timer G at min(2·G, T2)")
            .InternalTransition(InviteServerTrigger.Retransmission, static (tx, _) => tx.EmitSend(tx._final), "resend the final response")
            .Permit(InviteServerTrigger.Ack, InviteServerState.Confirmed)
            .Permit(InviteServerTrigger.TimerH, InviteServerState.Terminated);

        builder.Configure(InviteServerState.Confirmed)
            .SubstateOf(InviteServerState.Live)
            .OnEntry(static (tx, _) => tx.StartTimer(TransactionTimer.I), "start Timer I (zero on reliable transports)")
            .OnExit(static (tx, _) => tx.StopTimer(TransactionTimer.I), "stop Timer I")
            .Ignore(InviteServerTrigger.Ack)
            .Ignore(InviteServerTrigger.Retransmission)
            .Permit(InviteServerTrigger.TimerI, InviteServerState.Terminated);

        builder.Configure(InviteServerState.Accepted)
            .SubstateOf(InviteServerState.Live)
            .OnEntryFrom(Success, static (tx, in response, _) => tx.EmitSend(response), "send the 2xx")
            .OnEntry(static (tx, _) => tx.StartTimer(TransactionTimer.L), "start Timer L")
            .OnExit(static (tx, _) => tx.StopTimer(TransactionTimer.L), "stop Timer L")
            .InternalTransition(Success, static (tx, in response, _) => tx.EmitSend(response), "send the 2xx (the TU's retransmission)")
            .InternalTransition(Ack, static (tx, in ack, _) => tx.Emit(TransactionEffectKind.AckReceived, message: ack), "ACK to TU")
            .Ignore(InviteServerTrigger.Retransmission)
            .Permit(InviteServerTrigger.TimerL, InviteServerState.Terminated);

        builder.Configure(InviteServerState.Terminated)
            .OnEntryFrom(InviteServerTrigger.TimerH, static (tx, _) => tx.Emit(TransactionEffectKind.TimedOut), "tell TU: no ACK")
            .OnEntryFrom(InviteServerTrigger.TransportError, static (tx, _) => tx.Emit(TransactionEffectKind.TransportFailed), "tell TU: transport failed")
            .OnEntry(static (tx, _) => tx.Finish(), "dispose timers, tell TU: terminated");

        builder.OnUnhandledTrigger(static (tx, _, _, _) => tx.MarkTriggerUnhandled());
        Machine = builder.Build();
    }

    /// <summary>
    /// Creates the transaction for a received INVITE, in <see cref="InviteServerState.Proceeding"/>, and starts the
    /// 100 Trying timer.
    /// </summary>
    /// <param name="tryingResponse">
    /// The serialised 100 Trying for this INVITE (RFC 3261 §8.2.6, built by the layer above), sent if the TU has sent
    /// no provisional response after <see cref="SipTimerSettings.TryingDelay"/> or when the INVITE is retransmitted first.
    /// </param>
    /// <param name="sink">Where the transaction sends messages and reports to its TU.</param>
    /// <param name="timers">T1, T2, T4 and the timers derived from them.</param>
    /// <param name="reliableTransport">True over TCP, TLS or SCTP: no retransmission, Timer I is zero.</param>
    /// <param name="timeProvider">The clock and timers (a virtual one in tests).</param>
    public InviteServerTransaction(
        ReadOnlyMemory<byte> tryingResponse,
        IInviteServerTransactionSink<TMessage> sink,
        SipTimerSettings timers,
        bool reliableTransport,
        TimeProvider timeProvider)
        : base(Machine.InitialState, sink, timers, reliableTransport, timeProvider)
    {
        if (tryingResponse.IsEmpty)
        {
            throw new ArgumentException("The INVITE server transaction needs the 100 Trying it may have to send.", nameof(tryingResponse));
        }

        _sink = sink;
        _trying = tryingResponse;
        StartTimerOnCreation(TransactionTimer.Trying);
    }

    /// <summary>The machine shared by every INVITE server transaction of this message type.</summary>
    internal static StateMachine<InviteServerState, InviteServerTrigger, InviteServerTransaction<TMessage>> Machine { get; }

    /// <summary>
    /// The TU's response to the INVITE. In Proceeding: a 1xx is sent (and stops the 100 Trying timer), a 2xx is sent
    /// and moves to Accepted, a 300–699 is sent and moves to Completed. In Accepted: a 2xx (the TU retransmitting
    /// it, RFC 13.3.1.4) is sent. Anything else is refused: RFC 3261 allows one final response.
    /// </summary>
    /// <param name="statusCode">The response's status code, 100–699.</param>
    /// <param name="response">The serialised response; kept for retransmission.</param>
    /// <returns>True if the response was accepted for sending; false if the state refused it or the transaction is terminated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 100–699.</exception>
    public bool SendResponse(int statusCode, ReadOnlyMemory<byte> response) => statusCode switch
    {
        >= 100 and <= 199 => Dispatch(Machine, this, Provisional, in response),
        >= 200 and <= 299 => Dispatch(Machine, this, Success, in response),
        >= 300 and <= 699 => Dispatch(Machine, this, Failure, in response),
        _ => throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A SIP response's status code is 100-699."),
    };

    /// <summary>
    /// A retransmission of the INVITE arrived. Proceeding: the last provisional response is re-sent. Completed: the
    /// final response is re-sent. Confirmed and Accepted: absorbed (RFC 6026 — never passed to the TU).
    /// </summary>
    public void ReceiveRetransmission() => Dispatch(Machine, this, InviteServerTrigger.Retransmission);

    /// <summary>
    /// An ACK the layer above matched to this transaction. Completed: it acknowledges the 300–699 response and moves
    /// to Confirmed. Confirmed: absorbed. Accepted: it acknowledges the TU's 2xx and goes to the TU (RFC 6026).
    /// </summary>
    /// <param name="ack">The parsed ACK.</param>
    public void ReceiveAck(TMessage ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        Dispatch(Machine, this, Ack, in ack);
    }

    /// <inheritdoc/>
    public override void TransportError() => Dispatch(Machine, this, InviteServerTrigger.TransportError);

    /// <inheritdoc/>
    public override void Abandon() => Dispatch(Machine, this, InviteServerTrigger.Abandon);

    private protected override void OnTimer(TransactionTimer timer)
    {
        switch (timer)
        {
            case TransactionTimer.Trying:
                Machine.Fire(this, InviteServerTrigger.TimerTrying);
                break;
            case TransactionTimer.G:
                Machine.Fire(this, InviteServerTrigger.TimerG);
                break;
            case TransactionTimer.H:
                Machine.Fire(this, InviteServerTrigger.TimerH);
                break;
            case TransactionTimer.I:
                Machine.Fire(this, InviteServerTrigger.TimerI);
                break;
            case TransactionTimer.L:
                Machine.Fire(this, InviteServerTrigger.TimerL);
                break;
        }
    }

    private protected override void DeliverToUser(in TransactionEffect effect)
    {
        switch (effect.Kind)
        {
            case TransactionEffectKind.AckReceived:
                _sink.AckReceived((TMessage)effect.Message!);
                break;
            case TransactionEffectKind.TimedOut:
                _sink.TimedOut();
                break;
        }
    }

    private void SendProvisional(ReadOnlyMemory<byte> response)
    {
        // Once a provisional response is out, the INVITE's retransmissions are quenched: no 100 Trying needed.
        StopTimer(TransactionTimer.Trying);
        _lastProvisional = response;
        EmitSend(response);
    }

    // Accepted and Completed never send a 1xx again, and they last 32 s (Timers L and H): what they kept of Proceeding
    // was two of the six buffers each ended call held at the UAS side under load (docs/performance.md, item 21).
    private void LeaveProceeding()
    {
        StopTimer(TransactionTimer.Trying);
        _trying = default;
        _lastProvisional = default;
    }

    private void ResendProvisional()
    {
        if (_lastProvisional.IsEmpty)
        {
            // Retransmitted before the TU answered and before the 100 Trying timer: quench it now.
            SendProvisional(_trying);
            return;
        }

        EmitSend(_lastProvisional);
    }

    private void SendFinal(ReadOnlyMemory<byte> response)
    {
        _final = response;
        EmitSend(response);
    }
}
