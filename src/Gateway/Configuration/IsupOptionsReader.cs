namespace Gateway.Configuration;

/// <summary>
/// Reads the <c>isup</c> section: our point code, the circuit groups and the options of the Q.764 procedures. Apart
/// from the rest of the reader because it is the largest section and the one that follows the ISUP library.
/// </summary>
internal static class IsupOptionsReader
{
    private static readonly (string, NetworkIndicator)[] NetworkIndicators =
    [
        ("international", NetworkIndicator.International), ("international-spare", NetworkIndicator.InternationalSpare),
        ("national", NetworkIndicator.National), ("national-spare", NetworkIndicator.NationalSpare),
    ];

    public static IsupOptions Read(JsonSection s)
    {
        int opc = s.Int("opc", 0, 0, IsupOptions.MaxPointCode, required: true);
        var indicator = s.Choice("networkIndicator", NetworkIndicator.International, NetworkIndicators);
        var groups = s.Array("circuitGroups", g =>
        {
            string name = GatewayConfigurationReader.NameOf(g);
            int dpc = g.Int("dpc", 0, 0, IsupOptions.MaxPointCode, required: true);
            string association = g.String("association", "", required: true)!;
            var words = g.StringList("cics", required: true);
            var ranges = new List<CicRange>(words.Count);
            for (int i = 0; i < words.Count; i++)
            {
                if (CicRange.TryParse(words[i], out var range)) ranges.Add(range);
                else g.Error($"cics[{i}]", $"must be a CIC or an ascending range such as \"1-31\" within 0-{CicRange.MaxCic}, not \"{words[i]}\"");
            }
            if (g.Has("cics") && words.Count == 0) g.Error("cics", "must list at least one CIC range");
            return new CircuitGroup(name, dpc, association, ranges);
        });
        GatewayConfigurationReader.CheckUniqueNames(s, "circuitGroups", groups, g => g.Name);

        // A CIC identifies a circuit only together with its DPC (Q.763 §1.2), so overlaps matter per DPC.
        for (int i = 0; i < groups.Count; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                if (groups[i].Dpc != groups[j].Dpc) continue;
                var (a, b) = (groups[i].Cics, groups[j].Cics);
                for (int x = 0; x < a.Count; x++)
                {
                    for (int y = 0; y < (i == j ? x : b.Count); y++)
                    {
                        if (a[x].Overlaps(b[y]))
                        {
                            s.Error($"circuitGroups[{i}].cics[{x}]",
                                $"CICs {a[x]} overlap CICs {b[y]} of circuitGroups[{j}] toward the same DPC {groups[i].Dpc}");
                        }
                    }
                }
            }
        }
        foreach (var g in groups)
        {
            if (g.Dpc == opc)
            {
                s.Error("opc", $"{opc} is also the DPC of circuit group \"{g.Name}\"; a circuit joins two different signalling points");
                break;
            }
        }
        return new IsupOptions(opc, indicator, groups);
    }
}
