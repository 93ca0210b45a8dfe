using Gateway.Isup;
using Gateway.Testing;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>
/// An <see cref="IsupExchange"/> with one circuit group, recording ports and virtual time: a test plays the peer
/// (<see cref="Receive(in IsupSignal)"/>) and call control (<see cref="CallControl"/>) and checks what was sent, what
/// call control heard and what maintenance was told. By default we are point code 200 and the peer 100, so we control
/// the even CICs; the circuits are CICs 1–8.
/// </summary>
/// <remarks>
/// Disposing it is the leak check every test gets: call control releases what calls are left, the peer answers
/// everything we send (letting repeat timers run when nothing is pending), and then no timer may be armed, no call
/// left, no procedure waiting, and every circuit idle (or unavailable, when the route is down).
/// </remarks>
internal sealed class ExchangeHarness : IDisposable
{
    private readonly List<IsupCall> _calls = [];

    public ExchangeHarness(
        int opc = 200,
        int dpc = 100,
        IReadOnlyList<CircuitCodeRange>? cics = null,
        CircuitSelection selection = CircuitSelection.Ascending,
        bool preferControlled = true,
        Func<IsupExchangeOptions, IsupExchangeOptions>? configure = null)
    {
        Dpc = dpc;
        var group = new CircuitGroupOptions(dpc, cics ?? [new CircuitCodeRange(1, 8)])
        {
            Selection = selection,
            PreferControlledCircuits = preferControlled,
        };
        var options = new IsupExchangeOptions(opc, [group]);
        if (configure is not null)
        {
            options = configure(options);
        }

        Exchange = new IsupExchange(options, Signals, Calls, Maintenance, Time);
        Calls.Seen = call =>
        {
            lock (_calls)
            {
                _calls.Add(call);
            }
        };
    }

    public int Dpc { get; }

    public ManualTimeProvider Time { get; } = new();

    public RecordingSignalSink Signals { get; } = new();

    public RecordingCallEvents Calls { get; } = new();

    public RecordingMaintenance Maintenance { get; } = new();

    public IsupExchange Exchange { get; }

    public IsupCallControl CallControl => Exchange.CallControl;

    public IsupTimerSettings Timers => Exchange.Options.Timers;

    public void Receive(in IsupSignal signal) => Exchange.Receive(Dpc, signal);

    public void Receive(IsupMessageType type, int cic) => Receive(IsupSignal.Of(type, cic));

    public void ReceiveCall(IsupMessageType type, int cic, object? message = null) => Receive(IsupSignal.Call(type, cic, message ?? type.ToString()));

    public void ReceiveRelease(int cic, byte cause = IsupCauses.NormalCallClearing) =>
        Receive(IsupSignal.Release(cic, new IsupCause(cause), "REL"));

    public void Advance(TimeSpan by) => Time.Advance(by);

    public CircuitStatus Status(int cic) => Exchange.GetCircuitStatus(Dpc, cic);

    /// <summary>Route up, then the peer acknowledges every GRS and RSC: all circuits idle. Forgets what was recorded.</summary>
    public void BringUp()
    {
        Exchange.RouteAvailable(Dpc);
        AcknowledgeResets(Signals.Take());
        Forget();
    }

    /// <summary>Plays a peer that acknowledges each GRS (nothing blocked) and RSC in <paramref name="sent"/>.</summary>
    public void AcknowledgeResets(IEnumerable<SentSignal> sent)
    {
        foreach (SentSignal signal in sent)
        {
            if (signal.Signal.Type == IsupMessageType.GRS)
            {
                Receive(IsupSignal.GroupResetAcknowledgement(signal.Signal.Cic, signal.Signal.Range, CircuitStatusBits.None));
            }
            else if (signal.Signal.Type == IsupMessageType.RSC)
            {
                Receive(IsupMessageType.RLC, signal.Signal.Cic);
            }
        }
    }

    public void Forget()
    {
        Signals.Take();
        Calls.Take();
        Maintenance.Take();
    }

    /// <summary>An outgoing call: a circuit seized and its IAM sent (the IAM's payload is the string "IAM").</summary>
    public IsupCall SeizeOutgoing(object? iam = null)
    {
        Assert.True(TrySeize(out IsupCall? call, iam), "no circuit could be seized");
        return call;
    }

    /// <summary><see cref="IsupCallControl.TrySeize"/>, the call kept for the leak check.</summary>
    public bool TrySeize([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IsupCall? call, object? iam = null, int avoidCic = -1)
    {
        if (!CallControl.TrySeize(Dpc, iam ?? "IAM", out call, avoidCic))
        {
            return false;
        }

        lock (_calls)
        {
            _calls.Add(call);
        }

        return true;
    }

    /// <summary>An incoming call on <paramref name="cic"/>: the peer's IAM, and the call control heard of.</summary>
    public IsupCall OfferIncoming(int cic)
    {
        ReceiveCall(IsupMessageType.IAM, cic);
        ReceivedCallEvent offered = Assert.Single(Calls.Take(), e => e.Kind == IsupCallEventKind.IncomingCall);
        return offered.Call;
    }

    /// <summary>No timer left armed, and every circuit idle with no call and no procedure pending, blocked only as the test says.</summary>
    public void AssertQuiescent(params (int Cic, CircuitBlocking Blocking)[] blocked)
    {
        Assert.Equal(0, Time.ActiveTimers);
        foreach (CircuitStatus status in Exchange.GetCircuitStatuses(Dpc))
        {
            Assert.Equal(CircuitState.Idle, status.State);
            Assert.False(status.HasCall, $"CIC {status.Cic} still has a call");
            Assert.False(status.MaintenanceProcedurePending, $"CIC {status.Cic} still waits for an acknowledgement");
            CircuitBlocking expected = CircuitBlocking.None;
            foreach ((int cic, CircuitBlocking blocking) in blocked)
            {
                if (cic == status.Cic)
                {
                    expected = blocking;
                }
            }

            Assert.Equal(expected, status.Blocking);
        }
    }

    public void Dispose()
    {
        Calls.OnEvent = null;
        IsupCall[] calls;
        lock (_calls)
        {
            calls = [.. _calls];
        }

        foreach (IsupCall call in calls)
        {
            CallControl.Release(call, new IsupCause(IsupCauses.NormalCallClearing));
        }

        for (int round = 0; round < 20; round++)
        {
            List<SentSignal> sent = Signals.Take();
            if (sent.Count == 0)
            {
                if (Time.ActiveTimers == 0)
                {
                    break;
                }

                Advance(TimeSpan.FromMinutes(1)); // let the repeat timers send again, for the peer to answer
                continue;
            }

            foreach (SentSignal signal in sent)
            {
                AnswerAsPeer(signal.Signal);
            }
        }

        Assert.Equal(0, Time.ActiveTimers);
        foreach (CircuitStatus status in Exchange.GetCircuitStatuses(Dpc))
        {
            Assert.True(status.State is CircuitState.Idle or CircuitState.Unavailable, $"CIC {status.Cic} is left {status.State}");
            Assert.False(status.HasCall, $"CIC {status.Cic} still has a call");
            Assert.False(status.MaintenanceProcedurePending, $"CIC {status.Cic} still waits for an acknowledgement");
        }
    }

    private void AnswerAsPeer(in IsupSignal signal)
    {
        switch (signal.Type)
        {
            case IsupMessageType.REL or IsupMessageType.RSC:
                Receive(IsupMessageType.RLC, signal.Cic);
                break;
            case IsupMessageType.GRS:
                Receive(IsupSignal.GroupResetAcknowledgement(signal.Cic, signal.Range, CircuitStatusBits.None));
                break;
            case IsupMessageType.BLO:
                Receive(IsupMessageType.BLA, signal.Cic);
                break;
            case IsupMessageType.UBL:
                Receive(IsupMessageType.UBA, signal.Cic);
                break;
            case IsupMessageType.CGB or IsupMessageType.CGU:
                Receive(IsupSignal.GroupSupervision(
                    signal.Type == IsupMessageType.CGB ? IsupMessageType.CGBA : IsupMessageType.CGUA, signal.Cic, signal.SupervisionType, signal.Range, signal.Status));
                break;
            case IsupMessageType.UPT:
                Receive(IsupMessageType.UPA, signal.Cic);
                break;
        }
    }
}
