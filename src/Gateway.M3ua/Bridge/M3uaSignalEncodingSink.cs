using System.Buffers;

namespace Gateway.M3ua;

/// <summary>
/// The <see cref="IM3uaSignalSink"/> an association gives its <see cref="M3uaManagement"/>: each signal is encoded with
/// <see cref="M3uaSignalCodec"/> and its octets handed to an <see cref="IM3uaMessageSink"/> on stream 0; a signal that
/// cannot be encoded is counted and reported there instead.
/// </summary>
/// <remarks>
/// The management calls <see cref="Send"/> one thread at a time per association, outside its lock. Each call encodes
/// on its own stack; only a message longer than <see cref="M3uaSignalCodec.DefaultBufferSize"/> (a long list of point
/// codes, many routing keys) borrows a pooled buffer sized by <see cref="M3uaSignalCodec.GetMaxEncodedLength"/>.
/// </remarks>
public sealed class M3uaSignalEncodingSink : IM3uaSignalSink
{
    private readonly IM3uaMessageSink _output;
    private long _failures;

    /// <summary>Creates the sink over <paramref name="output"/>.</summary>
    public M3uaSignalEncodingSink(IM3uaMessageSink output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>How many signals could not be encoded since the sink was created.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <inheritdoc/>
    public void Send(in M3uaSignal signal)
    {
        Span<byte> buffer = stackalloc byte[M3uaSignalCodec.DefaultBufferSize];
        M3uaSignalResult result = M3uaSignalCodec.TryEncode(in signal, buffer, out int written);
        if (result.Succeeded)
        {
            _output.Send(buffer[..written], M3uaSignalCodec.ManagementStream);
            return;
        }

        if (result.CodecError == M3uaError.DestinationTooSmall)
        {
            byte[] large = ArrayPool<byte>.Shared.Rent(M3uaSignalCodec.GetMaxEncodedLength(in signal));
            try
            {
                result = M3uaSignalCodec.TryEncode(in signal, large, out written);
                if (result.Succeeded)
                {
                    _output.Send(large.AsSpan(0, written), M3uaSignalCodec.ManagementStream);
                    return;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(large);
            }
        }

        Interlocked.Increment(ref _failures);
        _output.EncodeFailed(in signal, in result);
    }
}
