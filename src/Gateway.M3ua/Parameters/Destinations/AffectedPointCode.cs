namespace Gateway.M3ua;

/// <summary>Affected Point Code (RFC 4666 §3.4.1, tag 0x0012): the destinations an SSNM message (DUNA, DAVA, DAUD, SCON, DUPU, DRST) or an ERR is about, each possibly a masked range.</summary>
public readonly struct AffectedPointCode : IM3uaParameter<AffectedPointCode>, IEquatable<AffectedPointCode>
{
    private readonly M3uaPointCode[]? _pointCodes;

    /// <summary>Creates the parameter, copying the entries.</summary>
    /// <exception cref="ArgumentException"><paramref name="pointCodes"/> is empty: the list holds at least one.</exception>
    public AffectedPointCode(params ReadOnlySpan<M3uaPointCode> pointCodes)
    {
        if (pointCodes.IsEmpty)
        {
            throw new ArgumentException("The list holds at least one point code.", nameof(pointCodes));
        }

        _pointCodes = pointCodes.ToArray();
    }

    private AffectedPointCode(M3uaPointCode[] pointCodes, bool owned)
    {
        _ = owned;
        _pointCodes = pointCodes;
    }

    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.AffectedPointCode;

    /// <summary>The entries, in wire order.</summary>
    public IReadOnlyList<M3uaPointCode> PointCodes => _pointCodes ?? [];

    /// <inheritdoc/>
    public int EncodedLength => (_pointCodes?.Length ?? 0) * 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out AffectedPointCode parameter)
    {
        parameter = PointCodeListFormat.TryParse(value, out M3uaPointCode[] entries) ? new AffectedPointCode(entries, owned: true) : default;
        return entries.Length > 0;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination) => PointCodeListFormat.Write(destination, _pointCodes);

    /// <inheritdoc/>
    public bool Equals(AffectedPointCode other) => ((ReadOnlySpan<M3uaPointCode>)_pointCodes).SequenceEqual(other._pointCodes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AffectedPointCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _pointCodes is { Length: > 0 } p ? HashCode.Combine(p.Length, p[0]) : 0;

    /// <summary>The entries, comma-separated.</summary>
    public override string ToString() => string.Join(",", PointCodes);
}
