namespace Gateway.Isup;

/// <summary>The type indicator of the circuit group supervision message type (Q.763 §3.13), 2 bits.</summary>
public enum CircuitGroupSupervisionType : byte
{
    /// <summary>Maintenance oriented: blocked by an operator.</summary>
    MaintenanceOriented = 0,

    /// <summary>Hardware failure oriented: blocked because the equipment failed.</summary>
    HardwareFailureOriented = 1,

    /// <summary>Reserved for national use.</summary>
    NationalUse = 2,

    /// <summary>Spare.</summary>
    Spare = 3,
}
