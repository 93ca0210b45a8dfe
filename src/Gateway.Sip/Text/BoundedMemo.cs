using System.Collections.Concurrent;

namespace Gateway.Sip;

/// <summary>
/// One shared value per key, for values that thousands of messages or calls would otherwise each build and keep: a
/// request's normalised sent-by, a call's parsed Reason. The keys come from the network, so the table is emptied when
/// it is full rather than left to grow; a key seen again after that is built once more.
/// </summary>
internal sealed class BoundedMemo<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer);

    public TValue Get(TKey key, Func<TKey, TValue> build)
    {
        if (_values.TryGetValue(key, out TValue? known))
        {
            return known;
        }

        if (_values.Count >= capacity)
        {
            _values.Clear();
        }

        TValue value = build(key);
        _values.TryAdd(key, value);
        return value;
    }
}
