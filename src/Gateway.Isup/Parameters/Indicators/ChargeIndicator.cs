namespace Gateway.Isup;

/// <summary>The charge indicator of the backward call indicators (Q.763 §3.5 a), 2 bits.</summary>
public enum ChargeIndicator : byte
{
    /// <summary>No indication.</summary>
    NoIndication = 0,

    /// <summary>No charge.</summary>
    NoCharge = 1,

    /// <summary>Charge.</summary>
    Charge = 2,

    /// <summary>Spare.</summary>
    Spare = 3,
}
