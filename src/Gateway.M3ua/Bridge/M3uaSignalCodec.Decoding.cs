using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Gateway.M3ua;

public static partial class M3uaSignalCodec
{
    /// <summary>
    /// Reads <paramref name="message"/>, exactly one M3UA message, into the signal the management takes. Lists and
    /// heartbeat data are copied, so <paramref name="signal"/> outlives the input. On failure the signal is default and
    /// the result carries the Error Code to answer with (none for DATA).
    /// </summary>
    public static M3uaSignalResult TryDecode(ReadOnlySpan<byte> message, out M3uaSignal signal)
    {
        signal = default;
        var reader = new M3uaReader(message);
        if (reader.Error != M3uaError.None)
        {
            return new M3uaSignalResult(M3uaSignalError.Malformed, reader.Error, reader.ErrorCode, reader.ErrorOffset, reader.ErrorParameter);
        }

        M3uaMessageType messageType = reader.MessageType;
        if (messageType == M3uaMessageType.Data)
        {
            return new M3uaSignalResult(M3uaSignalError.NotASignal);
        }

        uint[]? contexts = null;
        PointCodeRange[]? affected = null;
        byte[]? heartbeat = null;
        RoutingKeyRequest[]? keys = null;
        RegistrationOutcome[]? outcomes = null;
        int keyCount = 0;
        int outcomeCount = 0;
        TrafficMode mode = TrafficMode.None;
        uint? aspIdentifier = null;
        uint? networkAppearance = null;
        NtfyStatus status = NtfyStatus.None;
        M3uaErrorCode errorCode = M3uaErrorCode.None;
        int? concerned = null;
        byte? congestion = null;
        ushort user = 0;
        UnavailabilityCause cause = UnavailabilityCause.Unknown;
        string? info = null;

        // The reader checked every known parameter's length and place against the message's format, so each value
        // read here has the size its tag demands; only group contents can still fall short of what a signal needs.
        while (reader.Read())
        {
            ReadOnlySpan<byte> value = reader.Value;
            switch (reader.Tag)
            {
                case M3uaParameterTag.RoutingContext:
                    contexts = ReadWords(value);
                    break;
                case M3uaParameterTag.TrafficModeType:
                    mode = (TrafficMode)BinaryPrimitives.ReadUInt32BigEndian(value);
                    break;
                case M3uaParameterTag.AspIdentifier:
                    aspIdentifier = BinaryPrimitives.ReadUInt32BigEndian(value);
                    break;
                case M3uaParameterTag.NetworkAppearance:
                    networkAppearance = BinaryPrimitives.ReadUInt32BigEndian(value);
                    break;
                case M3uaParameterTag.Status:
                    status = (NtfyStatus)BinaryPrimitives.ReadUInt32BigEndian(value);
                    break;
                case M3uaParameterTag.ErrorCode:
                    errorCode = (M3uaErrorCode)BinaryPrimitives.ReadUInt32BigEndian(value);
                    break;
                case M3uaParameterTag.HeartbeatData:
                    heartbeat = value.ToArray();
                    break;
                case M3uaParameterTag.AffectedPointCode:
                    affected = ReadPointCodes(value);
                    break;
                case M3uaParameterTag.ConcernedDestination:
                    concerned = (int)(BinaryPrimitives.ReadUInt32BigEndian(value) & M3uaPointCode.MaxPointCode);
                    break;
                case M3uaParameterTag.CongestionIndications:
                    congestion = value[3];
                    break;
                case M3uaParameterTag.UserCause:
                    cause = (UnavailabilityCause)BinaryPrimitives.ReadUInt16BigEndian(value);
                    user = BinaryPrimitives.ReadUInt16BigEndian(value[2..]);
                    break;
                case M3uaParameterTag.InfoString:
                    if (InfoString.TryParse(value, out InfoString text))
                    {
                        info = text.Text;
                    }

                    break;
                case M3uaParameterTag.RoutingKey:
                    if (!TryReadRoutingKey(value, out RoutingKeyRequest? key))
                    {
                        return Unusable(in reader);
                    }

                    Append(ref keys, ref keyCount, key);
                    break;
                case M3uaParameterTag.RegistrationResult:
                    if (!RegistrationResult.TryParse(value, out RegistrationResult result))
                    {
                        return Unusable(in reader);
                    }

                    Append(ref outcomes, ref outcomeCount, new RegistrationOutcome(result.LocalRoutingKeyIdentifier, (M3uaRegistrationStatus)(uint)result.Status, result.RoutingContext));
                    break;
            }
        }

        signal = new M3uaSignal
        {
            Type = messageType,
            RoutingContexts = contexts,
            TrafficMode = mode,
            AspIdentifier = aspIdentifier,
            NetworkAppearance = networkAppearance,
            Status = status,
            ErrorCode = errorCode,
            HeartbeatData = heartbeat,
            AffectedPointCodes = affected,
            ConcernedDestination = concerned,
            CongestionLevel = congestion,
            User = user,
            Cause = cause,
            RoutingKeys = keys is null ? default : keys.AsMemory(0, keyCount),
            RegistrationResults = outcomes is null ? default : outcomes.AsMemory(0, outcomeCount),
            Info = info,
        };
        return M3uaSignalResult.Success;
    }

    private static M3uaSignalResult Unusable(in M3uaReader reader) =>
        new(M3uaSignalError.InvalidParameter, M3uaError.None, M3uaErrorCode.ParameterFieldError, reader.Offset, reader.Tag);

    private static uint[] ReadWords(ReadOnlySpan<byte> value)
    {
        var words = new uint[value.Length / 4];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32BigEndian(value[(i * 4)..]);
        }

        return words;
    }

    private static PointCodeRange[] ReadPointCodes(ReadOnlySpan<byte> value)
    {
        var ranges = new PointCodeRange[value.Length / 4];
        for (int i = 0; i < ranges.Length; i++)
        {
            ranges[i] = PointCodeRange.FromWireValue(BinaryPrimitives.ReadUInt32BigEndian(value[(i * 4)..]));
        }

        return ranges;
    }

    // A Routing Key as the signal holds one: its first destination (an ISUP ASP registers its own point code); further
    // destinations and OPC lists have no field in RoutingKeyRequest, and the machines answer every REG REQ anyway.
    private static bool TryReadRoutingKey(ReadOnlySpan<byte> value, [NotNullWhen(true)] out RoutingKeyRequest? request)
    {
        request = null;
        if (!RoutingKey.TryParse(value, out RoutingKey key) || key.Destinations.Count == 0)
        {
            return false;
        }

        RoutingKeyDestination first = key.Destinations[0];
        var indicators = new byte[first.ServiceIndicators.Count];
        for (int i = 0; i < indicators.Length; i++)
        {
            indicators[i] = first.ServiceIndicators[i];
        }

        request = new RoutingKeyRequest(
            key.LocalRoutingKeyIdentifier,
            (int)first.DestinationPointCode.PointCode,
            indicators,
            key.TrafficMode is { } mode ? (TrafficMode)(uint)mode : TrafficMode.None,
            key.RoutingContext,
            first.NetworkAppearance);
        return true;
    }

    private static void Append<T>(ref T[]? items, ref int count, T item)
    {
        if (items is null)
        {
            items = new T[4];
        }
        else if (count == items.Length)
        {
            Array.Resize(ref items, count * 2);
        }

        items[count++] = item;
    }
}
