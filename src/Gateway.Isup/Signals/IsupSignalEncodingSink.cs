using System.Buffers;

namespace Gateway.Isup;

/// <summary>
/// The <see cref="IIsupSignalSink"/> the daemon gives <see cref="IsupExchange"/>: each signal is encoded with
/// <see cref="IsupSignalCodec"/> and its octets handed to an <see cref="IIsupUserDataSink"/>; a signal that cannot be
/// encoded is counted and reported there instead.
/// </summary>
/// <remarks>
/// The exchange calls <see cref="Send"/> from one thread at a time per circuit group, but different groups in
/// parallel, so nothing is shared between calls: each encodes on its own stack, and only a message longer than an
/// MTP3 signalling information field (which only M3UA can carry) borrows a pooled buffer. Nothing is allocated.
/// </remarks>
public sealed class IsupSignalEncodingSink : IIsupSignalSink
{
    // Far beyond what any peer accepts (a narrowband link carries 268 octets of ISUP; longer messages are segmented,
    // Q.764 §2.1.12): a message that does not fit even here is reported as not encodable.
    private const int LargeBufferSize = 4096;

    private readonly IIsupUserDataSink _output;
    private long _failures;

    /// <summary>Creates the sink over <paramref name="output"/>.</summary>
    public IsupSignalEncodingSink(IIsupUserDataSink output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>How many signals could not be encoded since the sink was created.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <inheritdoc/>
    public void Send(int dpc, in IsupSignal signal)
    {
        Span<byte> buffer = stackalloc byte[IsupSignalCodec.DefaultBufferSize];
        IsupSignalResult result = IsupSignalCodec.TryEncode(in signal, buffer, out int written);
        if (result.Succeeded)
        {
            _output.Send(dpc, buffer[..written]);
            return;
        }

        if (result.CodecError == IsupError.DestinationTooSmall)
        {
            byte[] large = ArrayPool<byte>.Shared.Rent(LargeBufferSize);
            try
            {
                result = IsupSignalCodec.TryEncode(in signal, large, out written);
                if (result.Succeeded)
                {
                    _output.Send(dpc, large.AsSpan(0, written));
                    return;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(large);
            }
        }

        Interlocked.Increment(ref _failures);
        _output.EncodeFailed(dpc, in signal, in result);
    }
}
