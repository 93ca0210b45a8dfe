namespace Gateway.Isup;

/// <summary>Which of a circuit group's outboxes a thread claimed under the lock and must deliver once outside it.</summary>
[Flags]
internal enum EffectDelivery : byte
{
    None = 0,
    Signals = 1,
    Events = 2,
}
