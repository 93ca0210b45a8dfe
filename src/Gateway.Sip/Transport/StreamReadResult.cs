namespace Gateway.Sip;

/// <summary>What an <see cref="IStreamReceiver"/> did with the bytes it was given.</summary>
public readonly record struct StreamReadResult(SequencePosition Consumed, SequencePosition Examined, bool Close = false);
