using System.Runtime.ExceptionServices;

namespace Gateway.Fsm;

/// <summary>
/// The effects a state machine's handlers decided, in the order they decided them, and their delivery outside the
/// owner's lock. Handlers run under the lock and only <see cref="Add"/>; after the lock is released one thread at a
/// time — the first that found nobody delivering (<see cref="ClaimDelivery"/>) — delivers until none is left
/// (<see cref="Deliver"/>). So a target is never called under the lock (it may call straight back into the machine,
/// and what that decides is delivered by the same loop after it returns), and the effects of one owner never overlap
/// and keep their order, however many threads race on it.
/// </summary>
/// <remarks>
/// A mutable struct so that an owner with many instances (a transaction per request) pays no object for it: keep it
/// in a field (never a readonly one, never a copy) and call it only under, or as said, outside the owner's lock.
/// </remarks>
/// <typeparam name="TEffect">The effect type, usually a small struct.</typeparam>
public struct EffectOutbox<TEffect>
{
    // Double buffer: effects go into _pending under the lock; the delivering thread swaps it with _delivering and walks
    // that outside the lock, so neither array is touched by two threads at once.
    // Both are taken from EffectArrayPool when effects arrive and given back when the outbox is empty again.
    private TEffect[]? _pending;
    private TEffect[]? _delivering;
    private readonly int _capacity;
    private int _count;
    private bool _delivery;

    /// <summary>Creates an outbox for about <paramref name="capacity"/> effects between two deliveries.</summary>
    public EffectOutbox(int capacity)
    {
        _capacity = capacity;
    }

    /// <summary>Whether effects wait to be delivered; under the lock.</summary>
    public readonly bool IsEmpty => _count == 0;

    /// <summary>Records an effect; under the lock.</summary>
    public void Add(in TEffect effect)
    {
        _pending ??= EffectArrayPool<TEffect>.Rent(Math.Max(_capacity, 1));
        if (_count == _pending.Length)
        {
            // Only when effects pile up faster than one thread delivers them; the bigger array is kept.
            Array.Resize(ref _pending, _pending.Length * 2);
        }

        _pending[_count++] = effect;
    }

    /// <summary>Under the lock: true when the caller must deliver (there is something to deliver and nobody else is).</summary>
    public bool ClaimDelivery()
    {
        if (_delivery || _count == 0)
        {
            return false;
        }

        _delivery = true;
        return true;
    }

    /// <summary>
    /// Outside the lock, by the thread that claimed delivery: delivers until the outbox stays empty. A target that
    /// throws does not swallow the effects after it (another call's events, a transaction's end): the rest are
    /// delivered, then the first failure is rethrown.
    /// </summary>
    /// <param name="gate">The owner's lock.</param>
    /// <param name="target">Performs each effect.</param>
    public void Deliver<TTarget>(Lock gate, TTarget target)
        where TTarget : IEffectTarget<TEffect>
    {
        ExceptionDispatchInfo? failure = null;
        while (true)
        {
            TEffect[] batch;
            int count;
            lock (gate)
            {
                if (_count == 0)
                {
                    _delivery = false;
                    EffectArrayPool<TEffect>.Return(_pending);
                    EffectArrayPool<TEffect>.Return(_delivering);
                    _pending = null;
                    _delivering = null;
                    break;
                }

                batch = _pending!;
                count = _count;
                _pending = _delivering;
                _count = 0;
                _delivering = batch;
            }

            for (int i = 0; i < count; i++)
            {
                try
                {
                    target.Deliver(in batch[i]);
                }
                catch (Exception exception)
                {
                    failure ??= ExceptionDispatchInfo.Capture(exception);
                }
            }

            Array.Clear(batch, 0, count); // drop the references to what was delivered
        }

        failure?.Throw();
    }
}
