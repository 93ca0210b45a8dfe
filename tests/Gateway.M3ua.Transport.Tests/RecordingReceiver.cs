using System.Net;
using System.Threading.Channels;

namespace Gateway.M3ua.Transport.Tests;

/// <summary>Records everything a transport reports, for tests to await with a bounded timeout.</summary>
internal sealed class RecordingReceiver : IM3uaTransportReceiver
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public Channel<M3uaConnection> Up { get; } = Channel.CreateUnbounded<M3uaConnection>();

    public Channel<(M3uaConnection Connection, ushort Stream, byte[] Message)> Messages { get; } =
        Channel.CreateUnbounded<(M3uaConnection, ushort, byte[])>();

    public Channel<(M3uaConnection Connection, SctpNotification Notification)> Events { get; } =
        Channel.CreateUnbounded<(M3uaConnection, SctpNotification)>();

    public Channel<(M3uaConnection Connection, M3uaConnectionDown Down)> Down { get; } =
        Channel.CreateUnbounded<(M3uaConnection, M3uaConnectionDown)>();

    public Channel<IPEndPoint> Refused { get; } = Channel.CreateUnbounded<IPEndPoint>();

    /// <summary>Runs inside MessageReceived, on the connection's loop: a test makes the receiver fail with it.</summary>
    public Action<byte[]>? OnMessage { get; set; }

    public void ConnectionUp(M3uaConnection connection) => Up.Writer.TryWrite(connection);

    public void MessageReceived(M3uaConnection connection, ushort stream, ReadOnlySpan<byte> message)
    {
        byte[] copy = message.ToArray();
        Messages.Writer.TryWrite((connection, stream, copy));
        OnMessage?.Invoke(copy);
    }

    public void AssociationEvent(M3uaConnection connection, SctpNotification notification) =>
        Events.Writer.TryWrite((connection, notification));

    public void ConnectionDown(M3uaConnection connection, M3uaConnectionDown down) => Down.Writer.TryWrite((connection, down));

    public void PeerRefused(IPEndPoint remote) => Refused.Writer.TryWrite(remote);

    public static async Task<T> Next<T>(Channel<T> channel)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await channel.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Nothing arrived within {Patience.TotalSeconds} s.");
        }
    }

    /// <summary>The next event of <paramref name="channel"/> that <paramref name="match"/> accepts, skipping the others.</summary>
    public static async Task<T> NextWhere<T>(Channel<T> channel, Func<T, bool> match)
    {
        while (true)
        {
            T item = await Next(channel);
            if (match(item)) return item;
        }
    }
}
