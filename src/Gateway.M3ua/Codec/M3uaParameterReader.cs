using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// Walks a list of parameters (tag, length, value, zero padding to a 4-octet boundary: RFC 4666 §3.2) in place: the
/// parameters of a message after its common header, or the content of a group parameter such as a Routing Key. It
/// allocates nothing and never throws; a list that breaks off stops the walk with <see cref="Error"/> set.
/// </summary>
/// <remarks>
/// It checks framing only — lengths and padding — not which parameters a message may carry or what their values
/// mean: <see cref="M3uaReader"/> and <see cref="M3uaParameterRules"/> do that. The padding of the last parameter may
/// be missing (a sender that stopped at the value's last octet): padding carries nothing, RFC 4666 has the receiver
/// ignore it, and the message is still unambiguous.
/// </remarks>
public ref struct M3uaParameterReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _base;
    private int _next;

    /// <summary>Walks <paramref name="parameters"/>, which holds nothing but parameters.</summary>
    public M3uaParameterReader(ReadOnlySpan<byte> parameters)
        : this(parameters, 0)
    {
    }

    /// <summary>Walks <paramref name="parameters"/>, reporting offsets as if it started at <paramref name="baseOffset"/> of a larger input.</summary>
    public M3uaParameterReader(ReadOnlySpan<byte> parameters, int baseOffset)
    {
        _data = parameters;
        _base = baseOffset;
        ErrorOffset = -1;
    }

    /// <summary>The framing defect that stopped the walk, or <see cref="M3uaError.None"/>.</summary>
    public M3uaError Error { get; private set; }

    /// <summary>Offset of the defect (relative to the base offset), or -1.</summary>
    public int ErrorOffset { get; private set; }

    /// <summary>The current parameter's tag.</summary>
    public M3uaParameterTag Tag { get; private set; }

    /// <summary>The current parameter's value: without tag, length or padding.</summary>
    public ReadOnlySpan<byte> Value { get; private set; }

    /// <summary>Offset of the current parameter's tag (relative to the base offset).</summary>
    public int Offset { get; private set; }

    /// <summary>Offset of the current parameter's value (relative to the base offset).</summary>
    public readonly int ValueOffset => Offset + 4;

    /// <summary>Moves to the next parameter; false after the last one or at a framing defect.</summary>
    public bool Read()
    {
        int position = _next;
        int remaining = _data.Length - position;
        if (remaining <= 0 || Error != M3uaError.None)
        {
            return false;
        }

        if (remaining < 4)
        {
            return Fail(M3uaError.ParameterTruncated, position);
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(_data.Slice(position + 2, 2));
        if (length < 4)
        {
            return Fail(M3uaError.ParameterLengthTooShort, position + 2);
        }

        if (length > remaining)
        {
            return Fail(M3uaError.ParameterOverrun, position + 2);
        }

        Tag = (M3uaParameterTag)BinaryPrimitives.ReadUInt16BigEndian(_data.Slice(position, 2));
        Value = _data.Slice(position + 4, length - 4);
        Offset = _base + position;
        int padded = (length + 3) & ~3;
        _next = padded <= remaining ? position + padded : _data.Length;
        return true;
    }

    private bool Fail(M3uaError error, int position)
    {
        Error = error;
        ErrorOffset = _base + position;
        Value = default;
        return false;
    }
}
