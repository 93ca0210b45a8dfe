using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// Reads one M3UA message in place, in the manner of Utf8JsonReader: the common header on construction, then each
/// parameter as a tag and a slice of the input, in wire order. It allocates nothing and never throws on bad input.
/// </summary>
/// <remarks>
/// <para>
/// The whole message is checked when the reader is created — version, message length, class and type, the framing
/// of every parameter, each known parameter against the message's format (allowed, not repeated, mandatory ones
/// present) and against <see cref="M3uaParameterRules"/>, group parameters' content included — so <see cref="Error"/>
/// is final from the start and a caller never acts on half of a message that turns out to be malformed. After that,
/// <see cref="Read"/> only walks what was checked. <see cref="ErrorCode"/> is what RFC 4666 has the receiver answer
/// in ERR; <see cref="M3uaErrorReply"/> builds that ERR.
/// </para>
/// <para>
/// The input must be exactly one message: what SCTP delivers, or what a stream framer cut with
/// <see cref="M3uaHeader.TryGetMessageLength"/>. Parameters with tags the codec does not know are yielded like the
/// others (<see cref="IsKnownParameter"/> is false) and never refused.
/// </para>
/// </remarks>
public ref struct M3uaReader
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly M3uaMessageFormat? _format;
    private M3uaParameterReader _walker;

    // Where the first parameter of each of the format's slots starts, plus one (0: absent), noted while validating:
    // DATA's Routing Context and Protocol Data are then found without walking the message again.
    private SlotOffsets _first;

    /// <summary>Reads and checks <paramref name="message"/>.</summary>
    public M3uaReader(ReadOnlySpan<byte> message)
    {
        _message = message;
        ErrorOffset = -1;
        if (message.Length < M3uaHeader.Length)
        {
            Fail(M3uaError.Truncated, message.Length, null);
            return;
        }

        Version = message[0];
        Reserved = message[1];
        ClassCode = message[2];
        TypeCode = message[3];
        MessageLength = BinaryPrimitives.ReadUInt32BigEndian(message[4..]);
        if (Version != M3uaHeader.CurrentVersion)
        {
            Fail(M3uaError.InvalidVersion, 0, null);
        }
        else if (MessageLength < M3uaHeader.Length || MessageLength != (uint)message.Length)
        {
            Fail(M3uaError.MessageLengthMismatch, 4, null);
        }
        else if (!M3uaMessageFormats.IsSupportedClass(ClassCode))
        {
            Fail(M3uaError.UnsupportedMessageClass, 2, null);
        }
        else if ((_format = M3uaMessageFormats.Get(ClassCode, TypeCode)) is null)
        {
            Fail(M3uaError.UnsupportedMessageType, 3, null);
        }
        else
        {
            M3uaError error = M3uaValidation.Validate(message, M3uaHeader.Length, _format, out int offset, out M3uaParameterTag? parameter, out int count, _first);
            if (error != M3uaError.None)
            {
                Fail(error, offset, parameter);
            }
            else
            {
                ParameterCount = count;
                _walker = new M3uaParameterReader(message[M3uaHeader.Length..], M3uaHeader.Length);
            }
        }
    }

    /// <summary>The first defect found, or <see cref="M3uaError.None"/>. When set, <see cref="Read"/> returns false at once.</summary>
    public M3uaError Error { get; private set; }

    /// <summary>The Error Code RFC 4666 has the receiver send back in ERR for <see cref="Error"/>; <see cref="M3uaErrorCode.None"/> when there is none.</summary>
    public readonly M3uaErrorCode ErrorCode => M3uaErrors.ToErrorCode(Error);

    /// <summary>Offset of the defect from the start of the input, or -1.</summary>
    public int ErrorOffset { get; private set; }

    /// <summary>The parameter the defect concerns, where there is one (for Missing Parameter, the one missing).</summary>
    public M3uaParameterTag? ErrorParameter { get; private set; }

    /// <summary>The version octet (0 when the input is shorter than the header).</summary>
    public byte Version { get; }

    /// <summary>The reserved octet, which a receiver ignores.</summary>
    public byte Reserved { get; }

    /// <summary>The message class octet.</summary>
    public byte ClassCode { get; }

    /// <summary>The message type octet.</summary>
    public byte TypeCode { get; }

    /// <summary>The message class.</summary>
    public readonly M3uaMessageClass MessageClass => (M3uaMessageClass)ClassCode;

    /// <summary>Class and type as one value (whether or not M3UA defines it: see <see cref="Error"/>).</summary>
    public readonly M3uaMessageType MessageType => M3uaMessageTypes.Create(ClassCode, TypeCode);

    /// <summary>The header's Message Length field as it came.</summary>
    public uint MessageLength { get; }

    /// <summary>The format the message was checked against; null when its class or type is not supported.</summary>
    public readonly M3uaMessageFormat? Format => _format;

    /// <summary>How many parameters <see cref="Read"/> yields in all, unknown ones included (0 when there is an error).</summary>
    public int ParameterCount { get; }

    /// <summary>The current parameter's tag.</summary>
    public readonly M3uaParameterTag Tag => _walker.Tag;

    /// <summary>Whether the codec knows the current parameter's tag (and so checked its value).</summary>
    public readonly bool IsKnownParameter => M3uaParameterRules.IndexOf((ushort)_walker.Tag) >= 0;

    /// <summary>The current parameter's value, without tag, length or padding.</summary>
    public readonly ReadOnlySpan<byte> Value => _walker.Value;

    /// <summary>Offset of the current parameter's tag from the start of the input.</summary>
    public readonly int Offset => _walker.Offset;

    /// <summary>Offset of the current parameter's value from the start of the input.</summary>
    public readonly int ValueOffset => _walker.ValueOffset;

    /// <summary>Moves to the next parameter; false after the last one, or at once when the message is malformed.</summary>
    public bool Read() => _walker.Read();

    /// <summary>
    /// Finds the first parameter with <paramref name="tag"/> from the start, without disturbing the current position:
    /// a copy of the walk does the search.
    /// </summary>
    public readonly bool TryFind(M3uaParameterTag tag, out ReadOnlySpan<byte> value)
    {
        int rule = M3uaParameterRules.IndexOf((ushort)tag);
        if (rule >= 0 && _format is not null && Error == M3uaError.None)
        {
            // A known tag: the format has its slot, or the message does not carry it (validation made sure).
            int slot = _format.SlotOfRule(rule);
            if ((uint)slot < SlotOffsets.Length)
            {
                int start = _first[slot] - 1;
                value = start < 0 ? default : _message.Slice(start + 4, BinaryPrimitives.ReadUInt16BigEndian(_message[(start + 2)..]) - 4);
                return start >= 0;
            }

            if (slot < 0)
            {
                value = default;
                return false;
            }
        }

        if (Error == M3uaError.None)
        {
            var walker = new M3uaParameterReader(_message[M3uaHeader.Length..], M3uaHeader.Length);
            while (walker.Read())
            {
                if (walker.Tag == tag)
                {
                    value = walker.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>The first parameter of <typeparamref name="T"/>'s tag, parsed; false when absent.</summary>
    public readonly bool TryGet<T>(out T parameter)
        where T : struct, IM3uaParameter<T>
    {
        if (TryFind(T.Tag, out var value))
        {
            return T.TryParse(value, out parameter);
        }

        parameter = default;
        return false;
    }

    /// <summary>
    /// DATA's Protocol Data without copying anything: the label fields, and the user part's message (for ISUP, from
    /// the CIC on) as a slice of the input. False when the message has no Protocol Data.
    /// </summary>
    public readonly bool TryGetProtocolData(out ProtocolDataHeader header, out ReadOnlySpan<byte> userData)
    {
        if (TryFind(M3uaParameterTag.ProtocolData, out var value))
        {
            return ProtocolData.TryRead(value, out header, out userData);
        }

        header = default;
        userData = default;
        return false;
    }

    /// <summary>The first value of the Routing Context parameter (DATA's only one); false when there is none.</summary>
    public readonly bool TryGetRoutingContext(out uint routingContext)
    {
        if (TryFind(M3uaParameterTag.RoutingContext, out var value) && value.Length >= 4)
        {
            routingContext = BinaryPrimitives.ReadUInt32BigEndian(value);
            return true;
        }

        routingContext = 0;
        return false;
    }

    private void Fail(M3uaError error, int offset, M3uaParameterTag? parameter)
    {
        Error = error;
        ErrorOffset = offset;
        ErrorParameter = parameter;
    }

    // Messages have at most 6 parameter slots (SCON); a format with more would fall back to walking.
    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct SlotOffsets
    {
        public const int Length = 8;

        private int _element;
    }
}
