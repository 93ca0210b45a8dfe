using System.Net.Sockets;

namespace Gateway.Testing;

/// <summary>
/// A Unix datagram socket bound at a path, standing in for <c>/dev/log</c>. Dispose closes it and
/// removes the socket file, like a syslog daemon that stops.
/// </summary>
public sealed class UnixDatagramReceiver(string path)
    : DatagramReceiver(new UnixDomainSocketEndPoint(DeleteStale(path)), ProtocolType.Unspecified)
{
    public string Path { get; } = path;

    private static string DeleteStale(string path)
    {
        File.Delete(path);
        return path;
    }

    public override void Dispose()
    {
        base.Dispose();
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
        }
    }
}
