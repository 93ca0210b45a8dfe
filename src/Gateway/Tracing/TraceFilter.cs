using System.Text;
using Gateway.Wire;

namespace Gateway.Tracing;

/// <summary>
/// Which messages a trace keeps: those of any of the given SIP Call-IDs, ISUP CICs or point codes (as OPC or DPC). An
/// empty filter keeps everything, M3UA management included; a non-empty one keeps only SIP messages with a listed
/// Call-ID and M3UA DATA messages with a listed CIC or point code. Immutable, so one instance is shared by threads.
/// </summary>
public sealed class TraceFilter
{
    private readonly byte[][] _callIds;
    private readonly int[] _cics;
    private readonly uint[] _pointCodes;

    public TraceFilter(IEnumerable<string>? callIds = null, IEnumerable<int>? cics = null, IEnumerable<uint>? pointCodes = null)
    {
        CallIds = callIds is null ? [] : [.. callIds];
        Cics = cics is null ? [] : [.. cics];
        PointCodes = pointCodes is null ? [] : [.. pointCodes];
        foreach (int cic in Cics)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(cic, nameof(cics));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(cic, 0x0FFF, nameof(cics));
        }

        // Encoded once here so that matching compares bytes on the hot path, never builds a string.
        _callIds = new byte[CallIds.Count][];
        for (int i = 0; i < _callIds.Length; i++)
        {
            _callIds[i] = Encoding.UTF8.GetBytes(CallIds[i]);
        }

        _cics = [.. Cics];
        _pointCodes = [.. PointCodes];
    }

    /// <summary>Keeps everything.</summary>
    public static TraceFilter Empty { get; } = new();

    public IReadOnlyList<string> CallIds { get; }

    public IReadOnlyList<int> Cics { get; }

    public IReadOnlyList<uint> PointCodes { get; }

    public bool IsEmpty => _callIds.Length == 0 && _cics.Length == 0 && _pointCodes.Length == 0;

    /// <summary>Whether the trace keeps <paramref name="message"/>. Never throws, whatever the bytes.</summary>
    public bool Matches(in TracedMessage message) => Matches(message.Protocol, message.Bytes);

    /// <inheritdoc cref="Matches(in TracedMessage)"/>
    public bool Matches(TraceProtocol protocol, ReadOnlySpan<byte> bytes)
    {
        if (IsEmpty)
        {
            return true;
        }

        return protocol == TraceProtocol.Sip ? MatchesSip(bytes) : MatchesM3ua(bytes);
    }

    private bool MatchesSip(ReadOnlySpan<byte> bytes)
    {
        if (_callIds.Length == 0 || !SipCallIdReader.TryRead(bytes, out ReadOnlySpan<byte> callId))
        {
            return false;
        }

        foreach (byte[] wanted in _callIds)
        {
            if (callId.SequenceEqual(wanted))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesM3ua(ReadOnlySpan<byte> bytes)
    {
        if ((_cics.Length == 0 && _pointCodes.Length == 0) || !M3uaProtocolData.TryRead(bytes, out M3uaProtocolData data))
        {
            return false;
        }

        if (data.Cic >= 0 && _cics.AsSpan().Contains(data.Cic))
        {
            return true;
        }

        return _pointCodes.AsSpan().Contains((uint)data.Opc) || _pointCodes.AsSpan().Contains((uint)data.Dpc);
    }
}
