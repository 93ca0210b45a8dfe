using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Gateway.Isup;

/// <summary>
/// Lays out one ISUP message in place, in the manner of Utf8JsonWriter: the header on construction, then the
/// parameters in wire order — mandatory fixed, mandatory variable, optional — while the writer fills in the
/// pointers and the end of optional parameters octet from the message type's format. It allocates nothing.
/// </summary>
/// <remarks>
/// <para>
/// Calling out of order (a parameter the format does not expect next, an optional parameter for a type without an
/// optional part) is a programming error and throws <see cref="InvalidOperationException"/>. Data problems — a
/// value Q.763 does not allow (<see cref="IsupParameterRules"/>), a pointer past 255, a destination too small, a
/// mandatory parameter never written — do not throw: the first one is kept in <see cref="Error"/>, later writes
/// are ignored, and <see cref="TryComplete"/> reports it.
/// </para>
/// <para>
/// The same values give the same octets as <see cref="IsupReader"/> read: pointers point at the octet right after
/// the previous parameter, and an empty optional part is a pointer of 0 with no end octet (Q.763 §1.8).
/// </para>
/// </remarks>
public ref struct IsupWriter
{
    /// <summary>
    /// The destination size <see cref="IsupWriter(IBufferWriter{byte}, IsupMessageType, int?, byte, int)"/> asks for
    /// by default: an MTP3 signalling information field of 272 octets less the 4-octet routing label, the longest
    /// ISUP message a narrowband link carries.
    /// </summary>
    public const int DefaultSizeHint = 268;

    private readonly Span<byte> _buffer;
    private readonly IBufferWriter<byte>? _output;
    private readonly IsupMessageFormat? _format;
    private readonly int _pointers;
    private int _position;
    private int _fixedIndex;
    private int _variableIndex;
    private bool _optionalWritten;
    private bool _bodyWritten;
    private bool _completed;

    /// <summary>
    /// Starts a message of <paramref name="type"/> in <paramref name="destination"/>: with a CIC when
    /// <paramref name="cic"/> has a value (<see cref="IsupBodyForm.Mtp3UserData"/>), as an application/ISUP body
    /// without one otherwise.
    /// </summary>
    /// <param name="destination">Where the message is written.</param>
    /// <param name="type">The message type; one without a format takes its content through <see cref="WriteUnparsedBody"/>.</param>
    /// <param name="cic">The circuit identification code, 0–4095, or null for an application/ISUP body.</param>
    /// <param name="cicSpareBits">The 4 bits above the CIC (Q.763: sent as 0), kept for pass-through.</param>
    public IsupWriter(Span<byte> destination, IsupMessageType type, int? cic = null, byte cicSpareBits = 0)
        : this(destination, null, type, cic, cicSpareBits, null)
    {
    }

    /// <summary>As the span constructor, writing into <paramref name="output"/> (advanced by <see cref="TryComplete"/>).</summary>
    public IsupWriter(IBufferWriter<byte> output, IsupMessageType type, int? cic = null, byte cicSpareBits = 0, int sizeHint = DefaultSizeHint)
        : this((output ?? throw new ArgumentNullException(nameof(output))).GetSpan(sizeHint), output, type, cic, cicSpareBits, null)
    {
    }

    /// <summary>Starts a message laid out by an explicit <paramref name="format"/>, whatever its type code.</summary>
    public IsupWriter(Span<byte> destination, IsupMessageType type, int? cic, byte cicSpareBits, IsupMessageFormat format)
        : this(destination, null, type, cic, cicSpareBits, format ?? throw new ArgumentNullException(nameof(format)))
    {
    }

    private IsupWriter(Span<byte> destination, IBufferWriter<byte>? output, IsupMessageType type, int? cic, byte cicSpareBits, IsupMessageFormat? format)
    {
        _buffer = destination;
        _output = output;
        _format = format ?? IsupMessageFormats.Get(type);
        Type = type;
        if (cic is { } value)
        {
            if ((uint)value > 0x0FFF || cicSpareBits > 0x0F)
            {
                Error = IsupError.InvalidCic;
                return;
            }

            if (!Fits(3))
            {
                return;
            }

            _buffer[0] = (byte)value;
            _buffer[1] = (byte)((value >> 8) | (cicSpareBits << 4));
            _position = 2;
        }
        else if (!Fits(1))
        {
            return;
        }

        _buffer[_position++] = (byte)type;
        if (_format is not null && _format.FixedParameters.IsEmpty)
        {
            _pointers = ReservePointers();
        }
        else if (_format is not null)
        {
            _pointers = _position + _format.FixedPartLength;
        }
    }

    /// <summary>The message type being written.</summary>
    public IsupMessageType Type { get; }

    /// <summary>The first data problem met, or <see cref="IsupError.None"/>.</summary>
    public IsupError Error { get; private set; }

    /// <summary>The parameter <see cref="Error"/> concerns, where there is one.</summary>
    public IsupParameterCode? ErrorParameter { get; private set; }

    /// <summary>Octets written so far.</summary>
    public readonly int BytesWritten => _position;

    /// <summary>
    /// Writes the next parameter: the next mandatory fixed one while any remain, then the next mandatory variable
    /// one, then optional ones. <paramref name="code"/> must be the one the format expects next while mandatory
    /// parameters remain.
    /// </summary>
    public void WriteParameter(IsupParameterCode code, scoped ReadOnlySpan<byte> value)
    {
        Span<byte> target = Reserve(code, value.Length, IsupParameterRules.Check(code, value));
        if (target.Length == value.Length)
        {
            value.CopyTo(target);
        }
    }

    /// <summary>Writes a typed parameter the same way, encoding it straight into the message.</summary>
    public void Write<T>(in T parameter)
        where T : struct, IIsupParameter<T>
    {
        int length = parameter.EncodedLength;
        Span<byte> target = Reserve(T.Code, length, length > 255 ? IsupError.InvalidParameterLength : IsupError.None);
        if (target.Length == length && length > 0)
        {
            parameter.Write(target);
            IsupError check = IsupParameterRules.Check(T.Code, target);
            if (check != IsupError.None)
            {
                Fail(check, T.Code);
            }
        }
    }

    /// <summary>Writes an optional parameter, refusing it while mandatory parameters remain.</summary>
    public void WriteOptional(IsupParameterCode code, scoped ReadOnlySpan<byte> value)
    {
        if (_format is not null && (_fixedIndex < _format.FixedParameters.Length || _variableIndex < _format.VariableParameters.Length))
        {
            throw new InvalidOperationException($"{Type} still expects mandatory parameters before optional ones.");
        }

        WriteParameter(code, value);
    }

    /// <summary>
    /// Writes the whole content after the message type, for a type without a format (unknown types, CRG, PAM):
    /// the content is carried as it is.
    /// </summary>
    public void WriteUnparsedBody(scoped ReadOnlySpan<byte> body)
    {
        if (_format is not null)
        {
            throw new InvalidOperationException($"{Type} has a format: write its parameters.");
        }

        if (_bodyWritten)
        {
            throw new InvalidOperationException("The unparsed body is already written.");
        }

        _bodyWritten = true;
        if (Error == IsupError.None && Fits(body.Length))
        {
            body.CopyTo(_buffer[_position..]);
            _position += body.Length;
        }
    }

    /// <summary>
    /// Ends the message: sets the optional part pointer, writes the end of optional parameters octet when there is
    /// an optional part, and advances the buffer writer if there is one. False with <see cref="Error"/> set when
    /// the message could not be laid out; then nothing is advanced.
    /// </summary>
    public bool TryComplete(out int bytesWritten)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The message is already complete.");
        }

        _completed = true;
        bytesWritten = 0;
        if (Error == IsupError.None && _format is not null)
        {
            if (_fixedIndex < _format.FixedParameters.Length)
            {
                Fail(IsupError.MandatoryParameterMissing, _format.FixedParameters[_fixedIndex].Code);
            }
            else if (_variableIndex < _format.VariableParameters.Length)
            {
                Fail(IsupError.MandatoryParameterMissing, _format.VariableParameters[_variableIndex]);
            }
            else if (_optionalWritten && Fits(1))
            {
                _buffer[_position++] = (byte)IsupParameterCode.EndOfOptionalParameters;
            }
        }

        if (Error != IsupError.None)
        {
            return false;
        }

        bytesWritten = _position;
        _output?.Advance(_position);
        return true;
    }

    /// <summary>As <see cref="TryComplete"/>, throwing <see cref="IsupFormatException"/> when the message could not be laid out.</summary>
    public int Complete()
    {
        if (!TryComplete(out int written))
        {
            throw new IsupFormatException(Error, -1, ErrorParameter);
        }

        return written;
    }

    // Places the parameter's framing and returns where its value goes; an empty span once an error is recorded.
    private Span<byte> Reserve(IsupParameterCode code, int length, IsupError check)
    {
        if (_completed || _format is null)
        {
            ThrowCannotWrite();
        }

        IsupMessageFormat format = _format;
        var fixedPart = format.FixedParameters;
        var variablePart = format.VariableParameters;
        if (_fixedIndex < fixedPart.Length)
        {
            var slot = fixedPart[_fixedIndex];
            if (slot.Code != code)
            {
                ThrowOutOfOrder(slot.Code, code);
            }

            _fixedIndex++;
            if (check == IsupError.None && length != slot.Length)
            {
                check = IsupError.InvalidParameterLength;
            }

            if (!Proceed(check, code, length))
            {
                return default;
            }

            Span<byte> value = _buffer.Slice(_position, length);
            _position += length;
            if (_fixedIndex == fixedPart.Length)
            {
                ReservePointers();
            }

            return value;
        }

        if (_variableIndex < variablePart.Length)
        {
            if (variablePart[_variableIndex] != code)
            {
                ThrowOutOfOrder(variablePart[_variableIndex], code);
            }

            int pointer = _pointers + _variableIndex++;
            if (!Proceed(check, code, 1 + length) || !SetPointer(pointer, code))
            {
                return default;
            }

            _buffer[_position] = (byte)length;
            Span<byte> value = _buffer.Slice(_position + 1, length);
            _position += 1 + length;
            return value;
        }

        if (!format.HasOptionalPart || code == IsupParameterCode.EndOfOptionalParameters)
        {
            ThrowNoOptional(code);
        }

        if (!Proceed(check, code, 2 + length))
        {
            return default;
        }

        if (!_optionalWritten)
        {
            if (!SetPointer(_pointers + variablePart.Length, code))
            {
                return default;
            }

            _optionalWritten = true;
        }

        _buffer[_position] = (byte)code;
        _buffer[_position + 1] = (byte)length;
        Span<byte> optionalValue = _buffer.Slice(_position + 2, length);
        _position += 2 + length;
        return optionalValue;
    }

    // Misuse throws from here, out of the hot path: the messages are built only when they are needed.
    [DoesNotReturn]
    private readonly void ThrowOutOfOrder(IsupParameterCode expected, IsupParameterCode code) =>
        throw new InvalidOperationException($"{Type} expects {IsupParameterNames.GetName(expected)} next, not {IsupParameterNames.GetName(code)}.");

    [DoesNotReturn]
    private readonly void ThrowCannotWrite() => throw new InvalidOperationException(
        _completed ? "The message is already complete." : $"{Type} has no format: write its content with WriteUnparsedBody.");

    [DoesNotReturn]
    private readonly void ThrowNoOptional(IsupParameterCode code) => throw new InvalidOperationException(
        code == IsupParameterCode.EndOfOptionalParameters ? "The end of optional parameters is written by TryComplete." : $"{Type} has no optional part.");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Proceed(IsupError check, IsupParameterCode code, int space)
    {
        if (Error != IsupError.None)
        {
            return false;
        }

        if (check != IsupError.None)
        {
            Fail(check, code);
            return false;
        }

        return Fits(space);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SetPointer(int pointer, IsupParameterCode code)
    {
        int distance = _position - pointer;
        if (distance > 255)
        {
            Fail(IsupError.MessageTooLong, code);
            return false;
        }

        _buffer[pointer] = (byte)distance;
        return true;
    }

    private int ReservePointers()
    {
        int start = _position;
        int count = _format!.PointerCount;
        if (Fits(count))
        {
            _buffer.Slice(_position, count).Clear();
            _position += count;
        }

        return start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Fits(int count)
    {
        if (_position + count <= _buffer.Length)
        {
            return true;
        }

        Fail(IsupError.DestinationTooSmall, null);
        return false;
    }

    private void Fail(IsupError error, IsupParameterCode? parameter)
    {
        if (Error == IsupError.None)
        {
            Error = error;
            ErrorParameter = parameter;
        }
    }
}
