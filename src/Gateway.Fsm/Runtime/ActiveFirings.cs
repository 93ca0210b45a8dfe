namespace Gateway.Fsm;

/// <summary>
/// The (machine, context) pairs that are inside Fire on the current thread. Fire is synchronous, so a
/// re-entrant Fire for the same pair can only come from the same thread; tracking it per thread keeps the
/// shared machine free of per-context fields and of locks.
/// </summary>
internal static class ActiveFirings
{
    [ThreadStatic]
    private static Frame[]? t_frames;

    [ThreadStatic]
    private static int t_depth;

    /// <summary>Marks the pair as firing; false if it already is (a re-entrant Fire).</summary>
    public static bool TryEnter(object machine, object context)
    {
        Frame[]? frames = t_frames;
        int depth = t_depth;
        if (frames is null || depth == frames.Length)
        {
            frames = Grow(frames);
        }

        // Nesting is shallow (an action of one leg firing the other leg), so a linear scan is cheapest.
        for (int i = 0; i < depth; i++)
        {
            if (ReferenceEquals(frames[i].Context, context) && ReferenceEquals(frames[i].Machine, machine))
            {
                return false;
            }
        }

        frames[depth] = new Frame(machine, context);
        t_depth = depth + 1;
        return true;
    }

    public static void Exit()
    {
        int depth = t_depth - 1;

        // Clear the slot so a finished call is not kept alive by the thread.
        t_frames![depth] = default;
        t_depth = depth;
    }

    private static Frame[] Grow(Frame[]? frames)
    {
        var grown = new Frame[frames is null ? 4 : frames.Length * 2];
        frames?.CopyTo(grown, 0);
        t_frames = grown;
        return grown;
    }

    private readonly record struct Frame(object Machine, object Context);
}
