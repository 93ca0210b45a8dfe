namespace Gateway.M3ua;

/// <summary>
/// Counts every socket the transports open and close, so a test can prove that each one opened was closed again,
/// whichever way its connection ended (refused, framing error, peer gone, dispose).
/// </summary>
internal static class SocketLedger
{
    private static long s_opened;
    private static long s_closed;

    public static long Opened => Interlocked.Read(ref s_opened);

    public static long Closed => Interlocked.Read(ref s_closed);

    public static void Open() => Interlocked.Increment(ref s_opened);

    public static void Close() => Interlocked.Increment(ref s_closed);
}
