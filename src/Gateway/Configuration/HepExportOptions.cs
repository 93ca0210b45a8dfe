using System.Net;

namespace Gateway.Configuration;

/// <summary>
/// A Homer capture server that gets a HEPv3 copy of every SIP and M3UA message (<c>trace.hep</c>): always on when
/// configured, unlike the operator's pcapng trace, because that is how Homer is used.
/// </summary>
/// <param name="CaptureId">The capture agent id Homer shows for this gateway.</param>
/// <param name="Password">HEP's authentication key, when the server wants one.</param>
public sealed record HepExportOptions(IPAddress Address, int Port, uint CaptureId, string? Password)
{
    /// <summary>HEP's registered port.</summary>
    public const int DefaultPort = 9060;

    public IPEndPoint EndPoint => new(Address, Port);
}
