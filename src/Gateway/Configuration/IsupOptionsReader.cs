using System.Globalization;
using Gateway.Isup;

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
        var groups = s.Array("circuitGroups", ReadCircuitGroup);
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
        CheckSameChoicesPerDpc(s, groups);
        foreach (var g in groups)
        {
            if (g.Dpc == opc)
            {
                s.Error("opc", $"{opc} is also the DPC of circuit group \"{g.Name}\"; a circuit joins two different signalling points");
                break;
            }
        }

        var timers = ReadTimers(s.SectionOrEmpty("timers"));

        // The record states each default once; an absent key takes it.
        var defaults = new IsupOptions(0, NetworkIndicator.International, []);
        var unequippedCicPolicy = s.Choice("unequippedCicPolicy", defaults.UnequippedCicPolicy, UnequippedCicPolicies);
        int maxRepeatAttempts = s.Int("maxRepeatAttempts", defaults.MaxRepeatAttempts, 0, IsupOptions.MaxMaxRepeatAttempts);
        var causeLocation = s.Choice("causeLocation", defaults.CauseLocation, CauseLocations);
        int routeUnavailableCause = s.Int("routeUnavailableCause", defaults.RouteUnavailableCause, 34, 38);
        if (routeUnavailableCause is not (34 or 38)) s.Error("routeUnavailableCause", $"must be 34 (no circuit available) or 38 (network out of order), not {routeUnavailableCause}");
        int holdSeconds = s.Int("holdAnsweredCallsSeconds", (int)defaults.HoldAnsweredCalls.TotalSeconds, 0, 86400);
        return new IsupOptions(opc, indicator, groups)
        {
            Timers = timers,
            UnequippedCicPolicy = unequippedCicPolicy,
            MaxRepeatAttempts = maxRepeatAttempts,
            CauseLocation = causeLocation,
            RouteUnavailableCause = (byte)routeUnavailableCause,
            HoldAnsweredCalls = TimeSpan.FromSeconds(holdSeconds),
        };
    }

    private static readonly (string, UnequippedCicPolicy)[] UnequippedCicPolicies =
        [("discard", UnequippedCicPolicy.Discard), ("send-ucic", UnequippedCicPolicy.SendUcic)];

    // Q.850's locations, spelt out: the abbreviations (LN, TN, ...) are too terse to review in a file.
    private static readonly (string, CauseLocation)[] CauseLocations =
    [
        ("user", CauseLocation.User),
        ("private-network-local-user", CauseLocation.PrivateNetworkLocalUser),
        ("public-network-local-user", CauseLocation.PublicNetworkLocalUser),
        ("transit-network", CauseLocation.TransitNetwork),
        ("public-network-remote-user", CauseLocation.PublicNetworkRemoteUser),
        ("private-network-remote-user", CauseLocation.PrivateNetworkRemoteUser),
        ("international-network", CauseLocation.InternationalNetwork),
        ("beyond-interworking-point", CauseLocation.BeyondInterworkingPoint),
    ];

    /// <summary>
    /// Reads <c>isup.timers</c>: each timer the procedures run as <c>tNSeconds</c>, within its
    /// <see cref="IsupTimerLimit"/>; an absent key keeps <see cref="IsupTimerSettings.Default"/>'s value.
    /// </summary>
    private static IsupTimerSettings ReadTimers(JsonSection t)
    {
        var settings = IsupTimerSettings.Default;
        foreach (var limit in IsupTimerLimit.All)
        {
            if (t.WholeNumber(limit.Key, "a whole number of seconds") is not long seconds) continue;
            if (limit.Allows(seconds)) settings = WithDuration(settings, limit.Timer, TimeSpan.FromSeconds(seconds));
            else t.Error(limit.Key, limit.Refusal(seconds));
        }
        t.RejectUnknownKeys(TimerKeyHint);
        return settings;
    }

    /// <summary>
    /// Why a key of <c>isup.timers</c> is unknown, when it names a timer: the unit left out (<c>t7</c>, <c>t7Ms</c>),
    /// or a Q.764 timer of a procedure the gateway does not run (T8 of the continuity check, ...).
    /// </summary>
    private static string? TimerKeyHint(string key)
    {
        int digits = 0;
        while (key.Length > 1 + digits && char.IsAsciiDigit(key[1 + digits])) digits++;
        if (key.Length < 2 || key[0] is not ('t' or 'T') || digits == 0) return null;
        if (!int.TryParse(key.AsSpan(1, digits), NumberStyles.None, CultureInfo.InvariantCulture, out int number)) return null;
        foreach (var limit in IsupTimerLimit.All)
        {
            if (limit.Number == number) return $"ISUP timers are whole seconds, written {limit.Key}";
        }
        var run = new List<string>(IsupTimerLimit.All.Count);
        foreach (var limit in IsupTimerLimit.All) run.Add(limit.Timer.ToString());
        return $"the ISUP procedures do not run T{number} (they run {string.Join(", ", run)})";
    }

    private static IsupTimerSettings WithDuration(IsupTimerSettings s, IsupTimer timer, TimeSpan d) => timer switch
    {
        IsupTimer.T1 => s with { T1 = d },
        IsupTimer.T2 => s with { T2 = d },
        IsupTimer.T4 => s with { T4 = d },
        IsupTimer.T5 => s with { T5 = d },
        IsupTimer.T6 => s with { T6 = d },
        IsupTimer.T7 => s with { T7 = d },
        IsupTimer.T9 => s with { T9 = d },
        IsupTimer.T11 => s with { T11 = d },
        IsupTimer.T12 => s with { T12 = d },
        IsupTimer.T13 => s with { T13 = d },
        IsupTimer.T14 => s with { T14 = d },
        IsupTimer.T15 => s with { T15 = d },
        IsupTimer.T16 => s with { T16 = d },
        IsupTimer.T17 => s with { T17 = d },
        IsupTimer.T18 => s with { T18 = d },
        IsupTimer.T19 => s with { T19 = d },
        IsupTimer.T20 => s with { T20 = d },
        IsupTimer.T21 => s with { T21 = d },
        IsupTimer.T22 => s with { T22 = d },
        IsupTimer.T23 => s with { T23 = d },
        IsupTimer.T33 => s with { T33 = d },
        _ => throw new ArgumentOutOfRangeException(nameof(timer), timer, "Not a timer of the procedures."),
    };

    private static readonly (string, CircuitSelection)[] Selections =
    [
        ("ascending", CircuitSelection.Ascending), ("descending", CircuitSelection.Descending),
        ("round-robin", CircuitSelection.RoundRobin), ("least-recently-used", CircuitSelection.LeastRecentlyUsed),
    ];

    private static readonly (string, RouteMode)[] RouteModes = [("failover", RouteMode.Failover), ("loadshare", RouteMode.Loadshare)];

    // One association is the common case and reads best as a word; backups make it a list in order of preference.
    private static IReadOnlyList<string> Associations(JsonSection g)
    {
        if (g.Has("association") && g.Has("associations"))
        {
            g.Error("associations", "give either association (one) or associations (a list), not both");
        }
        if (!g.Has("associations")) return [g.String("association", "", required: true)!];

        var names = g.StringList("associations", required: true);
        if (names.Count == 0) g.Error("associations", "must name at least one association");
        for (int i = 0; i < names.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (names[i] == names[j]) g.Error($"associations[{i}]", $"\"{names[i]}\" is listed twice");
            }
        }
        return names;
    }

    private static CircuitGroup ReadCircuitGroup(JsonSection g)
    {
        string name = GatewayConfigurationReader.NameOf(g);
        int dpc = g.Int("dpc", 0, 0, IsupOptions.MaxPointCode, required: true);
        var associations = Associations(g);
        var (cics, cicWords) = CicRanges(g, "cics", required: true);
        if (g.Has("cics") && cicWords == 0) g.Error("cics", "must list at least one CIC range");
        var defaults = new CircuitGroup("", 0, [], []); // the record states each default once
        var routeMode = g.Choice("routeMode", defaults.RouteMode, RouteModes);
        var selection = g.Choice("selection", defaults.Selection, Selections);
        bool preferControlled = g.Bool("preferControlledCircuits", defaults.PreferControlledCircuits);
        var (unequipped, _) = CicRanges(g, "unequippedCics", required: false);
        var ranges = Ranges(cics);
        CheckUnequipped(g, ranges, unequipped);
        return new CircuitGroup(name, dpc, associations, ranges)
        {
            RouteMode = routeMode,
            Selection = selection,
            PreferControlledCircuits = preferControlled,
            UnequippedCics = Ranges(unequipped),
        };
    }

    /// <summary>
    /// Reads a list of <c>"1-31"</c> / <c>"5"</c> ranges, each with its index in the list as written so that later
    /// checks name the entry to fix; a word that is not a range is reported and left out.
    /// </summary>
    private static (List<(int Index, CicRange Range)> Ranges, int Words) CicRanges(JsonSection g, string key, bool required)
    {
        var words = g.StringList(key, required);
        var ranges = new List<(int, CicRange)>(words.Count);
        for (int i = 0; i < words.Count; i++)
        {
            if (CicRange.TryParse(words[i], out var range)) ranges.Add((i, range));
            else g.Error($"{key}[{i}]", $"must be a CIC or an ascending range such as \"1-31\" within 0-{CicRange.MaxCic}, not \"{words[i]}\"");
        }
        return (ranges, words.Count);
    }

    private static List<CicRange> Ranges(List<(int Index, CicRange Range)> indexed) => indexed.ConvertAll(r => r.Range);

    /// <summary>
    /// Unequipped CICs must be CICs of the group: one outside it is unequipped already, so listing it is a typo (or
    /// the wrong group). No CIC twice, and at least one CIC left equipped, or the group could carry no call.
    /// </summary>
    private static void CheckUnequipped(JsonSection g, IReadOnlyList<CicRange> cics, List<(int Index, CicRange Range)> unequipped)
    {
        bool valid = true;
        for (int i = 0; i < unequipped.Count; i++)
        {
            var (index, range) = unequipped[i];
            for (int cic = range.First; cic <= range.Last; cic++)
            {
                if (!Contains(cics, cic))
                {
                    g.Error($"unequippedCics[{index}]", $"CICs {range} must lie within cics; CIC {cic} is not in them");
                    valid = false;
                    break;
                }
            }
            for (int j = 0; j < i; j++)
            {
                if (range.Overlaps(unequipped[j].Range))
                {
                    g.Error($"unequippedCics[{index}]", $"CICs {range} overlap CICs {unequipped[j].Range} of unequippedCics[{unequipped[j].Index}]");
                    valid = false;
                }
            }
        }

        // Only when every range is within cics and none repeats does the subtraction count the equipped CICs.
        if (!valid || unequipped.Count == 0 || cics.Count == 0) return;
        int equipped = 0;
        foreach (var range in cics) equipped += range.Count;
        foreach (var (_, range) in unequipped) equipped -= range.Count;
        if (equipped <= 0) g.Error("unequippedCics", "leaves no CIC of the group equipped; a group must be able to carry a call");
    }

    private static bool Contains(IReadOnlyList<CicRange> ranges, int cic)
    {
        foreach (var range in ranges)
        {
            if (range.Contains(cic)) return true;
        }
        return false;
    }

    /// <summary>
    /// The procedures hold one circuit group per DPC, so groups of this file toward the same DPC become one there;
    /// they must then choose circuits the same way, or one group's choice would silently win.
    /// </summary>
    private static void CheckSameChoicesPerDpc(JsonSection s, IReadOnlyList<CircuitGroup> groups)
    {
        for (int i = 0; i < groups.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (groups[i].Dpc != groups[j].Dpc) continue;
                if (groups[i].Selection != groups[j].Selection)
                {
                    s.Error($"circuitGroups[{i}].selection",
                        $"is {Word(Selections, groups[i].Selection)}, but circuitGroups[{j}] toward the same DPC {groups[i].Dpc} uses {Word(Selections, groups[j].Selection)}; " +
                        "circuits are selected per DPC, so its groups must agree");
                }
                if (!groups[i].Associations.SequenceEqual(groups[j].Associations) || groups[i].RouteMode != groups[j].RouteMode)
                {
                    s.Error($"circuitGroups[{i}].associations",
                        $"differ from circuitGroups[{j}] toward the same DPC {groups[i].Dpc} (associations or routeMode); " +
                        "the route to a DPC is one, so its groups must name the same associations the same way");
                }
                if (groups[i].PreferControlledCircuits != groups[j].PreferControlledCircuits)
                {
                    s.Error($"circuitGroups[{i}].preferControlledCircuits",
                        $"is {(groups[i].PreferControlledCircuits ? "true" : "false")}, but circuitGroups[{j}] toward the same DPC {groups[i].Dpc} has {(groups[j].PreferControlledCircuits ? "true" : "false")}; " +
                        "circuits are selected per DPC, so its groups must agree");
                }
                break;
            }
        }
    }

    private static string Word<T>(IReadOnlyList<(string Word, T Value)> choices, T value)
    {
        foreach (var (word, v) in choices)
        {
            if (EqualityComparer<T>.Default.Equals(v, value)) return word;
        }
        return value?.ToString() ?? "";
    }
}
