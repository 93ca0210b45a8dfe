namespace Gateway.Isup;

/// <summary>
/// Reads one ISUP message in place, in the manner of Utf8JsonReader: the header (CIC, message type) on
/// construction, then each parameter as a code and a slice of the input, mandatory fixed first, then mandatory
/// variable, then optional, in wire order. It allocates nothing and never throws on bad input.
/// </summary>
/// <remarks>
/// <para>
/// The whole message is checked when the reader is created — header, pointers, lengths, the end of optional
/// parameters octet, and each known parameter against <see cref="IsupParameterRules"/> — so <see cref="Error"/> is
/// final from the start and a caller never acts on half of a message that turns out to be malformed. After that,
/// <see cref="Read"/> only walks what was checked.
/// </para>
/// <para>
/// A message type without a format (unknown, or CRG and PAM, whose content is not a parameter list) yields no
/// parameters; its content is <see cref="UnparsedBody"/>. To look for the message compatibility information of an
/// unrecognised type as Q.764 §2.9.5.3 does, create a reader with <see cref="IsupMessageFormat.OptionalPartOnly"/>.
/// </para>
/// </remarks>
public ref struct IsupReader
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly IsupMessageFormat? _format;
    private readonly int _bodyStart;
    private readonly int _optionalStart;

    private Part _part;
    private int _index;
    private int _position;

    /// <summary>Reads <paramref name="message"/> with the format Q.763 gives its message type.</summary>
    public IsupReader(ReadOnlySpan<byte> message, IsupBodyForm form)
        : this(message, form, null, useTable: true)
    {
    }

    /// <summary>Reads <paramref name="message"/> with an explicit format, whatever its type code says.</summary>
    public IsupReader(ReadOnlySpan<byte> message, IsupBodyForm form, IsupMessageFormat format)
        : this(message, form, format ?? throw new ArgumentNullException(nameof(format)), useTable: false)
    {
    }

    private IsupReader(ReadOnlySpan<byte> message, IsupBodyForm form, IsupMessageFormat? format, bool useTable)
    {
        _message = message;
        _optionalStart = -1;
        ErrorOffset = -1;
        HasCic = form == IsupBodyForm.Mtp3UserData;
        int typeOffset = HasCic ? 2 : 0;
        if (message.Length <= typeOffset)
        {
            Fail(IsupError.Empty, message.Length, null);
            _part = Part.Done;
            return;
        }

        if (HasCic)
        {
            Cic = message[0] | ((message[1] & 0x0F) << 8);
            CicSpareBits = (byte)(message[1] >> 4);
        }

        MessageType = (IsupMessageType)message[typeOffset];
        _bodyStart = typeOffset + 1;
        _format = useTable ? IsupMessageFormats.Get(MessageType) : format;
        if (_format is null)
        {
            _part = Part.Done;
            return;
        }

        _optionalStart = Validate(out int count);
        ParameterCount = Error == IsupError.None ? count : 0;
        _part = Error == IsupError.None ? Part.Fixed : Part.Done;
        _position = _bodyStart;
    }

    private enum Part : byte
    {
        Fixed,
        Variable,
        Optional,
        Done,
    }

    /// <summary>The first defect found, or <see cref="IsupError.None"/>. When set, <see cref="Read"/> returns false at once.</summary>
    public IsupError Error { get; private set; }

    /// <summary>Offset of the defect from the start of the input, or -1.</summary>
    public int ErrorOffset { get; private set; }

    /// <summary>The parameter the defect concerns, where there is one.</summary>
    public IsupParameterCode? ErrorParameter { get; private set; }

    /// <summary>Whether the input started with a CIC (<see cref="IsupBodyForm.Mtp3UserData"/>).</summary>
    public bool HasCic { get; }

    /// <summary>The 12-bit circuit identification code; 0 without a CIC.</summary>
    public int Cic { get; }

    /// <summary>
    /// The 4 spare bits above the CIC. Q.763 §1.2 has them sent as 0 and not examined on receipt; they are exposed
    /// so that a message passed through keeps them.
    /// </summary>
    public byte CicSpareBits { get; }

    /// <summary>The message type code (meaningless when <see cref="Error"/> is <see cref="IsupError.Empty"/>).</summary>
    public IsupMessageType MessageType { get; }

    /// <summary>The format the parameters are read with; null when the content is <see cref="UnparsedBody"/>.</summary>
    public readonly IsupMessageFormat? Format => _format;

    /// <summary>Everything after the message type octet when there is no format to read it with; empty otherwise.</summary>
    public readonly ReadOnlySpan<byte> UnparsedBody => _format is null && Error == IsupError.None ? _message[_bodyStart..] : default;

    /// <summary>How many parameters <see cref="Read"/> yields in all (0 when there is an error).</summary>
    public int ParameterCount { get; }

    /// <summary>Whether the optional part holds at least one parameter.</summary>
    public readonly bool HasOptionalParameters => _optionalStart >= 0;

    /// <summary>The current parameter's code.</summary>
    public IsupParameterCode ParameterCode { get; private set; }

    /// <summary>The part of the message the current parameter came from.</summary>
    public IsupParameterKind ParameterKind { get; private set; }

    /// <summary>The current parameter's value, without code or length octet.</summary>
    public ReadOnlySpan<byte> ParameterValue { get; private set; }

    /// <summary>Offset of the current parameter's value from the start of the input.</summary>
    public int ParameterOffset { get; private set; }

    /// <summary>Moves to the next parameter; false after the last one, or at once when the message is malformed.</summary>
    public bool Read()
    {
        IsupMessageFormat? format = _format;
        while (format is not null)
        {
            switch (_part)
            {
                case Part.Fixed:
                    if (_index < format.FixedParameters.Length)
                    {
                        var slot = format.FixedParameters[_index++];
                        Set(slot.Code, IsupParameterKind.MandatoryFixed, _position, slot.Length);
                        _position += slot.Length;
                        return true;
                    }

                    _part = Part.Variable;
                    _index = 0;
                    break;

                case Part.Variable:
                    if (_index < format.VariableParameters.Length)
                    {
                        int pointer = _position + _index;
                        int start = pointer + _message[pointer];
                        Set(format.VariableParameters[_index++], IsupParameterKind.MandatoryVariable, start + 1, _message[start]);
                        return true;
                    }

                    _part = Part.Optional;
                    _position = _optionalStart;
                    break;

                case Part.Optional:
                    if (_position >= 0 && _message[_position] != 0)
                    {
                        int length = _message[_position + 1];
                        Set((IsupParameterCode)_message[_position], IsupParameterKind.Optional, _position + 2, length);
                        _position += 2 + length;
                        return true;
                    }

                    _part = Part.Done;
                    break;

                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Finds the first parameter with <paramref name="code"/> from the start, without disturbing the current
    /// position: a copy of the reader does the walk.
    /// </summary>
    public readonly bool TryFind(IsupParameterCode code, out ReadOnlySpan<byte> value)
    {
        IsupReader copy = this;
        copy._part = Error == IsupError.None && _format is not null ? Part.Fixed : Part.Done;
        copy._index = 0;
        copy._position = _bodyStart;
        while (copy.Read())
        {
            if (copy.ParameterCode == code)
            {
                value = copy.ParameterValue;
                return true;
            }
        }

        value = default;
        return false;
    }

    private void Set(IsupParameterCode code, IsupParameterKind kind, int offset, int length)
    {
        ParameterCode = code;
        ParameterKind = kind;
        ParameterOffset = offset;
        ParameterValue = _message.Slice(offset, length);
    }

    private void Fail(IsupError error, int offset, IsupParameterCode? parameter)
    {
        Error = error;
        ErrorOffset = offset;
        ErrorParameter = parameter;
    }

    // One pass over the layout; returns where the optional part's first parameter starts (-1 when it is empty).
    private int Validate(out int count)
    {
        IsupMessageFormat format = _format!;
        ReadOnlySpan<byte> m = _message;
        count = 0;

        int position = _bodyStart;
        foreach (var slot in format.FixedParameters)
        {
            if (position + slot.Length > m.Length)
            {
                Fail(IsupError.Truncated, m.Length, slot.Code);
                return -1;
            }

            if (!Check(slot.Code, m.Slice(position, slot.Length), position))
            {
                return -1;
            }

            position += slot.Length;
            count++;
        }

        int pointers = position;
        int end = pointers + format.PointerCount;
        if (end > m.Length)
        {
            Fail(IsupError.Truncated, m.Length, null);
            return -1;
        }

        // Mandatory variable parameters lie after the pointers, in pointer order, without overlapping.
        var variable = format.VariableParameters;
        for (int i = 0; i < variable.Length; i++)
        {
            int pointer = pointers + i;
            if (m[pointer] == 0)
            {
                Fail(IsupError.MandatoryParameterMissing, pointer, variable[i]);
                return -1;
            }

            int start = pointer + m[pointer];
            if (start < end || start >= m.Length)
            {
                Fail(IsupError.PointerOutOfRange, pointer, variable[i]);
                return -1;
            }

            int next = start + 1 + m[start];
            if (next > m.Length)
            {
                Fail(IsupError.LengthExceedsMessage, start, variable[i]);
                return -1;
            }

            if (!Check(variable[i], m.Slice(start + 1, m[start]), start + 1))
            {
                return -1;
            }

            end = next;
            count++;
        }

        if (!format.HasOptionalPart || m[pointers + variable.Length] == 0)
        {
            if (end != m.Length)
            {
                Fail(IsupError.TrailingData, end, null);
            }

            return -1;
        }

        int optionalPointer = pointers + variable.Length;
        int optional = optionalPointer + m[optionalPointer];
        if (optional < end || optional >= m.Length)
        {
            Fail(IsupError.PointerOutOfRange, optionalPointer, null);
            return -1;
        }

        position = optional;
        while (true)
        {
            if (position >= m.Length)
            {
                Fail(IsupError.MissingEndOfOptionalParameters, m.Length, null);
                return -1;
            }

            var code = (IsupParameterCode)m[position];
            if (code == IsupParameterCode.EndOfOptionalParameters)
            {
                break;
            }

            if (position + 1 >= m.Length)
            {
                Fail(IsupError.MissingEndOfOptionalParameters, m.Length, code);
                return -1;
            }

            int next = position + 2 + m[position + 1];
            if (next > m.Length)
            {
                Fail(IsupError.LengthExceedsMessage, position + 1, code);
                return -1;
            }

            if (!Check(code, m.Slice(position + 2, m[position + 1]), position + 2))
            {
                return -1;
            }

            position = next;
            count++;
        }

        if (position + 1 != m.Length)
        {
            Fail(IsupError.TrailingData, position + 1, null);
            return -1;
        }

        return m[optional] == 0 ? -1 : optional;
    }

    private bool Check(IsupParameterCode code, ReadOnlySpan<byte> value, int offset)
    {
        IsupError error = IsupParameterRules.Check(code, value);
        if (error != IsupError.None)
        {
            Fail(error, offset, code);
            return false;
        }

        return true;
    }
}
