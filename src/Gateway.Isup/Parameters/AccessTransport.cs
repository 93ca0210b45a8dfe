namespace Gateway.Isup;

/// <summary>
/// Access transport (Q.763 §3.3): Q.931 information elements carried end to end between the accesses, most often a
/// progress indicator saying in-band information is available. The view checks that the elements are well formed
/// and finds one by identifier, so that interworking can act on the progress indicator instead of losing it.
/// </summary>
public readonly struct AccessTransport : IIsupParameter<AccessTransport>
{
    /// <summary>The Q.931 progress indicator information element identifier.</summary>
    public const byte ProgressIndicator = 0x1E;

    private readonly byte[]? _value;

    /// <summary>Creates the parameter from encoded information elements.</summary>
    /// <exception cref="ArgumentException">The octets are not a sequence of well-formed information elements.</exception>
    public AccessTransport(ReadOnlySpan<byte> informationElements)
    {
        if (informationElements.IsEmpty || informationElements.Length > 255 || !IsWellFormed(informationElements))
        {
            throw new ArgumentException("Not a sequence of Q.931 information elements.", nameof(informationElements));
        }

        _value = informationElements.ToArray();
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.AccessTransport;

    /// <summary>The information elements as encoded.</summary>
    public ReadOnlyMemory<byte> Value => _value;

    /// <inheritdoc/>
    public int EncodedLength => _value?.Length ?? 0;

    /// <summary>Creates a parameter holding one progress indicator (location and description as Q.931 §4.5.23 codes them).</summary>
    public static AccessTransport WithProgressIndicator(int location, int description) =>
        new([ProgressIndicator, 2, (byte)(0x80 | (location & 0x0F)), (byte)(0x80 | (description & 0x7F))]);

    /// <summary>The contents of the first information element with <paramref name="identifier"/> (after its length octet).</summary>
    public bool TryFind(byte identifier, out ReadOnlySpan<byte> contents)
    {
        ReadOnlySpan<byte> value = _value;
        int position = 0;
        while (position < value.Length)
        {
            byte id = value[position];
            if ((id & 0x80) != 0)
            {
                // Single-octet element (Q.931 §4.5.1): no length, its content is in its own octet.
                if (id == identifier)
                {
                    contents = value.Slice(position, 1);
                    return true;
                }

                position++;
                continue;
            }

            int length = value[position + 1];
            if (id == identifier)
            {
                contents = value.Slice(position + 2, length);
                return true;
            }

            position += 2 + length;
        }

        contents = default;
        return false;
    }

    /// <summary>The progress description of the first progress indicator (1 not end-to-end ISDN, 8 in-band information available...).</summary>
    public bool TryGetProgressDescription(out int description)
    {
        description = 0;
        if (TryFind(ProgressIndicator, out var contents) && contents.Length >= 2)
        {
            description = contents[1] & 0x7F;
            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out AccessTransport parameter)
    {
        parameter = default;
        if (value.IsEmpty || !IsWellFormed(value))
        {
            return false;
        }

        parameter = new AccessTransport(value);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        _value?.CopyTo(destination);
        return EncodedLength;
    }

    private static bool IsWellFormed(ReadOnlySpan<byte> value)
    {
        int position = 0;
        while (position < value.Length)
        {
            if ((value[position] & 0x80) != 0)
            {
                position++;
            }
            else if (position + 1 >= value.Length)
            {
                return false;
            }
            else
            {
                position += 2 + value[position + 1];
            }
        }

        return position == value.Length;
    }
}
