namespace Gateway.Configuration;

/// <summary>Circuits toward one destination point code, reached over one M3UA association.</summary>
public sealed record CircuitGroup(string Name, int Dpc, string Association, IReadOnlyList<CicRange> Cics);
