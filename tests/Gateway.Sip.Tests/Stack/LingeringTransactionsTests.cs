using System.Net;
using System.Text;

namespace Gateway.Sip.Tests.Stack;

public sealed class LingeringTransactionsTests
{
    private static readonly IPEndPoint Peer = new(IPAddress.Loopback, 5061);

    private static TransactionKey Key(int n, string method = "BYE") => new($"z9hG4bK-{n}-abc", "pbx.example.com:5061", method);

    private static byte[] Response(int n) => Encoding.ASCII.GetBytes($"SIP/2.0 200 OK\r\nCSeq: {n} BYE\r\n" + new string('x', n % 700) + "\r\n\r\n");

    [Fact]
    public void A_kept_response_is_found_by_its_key_without_regard_to_the_case_of_branch_and_sent_by()
    {
        var table = new LingeringTransactions();
        table.Add(Key(1), Response(1), Peer, expires: 100);

        Assert.True(table.TryFind(new TransactionKey("Z9HG4BK-1-ABC", "PBX.example.COM:5061", "BYE"), out byte[] response, out IPEndPoint? destination));
        Assert.Equal(Response(1), response);
        Assert.Same(Peer, destination);

        // The method is case-sensitive (RFC 3261 §7.1), and another branch or sent-by is another transaction.
        Assert.False(table.TryFind(Key(1, "bye"), out _, out _));
        Assert.False(table.TryFind(Key(1, "INFO"), out _, out _));
        Assert.False(table.TryFind(Key(2), out _, out _));
        Assert.False(table.TryFind(new TransactionKey("z9hG4bK-1-abc", "other.example.com:5061", "BYE"), out _, out _));
    }

    [Fact]
    public void Entries_expire_oldest_first_and_every_live_one_stays_readable_as_the_arrays_wrap_and_grow()
    {
        var table = new LingeringTransactions();
        var live = new Queue<(int N, long Expires)>();
        long now = 0;
        int next = 0;
        var random = new Random(8);

        // Arrivals and expiries interleaved at changing rates: the byte ring wraps, fills and grows, the entry ring too.
        for (int round = 0; round < 400; round++)
        {
            int arrivals = random.Next(0, round < 200 ? 40 : 10);
            for (int i = 0; i < arrivals; i++, next++)
            {
                table.Add(Key(next), Response(next), Peer, now + 50);
                live.Enqueue((next, now + 50));
            }

            now += random.Next(1, 10);
            table.Expire(now);
            while (live.Count > 0 && live.Peek().Expires <= now)
            {
                int gone = live.Dequeue().N;
                Assert.False(table.TryFind(Key(gone), out _, out _));
            }

            Assert.Equal(live.Count, table.Count);
            foreach ((int n, _) in live)
            {
                Assert.True(table.TryFind(Key(n), out byte[] response, out _), $"entry {n} in round {round}");
                Assert.Equal(Response(n), response);
            }
        }

        table.Expire(now + 100);
        Assert.Equal(0, table.Count);
        Assert.Null(table.NextExpiry);
    }

    [Fact]
    public void Only_RFC_3261_branches_in_ASCII_are_kept()
    {
        Assert.True(LingeringTransactions.CanKeep(Key(1)));
        Assert.False(LingeringTransactions.CanKeep(new TransactionKey("1234", "pbx.example.com", "BYE")));
        Assert.False(LingeringTransactions.CanKeep(new TransactionKey("z9hG4bK-é", "pbx.example.com", "BYE")));
        Assert.False(LingeringTransactions.CanKeep(new TransactionKey("z9hG4bK-" + new string('a', 600), "pbx.example.com", "BYE")));
    }
}
