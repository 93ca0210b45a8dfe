namespace Gateway.Configuration;

public sealed record IsupOptions(int Opc, NetworkIndicator NetworkIndicator, IReadOnlyList<CircuitGroup> CircuitGroups)
{
    /// <summary>ITU-T Q.704 §2.2.2: the point code is 14 bits.</summary>
    public const int MaxPointCode = 16383;
}
