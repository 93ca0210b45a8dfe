namespace Gateway.Hosting;

/// <summary>
/// Whether new calls may start. Closed once on shutdown: calls already up carry on while the gateway drains,
/// and new attempts are refused (503 toward SIP, REL cause 42 toward ISUP) instead of being cut seconds later.
/// </summary>
public sealed class CallAdmission
{
    private volatile bool _open = true;

    public bool IsOpen => _open;

    public void Close() => _open = false;
}
