using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>One call event as call control heard it.</summary>
internal readonly record struct ReceivedCallEvent(IsupCall Call, IsupCallEvent Event)
{
    public IsupCallEventKind Kind => Event.Kind;

    public override string ToString() => $"{Event} ({Call})";
}
