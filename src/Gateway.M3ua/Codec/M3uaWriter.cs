using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Gateway.M3ua;

/// <summary>
/// Lays out one M3UA message in place, in the manner of Utf8JsonWriter: the common header on construction, then each
/// parameter with its tag, length and zero padding, and the message length on completion. It allocates nothing.
/// </summary>
/// <remarks>
/// <para>
/// Every parameter is checked as it is written, by the same code the reader runs: a known tag the message does not
/// carry, a second copy of one that may appear once, a value <see cref="M3uaParameterRules"/> refuses; and
/// <see cref="TryComplete"/> checks that every mandatory parameter was written. So the writer never produces what the
/// reader would refuse. Parameters with tags the codec does not know are written as given (pass-through).
/// </para>
/// <para>
/// Data problems do not throw: the first is kept in <see cref="Error"/>, later writes are ignored, and
/// <see cref="TryComplete"/> reports it. Only misuse throws — writing after completion.
/// </para>
/// </remarks>
public ref struct M3uaWriter
{
    /// <summary>
    /// The destination size the <see cref="IBufferWriter{T}"/> constructor asks for by default: room for a DATA with
    /// every optional parameter and the longest narrowband MTP3 user message (272 octets of signalling information).
    /// </summary>
    public const int DefaultSizeHint = 512;

    private readonly Span<byte> _buffer;
    private readonly IBufferWriter<byte>? _output;
    private readonly M3uaMessageFormat? _format;
    private int _position;
    private int _lastStart;
    private int _lastLength;
    private uint _seen;
    private bool _completed;

    /// <summary>Starts a message of <paramref name="type"/> in <paramref name="destination"/>.</summary>
    public M3uaWriter(Span<byte> destination, M3uaMessageType type)
        : this(destination, null, type)
    {
    }

    /// <summary>As the span constructor, writing into <paramref name="output"/> (advanced by <see cref="TryComplete"/>).</summary>
    public M3uaWriter(IBufferWriter<byte> output, M3uaMessageType type, int sizeHint = DefaultSizeHint)
        : this((output ?? throw new ArgumentNullException(nameof(output))).GetSpan(sizeHint), output, type)
    {
    }

    private M3uaWriter(Span<byte> destination, IBufferWriter<byte>? output, M3uaMessageType type)
    {
        _buffer = destination;
        _output = output;
        Type = type;
        byte messageClass = (byte)((ushort)type >> 8);
        _format = M3uaMessageFormats.Get(type);
        if (_format is null)
        {
            // The codec writes nothing it would refuse to read.
            Error = M3uaMessageFormats.IsSupportedClass(messageClass) ? M3uaError.UnsupportedMessageType : M3uaError.UnsupportedMessageClass;
            return;
        }

        if (Fits(M3uaHeader.Length))
        {
            destination[0] = M3uaHeader.CurrentVersion;
            destination[1] = 0;
            destination[2] = messageClass;
            destination[3] = (byte)type;
            _position = M3uaHeader.Length;
        }
    }

    /// <summary>The message being written.</summary>
    public M3uaMessageType Type { get; }

    /// <summary>The first data problem met, or <see cref="M3uaError.None"/>.</summary>
    public M3uaError Error { get; private set; }

    /// <summary>The parameter <see cref="Error"/> concerns, where there is one.</summary>
    public M3uaParameterTag? ErrorParameter { get; private set; }

    /// <summary>Octets written so far (the header's length field is filled in by <see cref="TryComplete"/>).</summary>
    public readonly int BytesWritten => _position;

    /// <summary>Writes a parameter from its raw value.</summary>
    public void WriteParameter(M3uaParameterTag tag, scoped ReadOnlySpan<byte> value)
    {
        if (Reserve(tag, value.Length, out Span<byte> target))
        {
            value.CopyTo(target);
            Check(tag);
        }
    }

    /// <summary>Writes a parameter whose value is one 32-bit field (Network Appearance, Correlation ID, ASP Identifier…).</summary>
    public void WriteUInt32(M3uaParameterTag tag, uint value)
    {
        if (Reserve(tag, 4, out Span<byte> target))
        {
            BinaryPrimitives.WriteUInt32BigEndian(target, value);
            Check(tag);
        }
    }

    /// <summary>Writes a Routing Context of one value, as DATA carries it.</summary>
    public void WriteRoutingContext(uint routingContext) => WriteUInt32(M3uaParameterTag.RoutingContext, routingContext);

    /// <summary>Writes Protocol Data straight from its header fields and the user part's message, copying the message once.</summary>
    public void WriteProtocolData(in ProtocolDataHeader header, scoped ReadOnlySpan<byte> userData)
    {
        if (Reserve(M3uaParameterTag.ProtocolData, M3uaParameterRules.ProtocolDataHeaderLength + userData.Length, out Span<byte> target))
        {
            header.Write(target);
            userData.CopyTo(target[M3uaParameterRules.ProtocolDataHeaderLength..]);
            Check(M3uaParameterTag.ProtocolData);
        }
    }

    /// <summary>Writes a typed parameter, encoding it straight into the message.</summary>
    public void Write<T>(in T parameter)
        where T : struct, IM3uaParameter<T>
    {
        if (Reserve(T.Tag, parameter.EncodedLength, out Span<byte> target))
        {
            parameter.Write(target);
            Check(T.Tag);
        }
    }

    /// <summary>
    /// Ends the message: checks that every mandatory parameter was written, fills in the message length and advances
    /// the buffer writer if there is one. False with <see cref="Error"/> set when the message could not be laid out;
    /// then nothing is advanced.
    /// </summary>
    public bool TryComplete(out int bytesWritten)
    {
        if (_completed)
        {
            ThrowCompleted();
        }

        _completed = true;
        bytesWritten = 0;
        if (Error == M3uaError.None)
        {
            M3uaError missing = M3uaValidation.CheckMandatory(_format!, _seen, _position, out _, out M3uaParameterTag? tag);
            if (missing != M3uaError.None)
            {
                Fail(missing, tag);
            }
        }

        if (Error != M3uaError.None)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(_buffer[4..], (uint)_position);
        bytesWritten = _position;
        _output?.Advance(_position);
        return true;
    }

    /// <summary>As <see cref="TryComplete"/>, throwing <see cref="M3uaFormatException"/> when the message could not be laid out.</summary>
    public int Complete()
    {
        if (!TryComplete(out int written))
        {
            throw new M3uaFormatException(Error, -1, ErrorParameter);
        }

        return written;
    }

    [DoesNotReturn]
    private static void ThrowCompleted() => throw new InvalidOperationException("The message is already complete.");

    // Writes tag, length and padding, and gives where the value goes; false once an error is recorded. The value is
    // checked after it is in place (Check), so a typed view is encoded once, straight into the message.
    private bool Reserve(M3uaParameterTag tag, int length, out Span<byte> value)
    {
        if (_completed)
        {
            ThrowCompleted();
        }

        value = default;
        if (Error != M3uaError.None)
        {
            return false;
        }

        if ((uint)length > M3uaParameterRules.MaxValueLength)
        {
            Fail(M3uaError.ParameterTooLong, tag);
            return false;
        }

        int total = (length + 7) & ~3;
        if (!Fits(total))
        {
            ErrorParameter = tag;
            return false;
        }

        Span<byte> parameter = _buffer.Slice(_position, total);
        BinaryPrimitives.WriteUInt16BigEndian(parameter, (ushort)tag);
        BinaryPrimitives.WriteUInt16BigEndian(parameter[2..], (ushort)(length + 4));
        parameter[(4 + length)..].Clear();
        _lastStart = _position;
        _lastLength = length;
        _position += total;
        value = parameter.Slice(4, length);
        return true;
    }

    // The parameter just reserved and filled, against the format and the rules, by the reader's own check; taken back
    // out of the message when refused.
    private void Check(M3uaParameterTag tag)
    {
        ReadOnlySpan<byte> value = _buffer.Slice(_lastStart + 4, _lastLength);
        M3uaError error = M3uaValidation.CheckOne(_buffer[.._position], _format!, tag, value, _lastStart, ref _seen, out _, out M3uaParameterTag? parameter);
        if (error != M3uaError.None)
        {
            _position = _lastStart;
            Fail(error, parameter);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Fits(int count)
    {
        if (_position + count <= _buffer.Length)
        {
            return true;
        }

        Fail(M3uaError.DestinationTooSmall, null);
        return false;
    }

    private void Fail(M3uaError error, M3uaParameterTag? parameter)
    {
        if (Error == M3uaError.None)
        {
            Error = error;
            ErrorParameter = parameter;
        }
    }
}
