namespace Gateway.Isup;

/// <summary>The continuity check indicator of the nature of connection indicators (Q.763 §3.35 b), 2 bits.</summary>
public enum ContinuityCheck : byte
{
    /// <summary>Continuity check not required.</summary>
    NotRequired = 0,

    /// <summary>Continuity check required on this circuit.</summary>
    Required = 1,

    /// <summary>Continuity check performed on a previous circuit.</summary>
    PerformedOnPreviousCircuit = 2,

    /// <summary>Spare.</summary>
    Spare = 3,
}
