using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Gateway.Sip;

/// <summary>
/// Receives every datagram waiting on a UDP socket, up to <see cref="Capacity"/>, with one recvmmsg(2): a receive
/// thread woken under load finds several queued, and recvfrom took a system call for each, which in a virtual machine
/// costs about a microsecond before the kernel does any work. Its buffers are native memory reserved once, one of the
/// largest datagram per slot; only the pages datagrams land in are ever touched.
/// </summary>
internal sealed unsafe class DatagramBatch : IDisposable
{
    /// <summary>sizeof(struct sockaddr_storage): room for any source address.</summary>
    private const int AddressRoom = 128;

    private readonly int _slotSize;
    private MMsgHdr* _headers;
    private IoVector* _vectors;
    private byte* _addresses;
    private byte* _buffers;

    public DatagramBatch(int capacity, int slotSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slotSize, 1);
        Capacity = capacity;
        _slotSize = slotSize;
        _headers = (MMsgHdr*)NativeMemory.AllocZeroed((nuint)capacity, (nuint)sizeof(MMsgHdr));
        _vectors = (IoVector*)NativeMemory.Alloc((nuint)capacity, (nuint)sizeof(IoVector));
        _addresses = (byte*)NativeMemory.Alloc((nuint)capacity, AddressRoom);
        _buffers = (byte*)NativeMemory.Alloc((nuint)capacity, (nuint)slotSize);
        for (int i = 0; i < capacity; i++)
        {
            _vectors[i] = new IoVector { Base = (nint)(_buffers + (long)i * slotSize), Length = (nuint)slotSize };
            _headers[i].Name = (nint)(_addresses + (long)i * AddressRoom);
            _headers[i].Iov = (nint)(_vectors + i);
            _headers[i].IovLength = 1;
        }
    }

    public int Capacity { get; }

    /// <summary>
    /// Waits for a datagram and takes it with every other one already queued: how many (0 once the socket is shut
    /// down), or −1 with the errno.
    /// </summary>
    public int Receive(SafeSocketHandle socket, out int errno)
    {
        ObjectDisposedException.ThrowIf(_headers is null, this);
        for (int i = 0; i < Capacity; i++)
        {
            // The kernel writes back how much of each it used; each call starts from the full room again.
            _headers[i].NameLength = AddressRoom;
            _headers[i].Flags = 0;
            _headers[i].Length = 0;
        }

        int received = DatagramSyscalls.RecvMMsg(socket, _headers, (uint)Capacity, DatagramSyscalls.MsgWaitForOne, null);
        errno = received < 0 ? Marshal.GetLastPInvokeError() : 0;
        return received;
    }

    /// <summary>Datagram <paramref name="index"/> of the last receive; valid until the next.</summary>
    public ReadOnlySpan<byte> Datagram(int index)
    {
        CheckIndex(index);
        return new ReadOnlySpan<byte>(_buffers + (long)index * _slotSize, (int)Math.Min(_headers[index].Length, (uint)_slotSize));
    }

    /// <summary>The source of datagram <paramref name="index"/> as the kernel wrote it (a struct sockaddr).</summary>
    public ReadOnlySpan<byte> Source(int index)
    {
        CheckIndex(index);
        return new ReadOnlySpan<byte>(_addresses + (long)index * AddressRoom, (int)Math.Min(_headers[index].NameLength, (uint)AddressRoom));
    }

    private void CheckIndex(int index)
    {
        ObjectDisposedException.ThrowIf(_headers is null, this);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Capacity);
    }

    public void Dispose()
    {
        NativeMemory.Free(_headers);
        NativeMemory.Free(_vectors);
        NativeMemory.Free(_addresses);
        NativeMemory.Free(_buffers);
        _headers = null;
        _vectors = null;
        _addresses = null;
        _buffers = null;
    }
}
