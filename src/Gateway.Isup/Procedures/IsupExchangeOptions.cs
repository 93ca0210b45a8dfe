namespace Gateway.Isup;

/// <summary>
/// What the ISUP procedures of this signalling point need to know: our point code, the circuit groups, the timers and
/// the few policy choices Q.764 leaves open. The daemon maps its configuration to this record.
/// </summary>
/// <param name="Opc">Our signalling point code (14 bits); with each DPC it decides which circuits we control in dual seizure.</param>
/// <param name="CircuitGroups">One group per destination point code.</param>
public sealed record IsupExchangeOptions(int Opc, IReadOnlyList<CircuitGroupOptions> CircuitGroups)
{
    /// <summary>The highest 14-bit point code (Q.704 §2.2.2).</summary>
    public const int MaxPointCode = 16383;

    /// <summary>Timer durations. Default: <see cref="IsupTimerSettings.Default"/>.</summary>
    public IsupTimerSettings Timers { get; init; } = IsupTimerSettings.Default;

    /// <summary>What to do with messages for CICs we do not have. Default: discard (UCIC is a national option).</summary>
    public UnequippedCicPolicy UnequippedCic { get; init; } = UnequippedCicPolicy.Discard;

    /// <summary>
    /// How many times an outgoing call that lost its circuit before any backward message (dual seizure, reset, blocking,
    /// UCIC) is re-sent on another circuit before call control is told it failed. Default 1; 0 turns repeat attempts off.
    /// </summary>
    public int MaxRepeatAttempts { get; init; } = 1;

    /// <summary>The location in the causes the procedures generate (T7, T9, cause 97 ...). Default: LN, public network serving the local user.</summary>
    public CauseLocation CauseLocation { get; init; } = CauseLocation.PublicNetworkLocalUser;

    /// <summary>Every problem with these options; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Opc is < 0 or > MaxPointCode)
        {
            errors.Add($"OPC {Opc} is not a 14-bit point code.");
        }

        if (MaxRepeatAttempts < 0)
        {
            errors.Add($"MaxRepeatAttempts must not be negative; it is {MaxRepeatAttempts}.");
        }

        errors.AddRange(Timers.Validate());
        var dpcs = new HashSet<int>();
        foreach (CircuitGroupOptions group in CircuitGroups)
        {
            if (group.Dpc is < 0 or > MaxPointCode)
            {
                errors.Add($"DPC {group.Dpc} is not a 14-bit point code.");
            }
            else if (group.Dpc == Opc)
            {
                errors.Add($"DPC {group.Dpc} is our own point code: dual seizure control needs two different point codes.");
            }

            if (!dpcs.Add(group.Dpc))
            {
                errors.Add($"DPC {group.Dpc} has more than one circuit group.");
            }

            if (group.Cics.Count == 0)
            {
                errors.Add($"The circuit group of DPC {group.Dpc} has no circuits.");
            }

            var cics = new HashSet<int>();
            foreach (CircuitCodeRange range in group.Cics)
            {
                if (range.First < 0 || range.Last > CircuitCodeRange.MaxCic || range.First > range.Last)
                {
                    errors.Add($"CIC range {range} of DPC {group.Dpc} is not within 0-{CircuitCodeRange.MaxCic}.");
                    continue;
                }

                for (int cic = range.First; cic <= range.Last; cic++)
                {
                    if (!cics.Add(cic))
                    {
                        errors.Add($"CIC {cic} of DPC {group.Dpc} is in more than one range.");
                        break;
                    }
                }
            }
        }

        return errors;
    }
}
