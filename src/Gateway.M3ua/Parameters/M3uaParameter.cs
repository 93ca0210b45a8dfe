namespace Gateway.M3ua;

/// <summary>
/// One parameter of an <see cref="M3uaMessage"/> (or of a group parameter's content): its tag and its value octets as
/// they are on the wire, without tag, length or padding. Unknown tags are kept this way too, so that nothing received
/// is dropped silently and a message passed through keeps its octets.
/// </summary>
public readonly struct M3uaParameter : IEquatable<M3uaParameter>
{
    /// <summary>Creates a parameter; the value is kept, not copied.</summary>
    public M3uaParameter(M3uaParameterTag tag, ReadOnlyMemory<byte> value)
    {
        Tag = tag;
        Value = value;
    }

    /// <summary>The parameter tag.</summary>
    public M3uaParameterTag Tag { get; }

    /// <summary>The value octets.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>Whether the tag is one the codec knows.</summary>
    public bool IsKnown => M3uaParameterNames.IsKnown(Tag);

    /// <summary>Whether the value is itself a parameter list (Routing Key, Registration Result, Deregistration Result).</summary>
    public bool IsGroup => M3uaParameterRules.IsGroup(Tag);

    /// <summary>Parses the value as <typeparamref name="T"/>; false when the tag differs or the value does not parse.</summary>
    public bool TryGet<T>(out T view)
        where T : struct, IM3uaParameter<T>
    {
        if (Tag == T.Tag)
        {
            return T.TryParse(Value.Span, out view);
        }

        view = default;
        return false;
    }

    /// <summary>
    /// The parameters inside a group's value, in wire order, each value a slice of this one (nothing copied); false
    /// when the value's framing is broken.
    /// </summary>
    public bool TryGetGroup(out M3uaParameter[] parameters) => TryReadList(Value, out parameters);

    /// <summary>Reads a parameter list (tag, length, value, padding…) into parameters whose values slice <paramref name="data"/>.</summary>
    public static bool TryReadList(ReadOnlyMemory<byte> data, out M3uaParameter[] parameters)
    {
        var walker = new M3uaParameterReader(data.Span);
        int count = 0;
        while (walker.Read())
        {
            count++;
        }

        if (walker.Error != M3uaError.None)
        {
            parameters = [];
            return false;
        }

        parameters = new M3uaParameter[count];
        walker = new M3uaParameterReader(data.Span);
        for (int i = 0; walker.Read(); i++)
        {
            parameters[i] = new M3uaParameter(walker.Tag, data.Slice(walker.ValueOffset, walker.Value.Length));
        }

        return true;
    }

    /// <summary>Octets the parameter takes in a message: tag, length, value and padding to 4 octets.</summary>
    public int PaddedLength => (Value.Length + 7) & ~3;

    /// <inheritdoc/>
    public bool Equals(M3uaParameter other) => Tag == other.Tag && Value.Span.SequenceEqual(other.Value.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is M3uaParameter other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Tag);
        hash.AddBytes(Value.Span);
        return hash.ToHashCode();
    }

    /// <summary>Name, tag and value in hex, for test failures and logs.</summary>
    public override string ToString() => $"{M3uaParameterNames.GetName(Tag)} (0x{(ushort)Tag:x4}): {Convert.ToHexStringLower(Value.Span)}";

    /// <summary>Equality of tag and value octets.</summary>
    public static bool operator ==(M3uaParameter left, M3uaParameter right) => left.Equals(right);

    /// <summary>Inequality of tag or value octets.</summary>
    public static bool operator !=(M3uaParameter left, M3uaParameter right) => !left.Equals(right);
}
