namespace Gateway.Fsm;

/// <summary>
/// Arrays for <see cref="EffectOutbox{TEffect}"/>, kept per thread: an owner holds its two arrays only while effects
/// wait or are delivered, so tens of thousands of idle owners (held calls, lingering transactions) hold none, and a
/// busy thread reuses the same few instead of allocating.
/// </summary>
internal static class EffectArrayPool<TEffect>
{
    /// <summary>Arrays kept per thread; beyond it they are left to the collector.</summary>
    private const int MaxKept = 32;

    /// <summary>Arrays grown past this (effects piled up) are not kept.</summary>
    private const int MaxLength = 64;

    [ThreadStatic]
    private static TEffect[][]? t_kept;

    [ThreadStatic]
    private static int t_count;

    public static TEffect[] Rent(int capacity)
    {
        TEffect[][]? kept = t_kept;
        if (kept is not null && t_count > 0)
        {
            TEffect[] array = kept[--t_count];
            kept[t_count] = null!;
            if (array.Length >= capacity)
            {
                return array;
            }
        }

        return new TEffect[capacity];
    }

    /// <summary>Takes back an array the caller has cleared.</summary>
    public static void Return(TEffect[]? array)
    {
        if (array is null || array.Length > MaxLength)
        {
            return;
        }

        TEffect[][] kept = t_kept ??= new TEffect[MaxKept][];
        if (t_count < MaxKept)
        {
            kept[t_count++] = array;
        }
    }
}
