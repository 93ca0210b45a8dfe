namespace Gateway.Fsm;

/// <summary>Where an <see cref="EffectOutbox{TEffect}"/> delivers its effects: the machine's owner, which performs them.</summary>
/// <typeparam name="TEffect">What a handler decided (a message to send, an event to report).</typeparam>
public interface IEffectTarget<TEffect>
{
    /// <summary>Performs one effect, outside the owner's lock.</summary>
    void Deliver(in TEffect effect);
}
