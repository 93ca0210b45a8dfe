using System.Net.Sockets;
using System.Text.Json;

namespace Gateway.Control;

/// <summary>The CLI's end of the control socket: one request, one reply.</summary>
public static class ControlClient
{
    /// <summary>The reply's JSON; throws <see cref="ControlUnavailableException"/> with one line an operator can act on.</summary>
    public static async Task<JsonDocument> SendAsync(string path, ControlRequest request, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var cancel = new CancellationTokenSource(timeout);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancel.Token).ConfigureAwait(false);
            await socket.SendAsync(request.ToJsonLine(), SocketFlags.None, cancel.Token).ConfigureAwait(false);
            using var reply = new MemoryStream();
            byte[] buffer = new byte[16 * 1024];
            while (true)
            {
                int read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token).ConfigureAwait(false);
                if (read == 0) break;
                reply.Write(buffer, 0, read);
            }
            if (reply.Length == 0) throw new ControlUnavailableException($"the daemon closed {path} without a reply");
            return JsonDocument.Parse(reply.ToArray());
        }
        catch (SocketException e)
        {
            throw new ControlUnavailableException(e.SocketErrorCode switch
            {
                SocketError.AddressNotAvailable or SocketError.ConnectionRefused =>
                    $"sip-isup-gateway is not running (nothing listens on {path}); start it: systemctl start sip-isup-gateway",
                SocketError.AccessDenied =>
                    $"permission denied on {path}: run as root or as a member of group sip-isup-gateway",
                _ => $"cannot reach sip-isup-gateway on {path}: {e.Message}",
            });
        }
        catch (OperationCanceledException)
        {
            throw new ControlUnavailableException($"sip-isup-gateway did not answer on {path} within {timeout.TotalSeconds:0} s");
        }
        catch (JsonException e)
        {
            throw new ControlUnavailableException($"the reply on {path} is not JSON: {e.Message}");
        }
    }
}
