using System.Net.Sockets;
using System.Text;

namespace Gateway.Systemd;

/// <summary>
/// Sends sd_notify(3) state lines (<c>READY=1</c>, <c>STOPPING=1</c>, <c>WATCHDOG=1</c>, <c>STATUS=…</c>) to the
/// datagram socket systemd names in <c>NOTIFY_SOCKET</c>. Outside systemd it does nothing. It never throws: a lost
/// notification must not take the signalling down, so failures are counted instead.
/// </summary>
public sealed class SystemdNotifier : IDisposable
{
    private readonly UnixDomainSocketEndPoint? _endPoint;
    private readonly Socket? _socket;
    private long _failures;

    /// <param name="notifySocket">The value of <c>NOTIFY_SOCKET</c>: a path, or <c>@name</c> for an abstract socket; null or empty disables notification.</param>
    public SystemdNotifier(string? notifySocket)
    {
        if (string.IsNullOrEmpty(notifySocket) || notifySocket.Length < 2 || notifySocket[0] is not ('/' or '@'))
        {
            return;
        }
        // systemd writes abstract socket names with a leading '@' where the kernel wants a NUL byte.
        string path = notifySocket[0] == '@' ? "\0" + notifySocket[1..] : notifySocket;
        try
        {
            _endPoint = new UnixDomainSocketEndPoint(path);
            _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            _endPoint = null;
            _failures++;
        }
    }

    public bool IsEnabled => _socket is not null;

    /// <summary>How many notifications could not be delivered.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Sends one datagram of newline-separated <c>KEY=VALUE</c> assignments; false when it was not delivered.</summary>
    public bool Notify(string state)
    {
        if (_socket is null || _endPoint is null)
        {
            return false;
        }
        try
        {
            // A datagram this small never blocks on a healthy manager; a dead one fails at once.
            _socket.SendTo(Encoding.UTF8.GetBytes(state), SocketFlags.None, _endPoint);
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Interlocked.Increment(ref _failures);
            return false;
        }
    }

    public bool Ready(string status) => Notify("READY=1\nSTATUS=" + OneLine(status));

    public bool Stopping(string status) => Notify("STOPPING=1\nSTATUS=" + OneLine(status));

    public bool Status(string status) => Notify("STATUS=" + OneLine(status));

    public bool Watchdog() => Notify("WATCHDOG=1");

    // A newline would start a new assignment that systemd would try to interpret.
    private static string OneLine(string text) => text.Contains('\n') ? text.Replace('\n', ' ') : text;

    public void Dispose() => _socket?.Dispose();
}
