using System.Text;

namespace Gateway.Sip;

/// <summary>
/// One <see cref="StringBuilder"/> per thread for formatting header values: URIs, name-addresses, Vias and parameter
/// lists are formatted for every call (a dialog's parties, each request's Via), and a new builder each time is
/// garbage twice over, the builder and its grown chunks. A nested format while the builder is out gets a new one.
/// </summary>
internal static class StringBuilderCache
{
    // A builder grown past this by one long value is let go rather than kept for the thread's life.
    private const int KeptCapacity = 1024;

    [ThreadStatic]
    private static StringBuilder? t_kept;

    public static StringBuilder Acquire()
    {
        StringBuilder? builder = t_kept;
        if (builder is null)
        {
            return new StringBuilder(256);
        }

        t_kept = null;
        return builder.Clear();
    }

    public static string GetStringAndRelease(StringBuilder builder)
    {
        string text = builder.ToString();
        if (builder.Capacity <= KeptCapacity)
        {
            t_kept = builder;
        }

        return text;
    }
}
