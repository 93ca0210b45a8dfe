using System.Buffers;
using System.Text;

namespace Gateway.Isup;

/// <summary>
/// An ISUP message as a value, for callers that keep messages (call records, retransmission, pass-through): the
/// type, the CIC when there is one, and the parameters in wire order. Decoding allocates this object, its parameter
/// list and one copy of the input, which the parameter values slice; for a path that keeps nothing use
/// <see cref="IsupReader"/> and <see cref="IsupWriter"/>.
/// </summary>
/// <remarks>
/// Unknown parameters stay in <see cref="Parameters"/> with their raw value, and a type without a format keeps its
/// content in <see cref="UnparsedBody"/>, so that re-encoding gives back what came in and the Q.764 §2.9.5
/// compatibility procedure can still see what it did not understand.
/// </remarks>
public sealed class IsupMessage : IEquatable<IsupMessage>
{
    private readonly List<IsupParameter> _parameters;
    private int? _cic;
    private byte _cicSpareBits;

    /// <summary>Creates an empty message.</summary>
    /// <param name="type">The message type.</param>
    /// <param name="cic">The CIC (0–4095) for <see cref="IsupBodyForm.Mtp3UserData"/>; null for an application/ISUP body.</param>
    /// <param name="cicSpareBits">The 4 spare bits above the CIC, 0 unless passing a received message through.</param>
    public IsupMessage(IsupMessageType type, int? cic = null, byte cicSpareBits = 0)
        : this(type, cic, cicSpareBits, 4)
    {
    }

    private IsupMessage(IsupMessageType type, int? cic, byte cicSpareBits, int capacity)
    {
        Type = type;
        Cic = cic;
        CicSpareBits = cicSpareBits;
        _parameters = new List<IsupParameter>(capacity);
    }

    /// <summary>The message type.</summary>
    public IsupMessageType Type { get; }

    /// <summary>The format the parameters follow; null when the content is <see cref="UnparsedBody"/>.</summary>
    public IsupMessageFormat? Format => IsupMessageFormats.Get(Type);

    /// <summary>The CIC, or null for an application/ISUP body (RFC 3204), which has none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0–4095 (Q.763 §1.2: 12 bits in ITU networks).</exception>
    public int? Cic
    {
        get => _cic;
        set
        {
            if (value is < 0 or > 0x0FFF)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "An ITU CIC has 12 bits.");
            }

            _cic = value;
        }
    }

    /// <summary>The 4 spare bits above the CIC: sent as 0 (Q.763 §1.2), kept from a received message for pass-through.</summary>
    public byte CicSpareBits
    {
        get => _cicSpareBits;
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, (byte)0x0F);
            _cicSpareBits = value;
        }
    }

    /// <summary>Which envelope the message is encoded in, from whether it has a CIC.</summary>
    public IsupBodyForm BodyForm => _cic.HasValue ? IsupBodyForm.Mtp3UserData : IsupBodyForm.ApplicationIsup;

    /// <summary>The parameters in wire order: mandatory fixed, mandatory variable, then optional as received or added.</summary>
    public IReadOnlyList<IsupParameter> Parameters => _parameters;

    /// <summary>
    /// The content after the message type for a type without a format (unknown types, CRG, PAM); empty for the
    /// others.
    /// </summary>
    public ReadOnlyMemory<byte> UnparsedBody { get; set; }

    /// <summary>
    /// Decodes <paramref name="data"/>; on success the message holds a copy of the input, so the buffer can be
    /// reused at once. Never throws for bad input.
    /// </summary>
    public static IsupError TryDecode(ReadOnlySpan<byte> data, IsupBodyForm form, out IsupMessage? message) =>
        TryDecode(data, form, out message, out _, out _);

    /// <summary>As <see cref="TryDecode(ReadOnlySpan{byte}, IsupBodyForm, out IsupMessage?)"/>, saying where the defect is.</summary>
    public static IsupError TryDecode(ReadOnlySpan<byte> data, IsupBodyForm form, out IsupMessage? message, out int errorOffset, out IsupParameterCode? errorParameter)
    {
        var reader = new IsupReader(data, form);
        message = null;
        errorOffset = reader.ErrorOffset;
        errorParameter = reader.ErrorParameter;
        if (reader.Error != IsupError.None)
        {
            return reader.Error;
        }

        byte[] copy = data.ToArray();
        var result = new IsupMessage(reader.MessageType, reader.HasCic ? reader.Cic : null, reader.CicSpareBits, reader.ParameterCount);
        if (reader.Format is null)
        {
            int bodyStart = reader.HasCic ? 3 : 1;
            result.UnparsedBody = copy.AsMemory(bodyStart);
        }

        while (reader.Read())
        {
            var value = copy.AsMemory(reader.ParameterOffset, reader.ParameterValue.Length);
            result._parameters.Add(new IsupParameter(reader.ParameterCode, reader.ParameterKind, value));
        }

        message = result;
        return IsupError.None;
    }

    /// <summary>Decodes <paramref name="data"/>.</summary>
    /// <exception cref="IsupFormatException">The input is not a well-formed ISUP message.</exception>
    public static IsupMessage Decode(ReadOnlySpan<byte> data, IsupBodyForm form)
    {
        IsupError error = TryDecode(data, form, out IsupMessage? message, out int offset, out IsupParameterCode? parameter);
        return error == IsupError.None ? message! : throw new IsupFormatException(error, offset, parameter);
    }

    /// <summary>
    /// Adds a parameter, as the next mandatory one when the format lists <paramref name="code"/> and it is not yet
    /// present, as an optional one otherwise. The value is kept, not copied.
    /// </summary>
    public IsupMessage Add(IsupParameterCode code, ReadOnlyMemory<byte> value) => Add(new IsupParameter(code, InferKind(code), value));

    /// <summary>Adds a parameter of an explicit kind.</summary>
    public IsupMessage Add(IsupParameter parameter)
    {
        _parameters.Add(parameter);
        return this;
    }

    /// <summary>Adds a typed parameter (encoded into a new array), with its kind inferred as for <see cref="Add(IsupParameterCode, ReadOnlyMemory{byte})"/>.</summary>
    public IsupMessage Add<T>(in T parameter)
        where T : struct, IIsupParameter<T>
    {
        byte[] value = new byte[parameter.EncodedLength];
        parameter.Write(value);
        return Add(T.Code, value);
    }

    /// <summary>Adds an optional parameter even when the format lists the code as mandatory.</summary>
    public IsupMessage AddOptional(IsupParameterCode code, ReadOnlyMemory<byte> value) => Add(new IsupParameter(code, IsupParameterKind.Optional, value));

    /// <summary>Removes every parameter with <paramref name="code"/>; returns how many were removed.</summary>
    public int RemoveAll(IsupParameterCode code) => _parameters.RemoveAll(p => p.Code == code);

    /// <summary>Whether a parameter with <paramref name="code"/> is present.</summary>
    public bool Contains(IsupParameterCode code) => TryGetValue(code, out _);

    /// <summary>The value of the first parameter with <paramref name="code"/>.</summary>
    public bool TryGetValue(IsupParameterCode code, out ReadOnlyMemory<byte> value)
    {
        foreach (var parameter in _parameters)
        {
            if (parameter.Code == code)
            {
                value = parameter.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The first parameter of <typeparamref name="T"/>'s code, parsed; false when absent or unreadable.</summary>
    public bool TryGet<T>(out T parameter)
        where T : struct, IIsupParameter<T>
    {
        if (TryGetValue(T.Code, out var value))
        {
            return T.TryParse(value.Span, out parameter);
        }

        parameter = default;
        return false;
    }

    /// <summary>Octets <see cref="TryEncode"/> writes (computed from the parameters, even if they cannot be laid out).</summary>
    public int GetEncodedLength()
    {
        int length = (_cic.HasValue ? 3 : 1) + UnparsedBody.Length;
        IsupMessageFormat? format = Format;
        if (format is null)
        {
            return length;
        }

        length += format.PointerCount;
        bool optional = false;
        foreach (var parameter in _parameters)
        {
            length += parameter.Value.Length + parameter.Kind switch
            {
                IsupParameterKind.MandatoryFixed => 0,
                IsupParameterKind.MandatoryVariable => 1,
                _ => 2,
            };
            optional |= parameter.Kind == IsupParameterKind.Optional;
        }

        return optional ? length + 1 : length;
    }

    /// <summary>
    /// Encodes the message into <paramref name="destination"/>. Never throws for bad content: a missing mandatory
    /// parameter, a value Q.763 does not allow, or a destination too small is returned as the error.
    /// </summary>
    public IsupError TryEncode(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        IsupMessageFormat? format = Format;
        if (format is null)
        {
            if (_parameters.Count > 0)
            {
                return IsupError.ParameterNotAllowed;
            }

            var raw = new IsupWriter(destination, Type, _cic, _cicSpareBits);
            raw.WriteUnparsedBody(UnparsedBody.Span);
            return raw.TryComplete(out bytesWritten) ? IsupError.None : raw.Error;
        }

        if (!UnparsedBody.IsEmpty)
        {
            return IsupError.ParameterNotAllowed;
        }

        int mandatory = 0;
        foreach (var parameter in _parameters)
        {
            if (parameter.Kind != IsupParameterKind.Optional)
            {
                mandatory++;
            }
            else if (!format.HasOptionalPart || parameter.Code == IsupParameterCode.EndOfOptionalParameters)
            {
                return IsupError.ParameterNotAllowed;
            }
        }

        var writer = new IsupWriter(destination, Type, _cic, _cicSpareBits);
        int found = 0;
        foreach (var slot in format.FixedParameters)
        {
            if (!TryFindMandatory(slot.Code, IsupParameterKind.MandatoryFixed, out var value))
            {
                return IsupError.MandatoryParameterMissing;
            }

            writer.WriteParameter(slot.Code, value.Span);
            found++;
        }

        foreach (var code in format.VariableParameters)
        {
            if (!TryFindMandatory(code, IsupParameterKind.MandatoryVariable, out var value))
            {
                return IsupError.MandatoryParameterMissing;
            }

            writer.WriteParameter(code, value.Span);
            found++;
        }

        if (found != mandatory)
        {
            return IsupError.ParameterNotAllowed;
        }

        foreach (var parameter in _parameters)
        {
            if (parameter.Kind == IsupParameterKind.Optional)
            {
                writer.WriteParameter(parameter.Code, parameter.Value.Span);
            }
        }

        return writer.TryComplete(out bytesWritten) ? IsupError.None : writer.Error;
    }

    /// <summary>Encodes the message into a new array.</summary>
    /// <exception cref="IsupFormatException">The message cannot be laid out (see <see cref="TryEncode"/>).</exception>
    public byte[] Encode()
    {
        byte[] buffer = new byte[GetEncodedLength()];
        IsupError error = TryEncode(buffer, out int written);
        if (error != IsupError.None)
        {
            throw new IsupFormatException(error);
        }

        return written == buffer.Length ? buffer : buffer[..written];
    }

    /// <summary>Encodes the message into <paramref name="output"/> and returns the octets written.</summary>
    /// <exception cref="IsupFormatException">The message cannot be laid out (see <see cref="TryEncode"/>).</exception>
    public int Encode(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Span<byte> span = output.GetSpan(GetEncodedLength());
        IsupError error = TryEncode(span, out int written);
        if (error != IsupError.None)
        {
            throw new IsupFormatException(error);
        }

        output.Advance(written);
        return written;
    }

    /// <inheritdoc/>
    public bool Equals(IsupMessage? other)
    {
        if (other is null || Type != other.Type || _cic != other._cic || _cicSpareBits != other._cicSpareBits
            || _parameters.Count != other._parameters.Count || !UnparsedBody.Span.SequenceEqual(other.UnparsedBody.Span))
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
    public override bool Equals(object? obj) => Equals(obj as IsupMessage);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, _cic, _parameters.Count);

    /// <summary>Type, CIC and parameters, for test failures and logs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(IsupMessageNames.GetAcronym(Type) ?? $"type 0x{(byte)Type:x2}");
        if (_cic.HasValue)
        {
            text.Append(" cic=").Append(_cic.Value);
        }

        if (!UnparsedBody.IsEmpty)
        {
            text.Append(" body=").Append(Convert.ToHexStringLower(UnparsedBody.Span));
        }

        foreach (var parameter in _parameters)
        {
            text.Append("; ").Append(parameter.ToString());
        }

        return text.ToString();
    }

    private IsupParameterKind InferKind(IsupParameterCode code)
    {
        IsupMessageFormat? format = Format;
        if (format is not null)
        {
            if (format.IndexOfFixed(code) >= 0 && !TryFindMandatory(code, IsupParameterKind.MandatoryFixed, out _))
            {
                return IsupParameterKind.MandatoryFixed;
            }

            if (format.IndexOfVariable(code) >= 0 && !TryFindMandatory(code, IsupParameterKind.MandatoryVariable, out _))
            {
                return IsupParameterKind.MandatoryVariable;
            }
        }

        return IsupParameterKind.Optional;
    }

    private bool TryFindMandatory(IsupParameterCode code, IsupParameterKind kind, out ReadOnlyMemory<byte> value)
    {
        foreach (var parameter in _parameters)
        {
            if (parameter.Code == code && parameter.Kind == kind)
            {
                value = parameter.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
