using Gateway.Fsm;

namespace Gateway.Sip;

/// <summary>
/// The INVITE client transaction of RFC 3261 §17.1.1 as updated by RFC 6026: sends the INVITE (retransmitting it
/// on unreliable transports), passes responses to the TU, ACKs 300–699 responses itself, and after a 2xx stays in
/// Accepted for 64·T1 so that retransmitted and forked 2xx responses still reach the TU, which ACKs them end to end.
/// </summary>
/// <remarks>
/// Create it, put it in the transaction table, then call <see cref="Start"/>. See <see cref="SipTransaction"/> for
/// threading and callback delivery. The state diagram is in <c>docs/sip-transactions.md</c>.
/// </remarks>
/// <typeparam name="TMessage">The layer above's parsed message type, handed back to it untouched.</typeparam>
public sealed class InviteClientTransaction<TMessage> : ClientTransaction<TMessage, InviteClientState>
    where TMessage : class
{
    private static readonly TriggerWithParameter<InviteClientTrigger, ReceivedResponse<TMessage>> Provisional;
    private static readonly TriggerWithParameter<InviteClientTrigger, ReceivedResponse<TMessage>> Success;
    private static readonly TriggerWithParameter<InviteClientTrigger, ReceivedResponse<TMessage>> Failure;

    private ReadOnlyMemory<byte> _ack;

    static InviteClientTransaction()
    {
        var builder = new StateMachineBuilder<InviteClientState, InviteClientTrigger, InviteClientTransaction<TMessage>>(InviteClientState.Created);
        Provisional = builder.SetTriggerParameter<ReceivedResponse<TMessage>>(InviteClientTrigger.Provisional);
        Success = builder.SetTriggerParameter<ReceivedResponse<TMessage>>(InviteClientTrigger.Success);
        Failure = builder.SetTriggerParameter<ReceivedResponse<TMessage>>(InviteClientTrigger.Failure);

        builder.Configure(InviteClientState.Live)
            .Permit(InviteClientTrigger.TransportError, InviteClientState.Terminated)
            .Permit(InviteClientTrigger.Abandon, InviteClientState.Terminated);

        builder.Configure(InviteClientState.Created)
            .SubstateOf(InviteClientState.Live)
            .Permit(InviteClientTrigger.Start, InviteClientState.Calling);

        builder.Configure(InviteClientState.Calling)
            .SubstateOf(InviteClientState.Live)
            .OnEntry(static (tx, _) => tx.SendRequest(TransactionTimer.A, TransactionTimer.B), "send INVITE, start Timer A (unreliable) and Timer B")
            .OnExit(static (tx, _) => { tx.StopTimers(TransactionTimer.A, TransactionTimer.B); tx.ForgetRequest(); }, "stop Timers A and B, forget the INVITE")
            // No cap on Timer A's doubling: Timer B ends it after six rounds.
            .InternalTransition(InviteClientTrigger.TimerA, static (tx, _) => tx.RetransmitRequest(TransactionTimer.A, tx.RetransmissionInterval * 2), "retransmit INVITE, restart Timer A at twice its interval")
            .Permit(InviteClientTrigger.Provisional, InviteClientState.Proceeding)
            .Permit(InviteClientTrigger.Success, InviteClientState.Accepted)
            .Permit(InviteClientTrigger.Failure, InviteClientState.Completed)
            .Permit(InviteClientTrigger.TimerB, InviteClientState.Terminated);

        builder.Configure(InviteClientState.Proceeding)
            .SubstateOf(InviteClientState.Live)
            .OnEntryFrom(Provisional, static (tx, in response, _) => tx.PassUp(in response), "1xx to TU")
            .InternalTransition(Provisional, static (tx, in response, _) => tx.PassUp(in response), "1xx to TU")
            .Permit(InviteClientTrigger.Success, InviteClientState.Accepted)
            .Permit(InviteClientTrigger.Failure, InviteClientState.Completed);

        builder.Configure(InviteClientState.Completed)
            .SubstateOf(InviteClientState.Live)
            .OnEntryFrom(Failure, static (tx, in response, _) => tx.AcknowledgeFailure(in response), "send ACK, response to TU")
            .OnEntry(static (tx, _) => tx.StartTimer(TransactionTimer.D), "start Timer D (zero on reliable transports)")
            .OnExit(static (tx, _) => tx.StopTimer(TransactionTimer.D), "stop Timer D")
            .InternalTransition(Failure, static (tx, in _, _) => tx.EmitSend(tx._ack), "resend ACK, absorb the retransmitted response")
            .Ignore(InviteClientTrigger.Provisional)
            .Ignore(InviteClientTrigger.Success)
            .Permit(InviteClientTrigger.TimerD, InviteClientState.Terminated);

        builder.Configure(InviteClientState.Accepted)
            .SubstateOf(InviteClientState.Live)
            .OnEntryFrom(Success, static (tx, in response, _) => tx.PassUp(in response), "2xx to TU")
            .OnEntry(static (tx, _) => tx.StartTimer(TransactionTimer.M), "start Timer M")
            .OnExit(static (tx, _) => tx.StopTimer(TransactionTimer.M), "stop Timer M")
            .InternalTransition(Success, static (tx, in response, _) => tx.PassUp(in response), "2xx to TU (retransmitted or forked)")
            .Ignore(InviteClientTrigger.Provisional)
            .Ignore(InviteClientTrigger.Failure)
            .Permit(InviteClientTrigger.TimerM, InviteClientState.Terminated);

        builder.Configure(InviteClientState.Terminated)
            .OnEntryFrom(InviteClientTrigger.TimerB, static (tx, _) => tx.Emit(TransactionEffectKind.TimedOut), "tell TU: timed out")
            .OnEntryFrom(InviteClientTrigger.TransportError, static (tx, _) => tx.Emit(TransactionEffectKind.TransportFailed), "tell TU: transport failed")
            .OnEntry(static (tx, _) => tx.Finish(), "dispose timers, tell TU: terminated");

        builder.OnUnhandledTrigger(static (tx, _, _, _) => tx.MarkTriggerUnhandled());
        Machine = builder.Build();
    }

    /// <summary>Creates the transaction in <see cref="InviteClientState.Created"/>; nothing is sent before <see cref="Start"/>.</summary>
    /// <param name="request">The serialised INVITE, sent by <see cref="Start"/> and re-sent by Timer A.</param>
    /// <param name="sink">Where the transaction sends messages and reports to its TU.</param>
    /// <param name="timers">T1, T2, T4 and the timers derived from them.</param>
    /// <param name="reliableTransport">True over TCP, TLS or SCTP: no retransmission, Timer D is zero.</param>
    /// <param name="timeProvider">The clock and timers (a virtual one in tests).</param>
    public InviteClientTransaction(
        ReadOnlyMemory<byte> request,
        IClientTransactionSink<TMessage> sink,
        SipTimerSettings timers,
        bool reliableTransport,
        TimeProvider timeProvider)
        : base(Machine.InitialState, request, sink, timers, reliableTransport, timeProvider)
    {
    }

    /// <summary>The machine shared by every INVITE client transaction of this message type.</summary>
    internal static StateMachine<InviteClientState, InviteClientTrigger, InviteClientTransaction<TMessage>> Machine { get; }

    /// <summary>
    /// A response that the layer above matched to this transaction (RFC 3261 §17.1.3). 1xx go to the TU; a 2xx goes
    /// to the TU and moves to Accepted; a 300–699 is ACKed with <paramref name="ackForFailure"/>, goes to the TU and
    /// moves to Completed. Responses the state does not expect (late provisionals, a retransmitted final) are
    /// absorbed as RFC 3261 and RFC 6026 say; a status code outside 100–699 is dropped.
    /// </summary>
    /// <param name="statusCode">The response's status code.</param>
    /// <param name="response">The parsed response, handed to the TU as is.</param>
    /// <param name="ackForFailure">
    /// For 300–699 only: the serialised ACK (RFC 3261 §17.1.1.3, built by the layer above, which can read the
    /// headers). Only the first final response's ACK is kept; retransmissions are answered with it.
    /// </param>
    /// <exception cref="ArgumentException">A 300–699 response without an ACK.</exception>
    public void ReceiveResponse(int statusCode, TMessage response, ReadOnlyMemory<byte> ackForFailure = default)
    {
        var received = Received(statusCode, response, ackForFailure);
        switch (statusCode)
        {
            case >= 100 and <= 199:
                Dispatch(Machine, this, Provisional, in received);
                break;
            case >= 200 and <= 299:
                Dispatch(Machine, this, Success, in received);
                break;
            case >= 300 and <= 699:
                if (ackForFailure.IsEmpty)
                {
                    throw new ArgumentException("A 300-699 response to INVITE needs the ACK the transaction must send.", nameof(ackForFailure));
                }

                Dispatch(Machine, this, Failure, in received);
                break;
        }
    }

    /// <inheritdoc/>
    public override void TransportError() => Dispatch(Machine, this, InviteClientTrigger.TransportError);

    /// <inheritdoc/>
    public override void Abandon() => Dispatch(Machine, this, InviteClientTrigger.Abandon);

    private protected override string Kind => "INVITE";

    private protected override bool DispatchStart() => Dispatch(Machine, this, InviteClientTrigger.Start);

    private protected override void OnTimer(TransactionTimer timer)
    {
        switch (timer)
        {
            case TransactionTimer.A:
                Machine.Fire(this, InviteClientTrigger.TimerA);
                break;
            case TransactionTimer.B:
                Machine.Fire(this, InviteClientTrigger.TimerB);
                break;
            case TransactionTimer.D:
                Machine.Fire(this, InviteClientTrigger.TimerD);
                break;
            case TransactionTimer.M:
                Machine.Fire(this, InviteClientTrigger.TimerM);
                break;
        }
    }

    private void AcknowledgeFailure(in ReceivedResponse<TMessage> response)
    {
        _ack = response.AckForFailure;
        EmitSend(_ack); // first: it stops the server's retransmissions of the final response
        PassUp(in response);
    }
}
