using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// Transactions over UDP that have ended for the TU and only linger to absorb what the network repeats, kept as bytes
/// rather than as the transactions' objects: per entry a key and what the stack needs to answer a repetition.
/// </summary>
/// <remarks>
/// <para>
/// The stack keeps one table per kind, each with one lifetime:
/// </para>
/// <list type="bullet">
/// <item>server, 64*T1: a non-INVITE in its Completed state (RFC 3261 §17.2.2, Timer J), kept with its final response
/// to send again; an INVITE in its Accepted state (RFC 6026 §8.7, Timer L), kept with the To tag of its responses (its
/// retransmissions are absorbed, its ACK goes to the dialog, a CANCEL gets 200 with that tag, §9.2);</item>
/// <item>client INVITEs, 64*T1: one whose call has ended in its Accepted state (RFC 6026 §8.4, Timer M), kept with the
/// To tag and the ACK of the 2xx the call took (a retransmission of that 2xx gets the ACK again; a 2xx of another fork
/// goes to the TU, which ACKs it and sends BYE);</item>
/// <item>client non-INVITEs, T4: one in its Completed state (RFC 3261 §17.1.2.2, Timer K), kept with nothing: a
/// retransmitted final response is absorbed.</item>
/// </list>
/// <para>
/// Why: at a thousand calls a second a gateway holds tens of thousands of these, each living 32 s. As objects they
/// survived every young collection and were copied twice, into the oldest generation, to die there; the collector's
/// pauses were proportional to them (docs/performance.md). Here they cost the collector nothing: the arrays hold no
/// references but the shared endpoints the responses go to.
/// </para>
/// <para>
/// Every entry of a table lives the same time, so they expire in the order they came: a ring, oldest first, with a hash
/// chain per key. The key is the request's method as received and the branch and sent-by (empty for client keys) in
/// ASCII lower case (matched without regard to case, as <see cref="TransactionKey"/> does). Not thread-safe: the stack
/// calls it under its table lock.
/// </para>
/// </remarks>
internal sealed class LingeringTransactions
{
    private const int InitialEntries = 64;
    private const int InitialBytes = 16 * 1024;
    private const int MaxKeyBytes = 512;

    private readonly int _seed = Random.Shared.Next();
    private Entry[] _entries = new Entry[InitialEntries];
    private int[] _buckets = new int[InitialEntries * 2];
    private byte[] _bytes = new byte[InitialBytes];
    private int _first;
    private int _count;

    // The bytes of the live entries run from _first's start to _write, or, once the ring wrapped, from _first's start
    // to where the end was reached and then from 0 to _write.
    private int _write;
    private bool _wrapped;

    /// <summary>Entries held.</summary>
    public int Count => _count;

    /// <summary>When the oldest entry expires, as a <see cref="TimeProvider"/> timestamp; null when empty.</summary>
    public long? NextExpiry => _count == 0 ? null : _entries[_first].Expires;

    /// <summary>Whether <paramref name="key"/> can be kept here: an RFC 3261 branch, in ASCII, of a sensible length.</summary>
    public static bool CanKeep(in TransactionKey key) =>
        key.HasRfc3261Branch && Ascii.IsValid(key.Branch) && Ascii.IsValid(key.SentBy) && Ascii.IsValid(key.Method)
        && key.Branch.Length + key.SentBy.Length + key.Method.Length <= MaxKeyBytes;

    /// <summary>Keeps <paramref name="response"/> (whatever the kind keeps) for <paramref name="key"/> until <paramref name="expires"/>.</summary>
    public void Add(in TransactionKey key, ReadOnlySpan<byte> response, IPEndPoint? destination, long expires)
    {
        Span<byte> keyBytes = stackalloc byte[MaxKeyBytes];
        int keyLength = Write(key, keyBytes);
        int hash = Hash(keyBytes[..keyLength]);
        if (_count == _entries.Length)
        {
            GrowEntries();
        }

        int start = Reserve(keyLength + response.Length);
        keyBytes[..keyLength].CopyTo(_bytes.AsSpan(start));
        response.CopyTo(_bytes.AsSpan(start + keyLength));

        int slot = (_first + _count) % _entries.Length;
        ref int bucket = ref _buckets[hash & (_buckets.Length - 1)];
        _entries[slot] = new Entry
        {
            Expires = expires,
            Destination = destination,
            Hash = hash,
            Start = start,
            KeyLength = keyLength,
            ResponseLength = response.Length,
            Next = bucket,
        };
        bucket = slot + 1;
        _count++;
    }

    /// <summary>The bytes kept for <paramref name="key"/>, copied, and where it goes; false when none is.</summary>
    public bool TryFind(in TransactionKey key, out byte[] response, out IPEndPoint? destination)
    {
        response = [];
        destination = null;
        if (_count == 0 || !CanKeep(key))
        {
            return false;
        }

        Span<byte> keyBytes = stackalloc byte[MaxKeyBytes];
        int keyLength = Write(key, keyBytes);
        ReadOnlySpan<byte> probe = keyBytes[..keyLength];
        int hash = Hash(probe);
        for (int next = _buckets[hash & (_buckets.Length - 1)]; next != 0; next = _entries[next - 1].Next)
        {
            ref Entry entry = ref _entries[next - 1];
            if (entry.Hash == hash && entry.KeyLength == keyLength && probe.SequenceEqual(_bytes.AsSpan(entry.Start, keyLength)))
            {
                response = _bytes.AsSpan(entry.Start + keyLength, entry.ResponseLength).ToArray();
                destination = entry.Destination;
                return true;
            }
        }

        return false;
    }

    /// <summary>Drops the entries expired at <paramref name="now"/>; when none is left, gives back what a peak grew.</summary>
    public void Expire(long now)
    {
        while (_count > 0 && _entries[_first].Expires <= now)
        {
            RemoveFirst();
        }

        if (_count == 0 && (_entries.Length > InitialEntries || _bytes.Length > InitialBytes))
        {
            _entries = new Entry[InitialEntries];
            _buckets = new int[InitialEntries * 2];
            _bytes = new byte[InitialBytes];
            _first = 0;
        }
    }

    /// <summary>Drops every entry.</summary>
    public void Clear()
    {
        while (_count > 0)
        {
            RemoveFirst();
        }
    }

    // The key as bytes; CanKeep has made sure it is ASCII and fits.
    private static int Write(in TransactionKey key, Span<byte> destination)
    {
        int n = Encoding.ASCII.GetBytes(key.Method, destination);
        destination[n++] = (byte)' ';
        Ascii.ToLower(key.Branch, destination[n..], out int written);
        n += written;
        destination[n++] = (byte)' ';
        Ascii.ToLower(key.SentBy, destination[n..], out written);
        return n + written;
    }

    private int Hash(ReadOnlySpan<byte> key)
    {
        var hash = new HashCode();
        hash.Add(_seed);
        hash.AddBytes(key);
        return hash.ToHashCode() & int.MaxValue;
    }

    private void RemoveFirst()
    {
        ref Entry first = ref _entries[_first];

        // The oldest entry is the last of its chain: every entry added after it was put in front.
        ref int link = ref _buckets[first.Hash & (_buckets.Length - 1)];
        while (link != _first + 1)
        {
            link = ref _entries[link - 1].Next;
        }

        link = 0;
        int start = first.Start;
        first = default;
        _first = (_first + 1) % _entries.Length;
        _count--;
        if (_count == 0)
        {
            _write = 0;
            _wrapped = false;
        }
        else if (_wrapped && _entries[_first].Start < start)
        {
            // The oldest entry now is the first written after the wrap.
            _wrapped = false;
        }
    }

    /// <summary>Where <paramref name="length"/> bytes go: after the newest, at the front once the end is reached, or in a larger array.</summary>
    private int Reserve(int length)
    {
        int oldest = _count == 0 ? 0 : _entries[_first].Start;
        if (!_wrapped && _write + length <= _bytes.Length)
        {
            return Advance(_write, length);
        }

        if (!_wrapped && _count > 0 && length <= oldest)
        {
            _wrapped = true;
            return Advance(0, length);
        }

        if (_wrapped && _write + length <= oldest)
        {
            return Advance(_write, length);
        }

        GrowBytes(length);
        return Advance(_write, length);
    }

    private int Advance(int start, int length)
    {
        _write = start + length;
        return start;
    }

    private void GrowBytes(int length)
    {
        // The live bytes fit in the old array, so the old size plus the new entry's always fits.
        var bytes = new byte[Math.Max(_bytes.Length * 2, _bytes.Length + length)];
        int write = 0;
        for (int i = 0; i < _count; i++)
        {
            ref Entry entry = ref _entries[(_first + i) % _entries.Length];
            int size = entry.KeyLength + entry.ResponseLength;
            _bytes.AsSpan(entry.Start, size).CopyTo(bytes.AsSpan(write));
            entry.Start = write;
            write += size;
        }

        _bytes = bytes;
        _write = write;
        _wrapped = false;
    }

    private void GrowEntries()
    {
        var entries = new Entry[_entries.Length * 2];
        var buckets = new int[entries.Length * 2];
        for (int i = 0; i < _count; i++)
        {
            ref Entry entry = ref entries[i];
            entry = _entries[(_first + i) % _entries.Length];
            ref int bucket = ref buckets[entry.Hash & (buckets.Length - 1)];
            entry.Next = bucket;
            bucket = i + 1;
        }

        _entries = entries;
        _buckets = buckets;
        _first = 0;
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Entry
    {
        public long Expires;
        public IPEndPoint? Destination;
        public int Hash;
        public int Start;
        public int KeyLength;
        public int ResponseLength;

        // The slot (plus one) of the next entry in this one's hash chain; 0 ends it.
        public int Next;
    }
}
