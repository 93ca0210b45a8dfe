using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// Registration Result (RFC 4666 §3.6.2, tag 0x0208), in REG RSP: one per Routing Key asked for — its
/// Local-RK-Identifier, the outcome, and the Routing Context assigned (0 when registration failed).
/// </summary>
/// <param name="LocalRoutingKeyIdentifier">The requester's handle, from the Routing Key.</param>
/// <param name="Status">The outcome.</param>
/// <param name="RoutingContext">The Routing Context the key now has.</param>
public readonly record struct RegistrationResult(uint LocalRoutingKeyIdentifier, M3uaRegistrationStatus Status, uint RoutingContext) : IM3uaParameter<RegistrationResult>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.RegistrationResult;

    /// <inheritdoc/>
    public int EncodedLength => 3 * M3uaTlv.PaddedLength(4);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out RegistrationResult parameter)
    {
        parameter = default;
        if (M3uaParameterRules.Check(Tag, value) != M3uaError.None)
        {
            return false;
        }

        uint local = 0, status = 0, context = 0;
        var walker = new M3uaParameterReader(value);
        while (walker.Read())
        {
            switch (walker.Tag)
            {
                case M3uaParameterTag.LocalRoutingKeyIdentifier: local = BinaryPrimitives.ReadUInt32BigEndian(walker.Value); break;
                case M3uaParameterTag.RegistrationStatus: status = BinaryPrimitives.ReadUInt32BigEndian(walker.Value); break;
                case M3uaParameterTag.RoutingContext: context = BinaryPrimitives.ReadUInt32BigEndian(walker.Value); break;
            }
        }

        parameter = new RegistrationResult(local, (M3uaRegistrationStatus)status, context);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        int position = 0;
        M3uaTlv.WriteWord(destination, ref position, M3uaParameterTag.LocalRoutingKeyIdentifier, LocalRoutingKeyIdentifier);
        M3uaTlv.WriteWord(destination, ref position, M3uaParameterTag.RegistrationStatus, (uint)Status);
        M3uaTlv.WriteWord(destination, ref position, M3uaParameterTag.RoutingContext, RoutingContext);
        return position;
    }
}
