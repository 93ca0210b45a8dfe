namespace Gateway.Sip;

/// <summary>
/// The UAS core's side of a 2xx to an INVITE (RFC 3261 §13.3.1.4): the 2xx is re-sent at T1, doubling to T2, until its
/// ACK stops it; 64·T1 without an ACK and the call is given up (the caller then sends BYE). Over a reliable transport
/// nothing is re-sent — the connection delivers or fails — but the 64·T1 wait for the ACK is the same.
/// </summary>
internal sealed class AnswerRetransmission
{
    private readonly Lock _gate = new();
    private readonly ServerRequest _request;
    private readonly SipTimerSettings _timers;
    private readonly Action<AnswerRetransmission> _gaveUp;
    private readonly ITimer _timer;
    private TimeSpan _interval;
    private TimeSpan _elapsed;
    private bool _stopped;

    public AnswerRetransmission(ServerRequest request, SipTimerSettings timers, TimeProvider time, Action<AnswerRetransmission> gaveUp)
    {
        _request = request;
        _timers = timers;
        _gaveUp = gaveUp;
        CSeq = request.CSeq;
        _interval = request.Source.IsReliable ? timers.TransactionTimeout : timers.T1;
        _timer = time.CreateTimer(static state => ((AnswerRetransmission)state!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            _timer.Change(_interval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The CSeq number of the INVITE answered: its ACK carries the same.</summary>
    public int CSeq { get; }

    /// <summary>The ACK arrived (or the call ended): no more re-sending. False if it had already stopped.</summary>
    public bool Stop()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return false;
            }

            _stopped = true;
        }

        _timer.Dispose();
        return true;
    }

    private void Tick()
    {
        bool giveUp;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _elapsed += _interval;
            giveUp = _elapsed >= _timers.TransactionTimeout;
            if (giveUp)
            {
                _stopped = true;
            }
            else
            {
                TimeSpan doubled = _interval * 2 < _timers.T2 ? _interval * 2 : _timers.T2;
                TimeSpan left = _timers.TransactionTimeout - _elapsed;
                _interval = doubled < left ? doubled : left;
                _timer.Change(_interval, Timeout.InfiniteTimeSpan);
            }
        }

        if (giveUp)
        {
            _timer.Dispose();
            _gaveUp(this);
        }
        else
        {
            _request.RetransmitFinalResponse();
        }
    }
}
