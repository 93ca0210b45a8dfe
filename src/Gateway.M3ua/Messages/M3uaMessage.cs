using System.Buffers;
using System.Text;

namespace Gateway.M3ua;

/// <summary>
/// An M3UA message as a value, for callers that keep messages (management procedures, logs, tests, pass-through):
/// its type and its parameters in wire order. For a path that keeps nothing — DATA in and out — use
/// <see cref="M3uaReader"/> and <see cref="M3uaWriter"/>, which allocate nothing.
/// </summary>
/// <remarks>
/// Parameter values are slices of one buffer: a decode from a span copies the input once (so the receive buffer can
/// be reused at once), a decode from memory the caller hands over copies nothing. Unknown parameters stay in
/// <see cref="Parameters"/> with their raw value, so re-encoding gives back the octets that came in (padding aside:
/// it is always written as zeros, as RFC 4666 asks).
/// </remarks>
public sealed class M3uaMessage : IEquatable<M3uaMessage>
{
    private readonly List<M3uaParameter> _parameters;

    /// <summary>Creates a message with no parameters yet.</summary>
    public M3uaMessage(M3uaMessageType type)
        : this(type, 4)
    {
    }

    private M3uaMessage(M3uaMessageType type, int capacity)
    {
        Type = type;
        _parameters = new List<M3uaParameter>(capacity);
    }

    /// <summary>The message.</summary>
    public M3uaMessageType Type { get; }

    /// <summary>The message class.</summary>
    public M3uaMessageClass Class => Type.GetClass();

    /// <summary>The format the parameters follow; null when M3UA does not define <see cref="Type"/> (such a message cannot be encoded).</summary>
    public M3uaMessageFormat? Format => M3uaMessageFormats.Get(Type);

    /// <summary>The parameters in wire order.</summary>
    public IReadOnlyList<M3uaParameter> Parameters => _parameters;

    /// <summary>Decodes <paramref name="data"/>, copying it once. Never throws for bad input.</summary>
    public static M3uaError TryDecode(ReadOnlySpan<byte> data, out M3uaMessage? message) =>
        TryDecode(data, out message, out _, out _);

    /// <summary>As <see cref="TryDecode(ReadOnlySpan{byte}, out M3uaMessage?)"/>, saying where the defect is.</summary>
    public static M3uaError TryDecode(ReadOnlySpan<byte> data, out M3uaMessage? message, out int errorOffset, out M3uaParameterTag? errorParameter)
    {
        // Checked before the copy: a refused message costs no allocation.
        var reader = new M3uaReader(data);
        message = null;
        errorOffset = reader.ErrorOffset;
        errorParameter = reader.ErrorParameter;
        if (reader.Error != M3uaError.None)
        {
            return reader.Error;
        }

        message = FromReader(ref reader, data.ToArray());
        return M3uaError.None;
    }

    /// <summary>
    /// Decodes <paramref name="data"/> without copying it: parameter values, and DATA's user data, are slices of it,
    /// so the caller must not reuse that memory while it keeps the message. Never throws for bad input.
    /// </summary>
    public static M3uaError TryDecode(ReadOnlyMemory<byte> data, out M3uaMessage? message, out int errorOffset, out M3uaParameterTag? errorParameter)
    {
        var reader = new M3uaReader(data.Span);
        message = null;
        errorOffset = reader.ErrorOffset;
        errorParameter = reader.ErrorParameter;
        if (reader.Error != M3uaError.None)
        {
            return reader.Error;
        }

        message = FromReader(ref reader, data);
        return M3uaError.None;
    }

    /// <summary>Decodes <paramref name="data"/>, copying it once.</summary>
    /// <exception cref="M3uaFormatException">The input is not an M3UA message the codec accepts; its <see cref="M3uaFormatException.ErrorCode"/> is what to answer in ERR.</exception>
    public static M3uaMessage Decode(ReadOnlySpan<byte> data)
    {
        M3uaError error = TryDecode(data, out M3uaMessage? message, out int offset, out M3uaParameterTag? parameter);
        return error == M3uaError.None ? message! : throw new M3uaFormatException(error, offset, parameter);
    }

    // The message a validated reader holds, its values sliced at the same offsets from memory with the same octets.
    private static M3uaMessage FromReader(ref M3uaReader reader, ReadOnlyMemory<byte> memory)
    {
        var result = new M3uaMessage(reader.MessageType, reader.ParameterCount);
        while (reader.Read())
        {
            result._parameters.Add(new M3uaParameter(reader.Tag, memory.Slice(reader.ValueOffset, reader.Value.Length)));
        }

        return result;
    }

    /// <summary>Adds a parameter at the end; the value is kept, not copied.</summary>
    public M3uaMessage Add(M3uaParameterTag tag, ReadOnlyMemory<byte> value) => Add(new M3uaParameter(tag, value));

    /// <summary>Adds a parameter at the end.</summary>
    public M3uaMessage Add(M3uaParameter parameter)
    {
        _parameters.Add(parameter);
        return this;
    }

    /// <summary>Adds a typed parameter at the end, encoded into a new array.</summary>
    public M3uaMessage Add<T>(in T parameter)
        where T : struct, IM3uaParameter<T>
    {
        byte[] value = new byte[parameter.EncodedLength];
        parameter.Write(value);
        return Add(T.Tag, value);
    }

    /// <summary>Removes every parameter with <paramref name="tag"/>; returns how many were removed.</summary>
    public int RemoveAll(M3uaParameterTag tag) => _parameters.RemoveAll(p => p.Tag == tag);

    /// <summary>Whether a parameter with <paramref name="tag"/> is present.</summary>
    public bool Contains(M3uaParameterTag tag) => TryGetValue(tag, out _);

    /// <summary>The value of the first parameter with <paramref name="tag"/>.</summary>
    public bool TryGetValue(M3uaParameterTag tag, out ReadOnlyMemory<byte> value)
    {
        foreach (var parameter in _parameters)
        {
            if (parameter.Tag == tag)
            {
                value = parameter.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The first parameter of <typeparamref name="T"/>'s tag, parsed; false when absent or unreadable.</summary>
    public bool TryGet<T>(out T parameter)
        where T : struct, IM3uaParameter<T>
    {
        if (TryGetValue(T.Tag, out var value))
        {
            return T.TryParse(value.Span, out parameter);
        }

        parameter = default;
        return false;
    }

    /// <summary>Every parameter of <typeparamref name="T"/>'s tag that parses, in wire order (Routing Keys in REG REQ, results in REG RSP…).</summary>
    public List<T> GetAll<T>()
        where T : struct, IM3uaParameter<T>
    {
        var all = new List<T>();
        foreach (var parameter in _parameters)
        {
            if (parameter.TryGet(out T view))
            {
                all.Add(view);
            }
        }

        return all;
    }

    /// <summary>DATA's Protocol Data, its user data a slice of the message's memory (nothing copied); false when absent.</summary>
    public bool TryGetProtocolData(out ProtocolData data)
    {
        if (TryGetValue(M3uaParameterTag.ProtocolData, out var value))
        {
            return ProtocolData.TryParse(value, out data);
        }

        data = default;
        return false;
    }

    /// <summary>Octets <see cref="TryEncode"/> writes.</summary>
    public int GetEncodedLength()
    {
        int length = M3uaHeader.Length;
        foreach (var parameter in _parameters)
        {
            length += parameter.PaddedLength;
        }

        return length;
    }

    /// <summary>
    /// Encodes the message into <paramref name="destination"/>. Never throws for bad content: a missing mandatory
    /// parameter, one the message does not carry, a value RFC 4666 does not allow, or a destination too small is
    /// returned as the error — the same checks the decoder applies.
    /// </summary>
    public M3uaError TryEncode(Span<byte> destination, out int bytesWritten) => TryEncode(destination, out bytesWritten, out _);

    /// <summary>As <see cref="TryEncode(Span{byte}, out int)"/>, saying which parameter the error concerns.</summary>
    public M3uaError TryEncode(Span<byte> destination, out int bytesWritten, out M3uaParameterTag? errorParameter)
    {
        var writer = new M3uaWriter(destination, Type);
        foreach (var parameter in _parameters)
        {
            writer.WriteParameter(parameter.Tag, parameter.Value.Span);
        }

        writer.TryComplete(out bytesWritten);
        errorParameter = writer.ErrorParameter;
        return writer.Error;
    }

    /// <summary>Encodes the message into a new array.</summary>
    /// <exception cref="M3uaFormatException">The message cannot be laid out (see <see cref="TryEncode(Span{byte}, out int)"/>).</exception>
    public byte[] Encode()
    {
        byte[] buffer = new byte[GetEncodedLength()];
        M3uaError error = TryEncode(buffer, out _, out M3uaParameterTag? parameter);
        return error == M3uaError.None ? buffer : throw new M3uaFormatException(error, -1, parameter);
    }

    /// <summary>Encodes the message into <paramref name="output"/> and returns the octets written.</summary>
    /// <exception cref="M3uaFormatException">The message cannot be laid out.</exception>
    public int Encode(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Span<byte> span = output.GetSpan(GetEncodedLength());
        M3uaError error = TryEncode(span, out int written, out M3uaParameterTag? parameter);
        if (error != M3uaError.None)
        {
            throw new M3uaFormatException(error, -1, parameter);
        }

        output.Advance(written);
        return written;
    }

    /// <inheritdoc/>
    public bool Equals(M3uaMessage? other)
    {
        if (other is null || Type != other.Type || _parameters.Count != other._parameters.Count)
        {
            return false;
        }

        for (int i = 0; i < _parameters.Count; i++)
        {
            if (!_parameters[i].Equals(other._parameters[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as M3uaMessage);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, _parameters.Count);

    /// <summary>Acronym and parameters, for test failures and logs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(M3uaMessageNames.GetAcronym(Type) ?? $"class {(byte)Class} type {Type.GetTypeOctet()}");
        foreach (var parameter in _parameters)
        {
            text.Append("; ").Append(parameter.ToString());
        }

        return text.ToString();
    }
}
