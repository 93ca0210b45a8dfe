using Gateway.Fsm;

namespace Gateway.Sip;

/// <summary>
/// The non-INVITE client transaction of RFC 3261 §17.1.2: sends the request (retransmitting it on unreliable
/// transports until the final response), passes the provisional and final responses to the TU, times out after
/// 64·T1, and absorbs retransmitted responses for T4 after the final one.
/// </summary>
/// <remarks>
/// Create it, put it in the transaction table, then call <see cref="Start"/>. See <see cref="SipTransaction"/> for
/// threading and callback delivery. The state diagram is in <c>docs/sip-transactions.md</c>.
/// </remarks>
/// <typeparam name="TMessage">The layer above's parsed message type, handed back to it untouched.</typeparam>
public sealed class NonInviteClientTransaction<TMessage> : ClientTransaction<TMessage, NonInviteClientState>
    where TMessage : class
{
    private static readonly TriggerWithParameter<NonInviteClientTrigger, ReceivedResponse<TMessage>> Provisional;
    private static readonly TriggerWithParameter<NonInviteClientTrigger, ReceivedResponse<TMessage>> Final;

    static NonInviteClientTransaction()
    {
        var builder = new StateMachineBuilder<NonInviteClientState, NonInviteClientTrigger, NonInviteClientTransaction<TMessage>>(NonInviteClientState.Created);
        Provisional = builder.SetTriggerParameter<ReceivedResponse<TMessage>>(NonInviteClientTrigger.Provisional);
        Final = builder.SetTriggerParameter<ReceivedResponse<TMessage>>(NonInviteClientTrigger.Final);

        builder.Configure(NonInviteClientState.Live)
            .Permit(NonInviteClientTrigger.TransportError, NonInviteClientState.Terminated)
            .Permit(NonInviteClientTrigger.Abandon, NonInviteClientState.Terminated);

        builder.Configure(NonInviteClientState.Created)
            .SubstateOf(NonInviteClientState.Live)
            .Permit(NonInviteClientTrigger.Start, NonInviteClientState.Trying);

        builder.Configure(NonInviteClientState.AwaitingFinal)
            .SubstateOf(NonInviteClientState.Live)
            .OnEntry(static (tx, _) => tx.SendRequest(TransactionTimer.E, TransactionTimer.F), "send request, start Timer E (unreliable) and Timer F")
            .OnExit(static (tx, _) => tx.StopTimers(TransactionTimer.E, TransactionTimer.F), "stop Timers E and F")
            .Permit(NonInviteClientTrigger.Final, NonInviteClientState.Completed)
            .Permit(NonInviteClientTrigger.TimerF, NonInviteClientState.Terminated);

        builder.Configure(NonInviteClientState.Trying)
            .SubstateOf(NonInviteClientState.AwaitingFinal)
            .InternalTransition(NonInviteClientTrigger.TimerE, static (tx, _) => tx.RetransmitRequest(TransactionTimer.E, tx.DoubledIntervalUpToT2()), "retransmit, restart Timer E at min(2·E, T2)")
            .Permit(NonInviteClientTrigger.Provisional, NonInviteClientState.Proceeding);

        builder.Configure(NonInviteClientState.Proceeding)
            .SubstateOf(NonInviteClientState.AwaitingFinal)
            .OnEntryFrom(Provisional, static (tx, in response, _) => tx.PassUp(in response), "1xx to TU")
            .InternalTransition(Provisional, static (tx, in response, _) => tx.PassUp(in response), "1xx to TU")
            .InternalTransition(NonInviteClientTrigger.TimerE, static (tx, _) => tx.RetransmitRequest(TransactionTimer.E, tx.Timers.T2), "retransmit, restart Timer E at T2");

        builder.Configure(NonInviteClientState.Completed)
            .SubstateOf(NonInviteClientState.Live)
            .OnEntryFrom(Final, static (tx, in response, _) => tx.PassUp(in response), "final response to TU")
            .OnEntry(static (tx, _) => tx.StartTimer(TransactionTimer.K), "start Timer K (zero on reliable transports)")
            .OnExit(static (tx, _) => tx.StopTimer(TransactionTimer.K), "stop Timer K")
            .Ignore(NonInviteClientTrigger.Provisional)
            .Ignore(NonInviteClientTrigger.Final)
            .Permit(NonInviteClientTrigger.TimerK, NonInviteClientState.Terminated);

        builder.Configure(NonInviteClientState.Terminated)
            .OnEntryFrom(NonInviteClientTrigger.TimerF, static (tx, _) => tx.Emit(TransactionEffectKind.TimedOut), "tell TU: timed out")
            .OnEntryFrom(NonInviteClientTrigger.TransportError, static (tx, _) => tx.Emit(TransactionEffectKind.TransportFailed), "tell TU: transport failed")
            .OnEntry(static (tx, _) => tx.Finish(), "dispose timers, tell TU: terminated");

        builder.OnUnhandledTrigger(static (tx, _, _, _) => tx.MarkTriggerUnhandled());
        Machine = builder.Build();
    }

    /// <summary>Creates the transaction in <see cref="NonInviteClientState.Created"/>; nothing is sent before <see cref="Start"/>.</summary>
    /// <param name="request">The serialised request, sent by <see cref="Start"/> and re-sent by Timer E.</param>
    /// <param name="sink">Where the transaction sends messages and reports to its TU.</param>
    /// <param name="timers">T1, T2, T4 and the timers derived from them.</param>
    /// <param name="reliableTransport">True over TCP, TLS or SCTP: no retransmission, Timer K is zero.</param>
    /// <param name="timeProvider">The clock and timers (a virtual one in tests).</param>
    public NonInviteClientTransaction(
        ReadOnlyMemory<byte> request,
        IClientTransactionSink<TMessage> sink,
        SipTimerSettings timers,
        bool reliableTransport,
        TimeProvider timeProvider)
        : base(Machine.InitialState, request, sink, timers, reliableTransport, timeProvider)
    {
    }

    /// <summary>The machine shared by every non-INVITE client transaction of this message type.</summary>
    internal static StateMachine<NonInviteClientState, NonInviteClientTrigger, NonInviteClientTransaction<TMessage>> Machine { get; }

    /// <summary>
    /// A response that the layer above matched to this transaction (RFC 3261 §17.1.3). 1xx go to the TU and move
    /// Trying to Proceeding; the first 200–699 goes to the TU and moves to Completed; later responses are absorbed.
    /// A status code outside 100–699 is dropped.
    /// </summary>
    /// <param name="statusCode">The response's status code.</param>
    /// <param name="response">The parsed response, handed to the TU as is.</param>
    public void ReceiveResponse(int statusCode, TMessage response)
    {
        var received = Received(statusCode, response);
        switch (statusCode)
        {
            case >= 100 and <= 199:
                Dispatch(Machine, this, Provisional, in received);
                break;
            case >= 200 and <= 699:
                Dispatch(Machine, this, Final, in received);
                break;
        }
    }

    /// <inheritdoc/>
    public override void TransportError() => Dispatch(Machine, this, NonInviteClientTrigger.TransportError);

    /// <inheritdoc/>
    public override void Abandon() => Dispatch(Machine, this, NonInviteClientTrigger.Abandon);

    private protected override string Kind => "non-INVITE";

    private protected override bool DispatchStart() => Dispatch(Machine, this, NonInviteClientTrigger.Start);

    private protected override void OnTimer(TransactionTimer timer)
    {
        switch (timer)
        {
            case TransactionTimer.E:
                Machine.Fire(this, NonInviteClientTrigger.TimerE);
                break;
            case TransactionTimer.F:
                Machine.Fire(this, NonInviteClientTrigger.TimerF);
                break;
            case TransactionTimer.K:
                Machine.Fire(this, NonInviteClientTrigger.TimerK);
                break;
        }
    }
}
