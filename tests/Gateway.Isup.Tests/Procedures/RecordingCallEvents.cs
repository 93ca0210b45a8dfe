using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>Keeps every call event in order; <see cref="OnEvent"/> lets a test act as call control would, from inside the callback.</summary>
internal sealed class RecordingCallEvents : IIsupCallEventSink
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedCallEvent> _events = [];

    /// <summary>Called for each event after it is recorded (call control's reaction), on the delivering thread.</summary>
    public Action<IsupCall, IsupCallEvent>? OnEvent { get; set; }

    /// <summary>Told of each call an event is about (the harness keeps them for its leak check).</summary>
    public Action<IsupCall>? Seen { get; set; }

    public void OnCallEvent(IsupCall call, in IsupCallEvent callEvent)
    {
        Seen?.Invoke(call);
        lock (_gate)
        {
            _events.Add(new ReceivedCallEvent(call, callEvent));
        }

        OnEvent?.Invoke(call, callEvent);
    }

    public List<ReceivedCallEvent> Take()
    {
        lock (_gate)
        {
            var taken = new List<ReceivedCallEvent>(_events);
            _events.Clear();
            return taken;
        }
    }
}
