using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gateway.Testing.Fuzzing;

/// <summary>
/// Sends mutated SIP (<see cref="SipMutator"/>) to a gateway's SIP port for a while: datagrams over UDP, from a trunk
/// source address and from one that is none, and streams over TCP (several messages per connection, cut into random
/// pieces, sometimes left unfinished, sometimes reset). Counts what it sent and the status codes that came back.
/// </summary>
public sealed class SipFuzzer
{
    // UDP and TCP run side by side: each has its own generators (Random is not thread-safe), both from the seed.
    private readonly Random _udpRandom;
    private readonly Random _tcpRandom;
    private readonly SipMutator _udpMutator;
    private readonly SipMutator _tcpMutator;
    private readonly object _gate = new();

    public SipFuzzer(int seed)
    {
        Seed = seed;
        _udpRandom = new Random(seed);
        _tcpRandom = new Random(seed + 1);
        _udpMutator = new SipMutator(new Random(seed + 2));
        _tcpMutator = new SipMutator(new Random(seed + 3));
    }

    public int Seed { get; }

    /// <summary>UDP datagrams per second to aim at.</summary>
    public int DatagramsPerSecond { get; init; } = 600;

    /// <summary>TCP connections per second to aim at.</summary>
    public int ConnectionsPerSecond { get; init; } = 15;

    public long DatagramsSent { get; private set; }
    public long DatagramsTooBig { get; private set; }
    public long TcpConnections { get; private set; }
    public long TcpConnectFailures { get; private set; }
    public long TcpMessages { get; private set; }
    public long TcpClosedByPeer { get; private set; }

    /// <summary>Status codes of the responses received (UDP and TCP), e.g. 400 → how many.</summary>
    public SortedDictionary<int, long> Responses { get; } = new();

    public string Summary
    {
        get
        {
            lock (_gate)
            {
                return $"sip seed={Seed} udp-datagrams={DatagramsSent} (too big to send: {DatagramsTooBig}) tcp-connections={TcpConnections} " +
                       $"tcp-messages={TcpMessages} tcp-connect-failures={TcpConnectFailures} tcp-closed-by-gateway={TcpClosedByPeer} responses=" +
                       string.Join(",", Responses.Select(r => $"{r.Key}:{r.Value}"));
            }
        }
    }

    /// <param name="sources">Local addresses to send from (one a trunk source, one not, say).</param>
    public async Task RunAsync(IPEndPoint udpTarget, IPEndPoint? tcpTarget, IPAddress[] sources, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var tasks = new List<Task> { UdpAsync(udpTarget, sources, stop.Token) };
        if (tcpTarget is not null) tasks.Add(TcpAsync(tcpTarget, sources, stop.Token));
        await Task.WhenAll(tasks);
    }

    private async Task UdpAsync(IPEndPoint target, IPAddress[] sources, CancellationToken stop)
    {
        var sockets = sources.Select(a =>
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(a, 0));
            return s;
        }).ToArray();
        var readers = sockets.Select(s => Task.Run(() => DrainUdpAsync(s, stop), CancellationToken.None)).ToArray();
        try
        {
            var clock = Stopwatch.StartNew();
            long sent = 0;
            while (!stop.IsCancellationRequested)
            {
                Socket socket = sockets[_udpRandom.Next(sockets.Length)];
                _udpMutator.LocalAddress = socket.LocalEndPoint!.ToString()!;
                byte[] datagram = _udpMutator.Next("UDP");
                try
                {
                    await socket.SendToAsync(datagram, SocketFlags.None, target, stop);
                    lock (_gate) DatagramsSent++;
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
                {
                    lock (_gate) DatagramsTooBig++;
                }
                catch (SocketException)
                {
                    // ICMP unreachable from an earlier datagram, or a full buffer: the datagram is lost, as on a network.
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                sent++;
                TimeSpan due = TimeSpan.FromSeconds((double)sent / DatagramsPerSecond);
                if (due > clock.Elapsed) await Delay(due - clock.Elapsed, stop);
            }
        }
        finally
        {
            foreach (var s in sockets) s.Dispose();
            await Task.WhenAll(readers);
        }
    }

    private async Task DrainUdpAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[70_000];
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), stop);
                CountResponses(buffer.AsSpan(0, result.ReceivedBytes));
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP port unreachable reported on the socket; go on.
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    private void CountResponses(ReadOnlySpan<byte> bytes)
    {
        // Every "SIP/2.0 NNN " at a line start: a TCP read may hold several responses.
        string text = Encoding.Latin1.GetString(bytes);
        int at = 0;
        while ((at = text.IndexOf("SIP/2.0 ", at, StringComparison.Ordinal)) >= 0)
        {
            if ((at == 0 || text[at - 1] == '\n') && at + 11 <= text.Length && int.TryParse(text.AsSpan(at + 8, 3), out int status))
            {
                lock (_gate) Responses[status] = Responses.GetValueOrDefault(status) + 1;
            }
            at += 8;
        }
    }

    private async Task TcpAsync(IPEndPoint target, IPAddress[] sources, CancellationToken stop)
    {
        var held = new List<Socket>();
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        long opened = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                IPAddress source = sources[_tcpRandom.Next(sources.Length)];
                socket.Bind(new IPEndPoint(source, 0));
                int messages = 1 + _tcpRandom.Next(6);
                var stream = new List<byte>();
                _tcpMutator.LocalAddress = source + ":5999";
                for (int i = 0; i < messages; i++)
                {
                    stream.AddRange(_tcpRandom.Next(5) == 0 ? Encoding.ASCII.GetBytes(_tcpMutator.Valid("TCP")) : _tcpMutator.Next("TCP"));
                    if (_tcpRandom.Next(8) == 0) stream.AddRange("\r\n\r\n"u8.ToArray()); // keep-alives between messages
                }

                int ending = _tcpRandom.Next(10); // 0: left open until the end, 1: reset, 2: cut short, else: send and close
                byte[] bytes = ending == 2 ? stream.GetRange(0, _tcpRandom.Next(stream.Count)).ToArray() : stream.ToArray();
                int seed = _tcpRandom.Next();
                lock (_gate) TcpConnections++;
                running.Add(OneConnectionAsync(socket, target, bytes, messages, ending, new Random(seed), held, stop));
                running.RemoveAll(t => t.IsCompleted);
                opened++;
                TimeSpan due = TimeSpan.FromSeconds((double)opened / ConnectionsPerSecond);
                if (due > clock.Elapsed) await Delay(due - clock.Elapsed, stop);
            }
        }
        finally
        {
            await Task.WhenAll(running);
            lock (held)
            {
                foreach (var s in held) s.Dispose();
            }
        }
    }

    private async Task OneConnectionAsync(Socket socket, IPEndPoint target, byte[] bytes, int messages, int ending, Random random, List<Socket> held, CancellationToken stop)
    {
        bool keep = false;
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            connectTimeout.CancelAfter(TimeSpan.FromSeconds(5));
            await socket.ConnectAsync(target, connectTimeout.Token);
            Task reader = DrainTcpAsync(socket);
            int at = 0;
            while (at < bytes.Length)
            {
                int piece = random.Next(3) == 0 ? 1 + random.Next(Math.Min(64, bytes.Length - at)) : bytes.Length - at;
                await socket.SendAsync(bytes.AsMemory(at, piece), SocketFlags.None);
                at += piece;
                if (piece < 64 && random.Next(4) == 0) await Task.Delay(1);
            }

            lock (_gate) TcpMessages += messages;
            switch (ending)
            {
                case 0 when held.Count < 20:
                    lock (held) held.Add(socket);
                    keep = true;
                    return;
                case 1:
                    socket.LingerState = new LingerOption(true, 0);
                    return;
                default:
                    socket.Shutdown(SocketShutdown.Send);
                    await reader.WaitAsync(TimeSpan.FromMilliseconds(300)).ContinueWith(_ => { }, TaskScheduler.Default);
                    return;
            }
        }
        catch (OperationCanceledException)
        {
            lock (_gate) TcpConnectFailures++;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.TimedOut)
        {
            lock (_gate) TcpConnectFailures++;
        }
        catch (SocketException)
        {
            lock (_gate) TcpClosedByPeer++;
        }
        finally
        {
            if (!keep) socket.Dispose();
        }
    }

    private async Task DrainTcpAsync(Socket socket)
    {
        var buffer = new byte[16_384];
        try
        {
            int n;
            while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0) CountResponses(buffer.AsSpan(0, n));
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
