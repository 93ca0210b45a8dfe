using Gateway.Configuration;
using Gateway.Isup;

namespace Gateway.IsupSetup;

/// <summary>
/// Turns the validated <c>isup</c> section into the options of the Q.764 procedures. The file describes circuits as
/// operators write them — named groups, each a list of CIC spans with some CICs marked unequipped, possibly several
/// groups toward one DPC (one per route or per E1) — while the procedures hold one group per DPC with the CICs that
/// are equipped. This is the only place the two meet, so neither has to know the other's shape.
/// </summary>
/// <remarks>
/// The network indicator is not an option of the procedures: it belongs in the MTP3 routing label, which the M3UA
/// side writes, and stays in <see cref="IsupOptions.NetworkIndicator"/>. The association of each group likewise.
/// </remarks>
public static class IsupExchangeOptionsFactory
{
    /// <summary>
    /// The procedures' options for <paramref name="isup"/>: our OPC, one circuit group per DPC (in the order the DPCs
    /// first appear), the timers and the policies. The configuration reader has checked everything the procedures
    /// check (<see cref="IsupExchangeOptions.Validate"/>), so the result of a configuration it accepted is valid.
    /// </summary>
    public static IsupExchangeOptions Create(IsupOptions isup)
    {
        ArgumentNullException.ThrowIfNull(isup);
        return new IsupExchangeOptions(isup.Opc, CircuitGroups(isup.CircuitGroups))
        {
            Timers = isup.Timers,
            UnequippedCic = isup.UnequippedCicPolicy,
            MaxRepeatAttempts = isup.MaxRepeatAttempts,
            CauseLocation = isup.CauseLocation,
        };
    }

    /// <summary>
    /// One <see cref="CircuitGroupOptions"/> per DPC. Groups toward the same DPC are merged; the reader has made them
    /// agree on the selection and the glare preference, so the first group's choice is everyone's.
    /// </summary>
    public static IReadOnlyList<CircuitGroupOptions> CircuitGroups(IReadOnlyList<CircuitGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var dpcs = new List<int>();
        var byDpc = new Dictionary<int, List<CircuitGroup>>();
        foreach (var group in groups)
        {
            if (!byDpc.TryGetValue(group.Dpc, out var list))
            {
                byDpc.Add(group.Dpc, list = []);
                dpcs.Add(group.Dpc);
            }
            list.Add(group);
        }

        var result = new List<CircuitGroupOptions>(dpcs.Count);
        foreach (int dpc in dpcs)
        {
            var members = byDpc[dpc];
            result.Add(new CircuitGroupOptions(dpc, EquippedCics(members))
            {
                Selection = members[0].Selection,
                PreferControlledCircuits = members[0].PreferControlledCircuits,
            });
        }
        return result;
    }

    /// <summary>
    /// The CICs of <paramref name="groups"/> less their unequipped ones, as ascending ranges with adjacent ones joined
    /// ("1-15" and "16-31" are one "1-31"): the procedures see equipped circuits, not how the file listed them.
    /// </summary>
    public static IReadOnlyList<CircuitCodeRange> EquippedCics(IEnumerable<CircuitGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);

        // One flag per possible CIC (4096): simpler than range arithmetic and small enough to allocate per DPC once.
        var equipped = new bool[CircuitCodeRange.MaxCic + 1];
        var members = groups as IReadOnlyCollection<CircuitGroup> ?? [.. groups];
        foreach (var group in members)
        {
            foreach (var range in group.Cics) Mark(equipped, range, true);
        }
        foreach (var group in members)
        {
            foreach (var range in group.UnequippedCics) Mark(equipped, range, false);
        }

        var ranges = new List<CircuitCodeRange>();
        int cic = 0;
        while (cic < equipped.Length)
        {
            if (!equipped[cic])
            {
                cic++;
                continue;
            }
            int first = cic;
            while (cic < equipped.Length && equipped[cic]) cic++;
            ranges.Add(new CircuitCodeRange(first, cic - 1));
        }
        return ranges;
    }

    private static void Mark(bool[] equipped, CicRange range, bool value)
    {
        for (int cic = range.First; cic <= range.Last; cic++) equipped[cic] = value;
    }
}
