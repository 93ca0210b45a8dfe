using System.Net.Sockets;
using System.Text;

namespace Gateway.Testing;

/// <summary>
/// Stands in for systemd's notify socket: a Unix datagram socket (a path in a temporary folder, or an abstract
/// name) whose <see cref="NotifySocket"/> value is what a test puts in <c>NOTIFY_SOCKET</c>.
/// </summary>
public sealed class NotifySocketReceiver : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly TempDirectory? _directory;
    private readonly byte[] _buffer = new byte[4096];

    public NotifySocketReceiver(bool abstractName = false)
    {
        if (abstractName)
        {
            string name = $"gw-test-notify-{Guid.NewGuid():N}";
            _socket.Bind(new UnixDomainSocketEndPoint("\0" + name));
            NotifySocket = "@" + name;
        }
        else
        {
            _directory = new TempDirectory("gw-notify-");
            NotifySocket = _directory.Combine("notify");
            _socket.Bind(new UnixDomainSocketEndPoint(NotifySocket));
        }
    }

    /// <summary>The value for <c>NOTIFY_SOCKET</c>.</summary>
    public string NotifySocket { get; }

    /// <summary>The next notification, waiting up to <paramref name="timeout"/> (default 30 s) for it.</summary>
    public string Receive(TimeSpan? timeout = null)
    {
        if (!_socket.Poll(timeout ?? TimeSpan.FromSeconds(30), SelectMode.SelectRead))
        {
            throw new TimeoutException("no notification arrived");
        }
        int n = _socket.Receive(_buffer);
        return Encoding.UTF8.GetString(_buffer, 0, n);
    }

    /// <summary>
    /// Reads until <paramref name="expected"/> is one of the received assignments; returns everything read.
    /// <paramref name="context"/> adds to a timeout's message what the test knows (the daemon's output, say).
    /// </summary>
    public List<string> ReceiveUntil(string expected, TimeSpan? timeout = null, Func<string>? context = null)
    {
        var seen = new List<string>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_socket.Poll(left, SelectMode.SelectRead))
            {
                throw new TimeoutException($"no {expected} among: [{string.Join(" | ", seen)}] {context?.Invoke()}");
            }
            string datagram = Receive(left);
            seen.Add(datagram);
            if (Array.IndexOf(datagram.Split('\n'), expected) >= 0) return seen;
        }
    }

    /// <summary>Reads every datagram already waiting, without blocking; returns how many there were.</summary>
    public int Drain() => DrainMessages().Count;

    /// <summary>Every datagram already received and not yet read.</summary>
    public List<string> DrainMessages()
    {
        var messages = new List<string>();
        while (_socket.Available > 0)
        {
            int n = _socket.Receive(_buffer);
            messages.Add(Encoding.UTF8.GetString(_buffer, 0, n));
        }
        return messages;
    }

    public void Dispose()
    {
        _socket.Dispose();
        _directory?.Dispose();
    }
}
