using Gateway.Fsm;

namespace Gateway.Sip;

/// <summary>
/// The non-INVITE server transaction of RFC 3261 §17.2.2: sends the TU's responses and answers retransmitted
/// requests with the last response sent, for 64·T1 after the final one on unreliable transports.
/// </summary>
/// <remarks>
/// Not generic, unlike the other three: it never hands a message to its TU (retransmissions are absorbed or
/// answered here). Live from construction; passing the request to the TU is the creator's job. See
/// <see cref="SipTransaction"/> for threading and callback delivery; the diagram is in <c>docs/sip-transactions.md</c>.
/// </remarks>
public sealed class NonInviteServerTransaction : SipTransaction<NonInviteServerState>
{
    private static readonly TriggerWithParameter<NonInviteServerTrigger, ReadOnlyMemory<byte>> Provisional;
    private static readonly TriggerWithParameter<NonInviteServerTrigger, ReadOnlyMemory<byte>> Final;

    private ReadOnlyMemory<byte> _lastResponse;

    static NonInviteServerTransaction()
    {
        var builder = new StateMachineBuilder<NonInviteServerState, NonInviteServerTrigger, NonInviteServerTransaction>(NonInviteServerState.Trying);
        Provisional = builder.SetTriggerParameter<ReadOnlyMemory<byte>>(NonInviteServerTrigger.Provisional);
        Final = builder.SetTriggerParameter<ReadOnlyMemory<byte>>(NonInviteServerTrigger.Final);

        builder.Configure(NonInviteServerState.Live)
            .Permit(NonInviteServerTrigger.TransportError, NonInviteServerState.Terminated)
            .Permit(NonInviteServerTrigger.Abandon, NonInviteServerState.Terminated);

        builder.Configure(NonInviteServerState.Trying)
            .SubstateOf(NonInviteServerState.Live)
            .Ignore(NonInviteServerTrigger.Retransmission)
            .Permit(NonInviteServerTrigger.Provisional, NonInviteServerState.Proceeding)
            .Permit(NonInviteServerTrigger.Final, NonInviteServerState.Completed);

        builder.Configure(NonInviteServerState.Proceeding)
            .SubstateOf(NonInviteServerState.Live)
            .OnEntryFrom(Provisional, static (tx, in response, _) => tx.SendAndKeep(response), "send 1xx")
            .InternalTransition(Provisional, static (tx, in response, _) => tx.SendAndKeep(response), "send 1xx")
            .InternalTransition(NonInviteServerTrigger.Retransmission, static (tx, _) => tx.EmitSend(tx._lastResponse), "resend the last 1xx")
            .Permit(NonInviteServerTrigger.Final, NonInviteServerState.Completed);

        builder.Configure(NonInviteServerState.Completed)
            .SubstateOf(NonInviteServerState.Live)
            .OnEntryFrom(Final, static (tx, in response, _) => tx.SendAndKeep(response), "send the final response")
            .OnEntry(static (tx, _) => tx.StartTimer(TransactionTimer.J), "start Timer J (zero on reliable transports)")
            .OnExit(static (tx, _) => tx.StopTimer(TransactionTimer.J), "stop Timer J")
            .InternalTransition(NonInviteServerTrigger.Retransmission, static (tx, _) => tx.EmitSend(tx._lastResponse), "resend the final response")
            .Permit(NonInviteServerTrigger.TimerJ, NonInviteServerState.Terminated);

        builder.Configure(NonInviteServerState.Terminated)
            .OnEntryFrom(NonInviteServerTrigger.TransportError, static (tx, _) => tx.Emit(TransactionEffectKind.TransportFailed), "tell TU: transport failed")
            .OnEntry(static (tx, _) => tx.Finish(), "dispose timers, tell TU: terminated");

        builder.OnUnhandledTrigger(static (tx, _, _, _) => tx.MarkTriggerUnhandled());
        Machine = builder.Build();
    }

    /// <summary>Creates the transaction for a received request, in <see cref="NonInviteServerState.Trying"/>.</summary>
    /// <param name="sink">Where the transaction sends responses and reports to its TU.</param>
    /// <param name="timers">T1, T2, T4 and the timers derived from them.</param>
    /// <param name="reliableTransport">True over TCP, TLS or SCTP: Timer J is zero.</param>
    /// <param name="timeProvider">The clock and timers (a virtual one in tests).</param>
    public NonInviteServerTransaction(ITransactionSink sink, SipTimerSettings timers, bool reliableTransport, TimeProvider timeProvider)
        : base(Machine.InitialState, sink, timers, reliableTransport, timeProvider)
    {
    }

    /// <summary>The machine shared by every non-INVITE server transaction.</summary>
    internal static StateMachine<NonInviteServerState, NonInviteServerTrigger, NonInviteServerTransaction> Machine { get; }

    /// <summary>
    /// The TU's response to the request: a 1xx is sent (Trying/Proceeding → Proceeding), the first 200–699 is sent
    /// and moves to Completed. Responses after the final one are refused (RFC 3261 §17.2.2: discarded).
    /// </summary>
    /// <param name="statusCode">The response's status code, 100–699.</param>
    /// <param name="response">The serialised response; kept to answer retransmissions.</param>
    /// <returns>True if the response was accepted for sending; false if the state refused it or the transaction is terminated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 100–699.</exception>
    public bool SendResponse(int statusCode, ReadOnlyMemory<byte> response) => statusCode switch
    {
        >= 100 and <= 199 => Dispatch(Machine, this, Provisional, in response),
        >= 200 and <= 699 => Dispatch(Machine, this, Final, in response),
        _ => throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A SIP response's status code is 100-699."),
    };

    /// <summary>
    /// A retransmission of the request arrived: discarded in Trying, answered with the last response sent in
    /// Proceeding and Completed.
    /// </summary>
    public void ReceiveRetransmission() => Dispatch(Machine, this, NonInviteServerTrigger.Retransmission);

    /// <inheritdoc/>
    public override void TransportError() => Dispatch(Machine, this, NonInviteServerTrigger.TransportError);

    /// <inheritdoc/>
    public override void Abandon() => Dispatch(Machine, this, NonInviteServerTrigger.Abandon);

    private protected override void OnTimer(TransactionTimer timer)
    {
        if (timer == TransactionTimer.J)
        {
            Machine.Fire(this, NonInviteServerTrigger.TimerJ);
        }
    }

    // Nothing in this transaction is addressed to the TU but what ITransactionSink covers.
    private protected override void DeliverToUser(in TransactionEffect effect)
    {
    }

    private void SendAndKeep(ReadOnlyMemory<byte> response)
    {
        _lastResponse = response;
        EmitSend(response);
    }
}
