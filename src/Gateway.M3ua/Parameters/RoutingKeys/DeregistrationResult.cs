using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>Deregistration Result (RFC 4666 §3.6.4, tag 0x0209), in DEREG RSP: one per Routing Context asked for, with the outcome.</summary>
/// <param name="RoutingContext">The Routing Context deregistered (or not).</param>
/// <param name="Status">The outcome.</param>
public readonly record struct DeregistrationResult(uint RoutingContext, M3uaDeregistrationStatus Status) : IM3uaParameter<DeregistrationResult>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.DeregistrationResult;

    /// <inheritdoc/>
    public int EncodedLength => 2 * M3uaTlv.PaddedLength(4);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out DeregistrationResult parameter)
    {
        parameter = default;
        if (M3uaParameterRules.Check(Tag, value) != M3uaError.None)
        {
            return false;
        }

        uint context = 0, status = 0;
        var walker = new M3uaParameterReader(value);
        while (walker.Read())
        {
            switch (walker.Tag)
            {
                case M3uaParameterTag.RoutingContext: context = BinaryPrimitives.ReadUInt32BigEndian(walker.Value); break;
                case M3uaParameterTag.DeregistrationStatus: status = BinaryPrimitives.ReadUInt32BigEndian(walker.Value); break;
            }
        }

        parameter = new DeregistrationResult(context, (M3uaDeregistrationStatus)status);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        int position = 0;
        M3uaTlv.WriteWord(destination, ref position, M3uaParameterTag.RoutingContext, RoutingContext);
        M3uaTlv.WriteWord(destination, ref position, M3uaParameterTag.DeregistrationStatus, (uint)Status);
        return position;
    }
}
