namespace Gateway.Isup;

/// <summary>The circuit group supervision message type indicator of CGB, CGBA, CGU and CGUA (Q.763 §3.13, bits BA).</summary>
public enum CircuitGroupSupervisionType : byte
{
    /// <summary>00: maintenance oriented — blocks new calls only; calls in progress finish.</summary>
    Maintenance = 0,

    /// <summary>01: hardware failure oriented — calls on the circuits are released at once, without REL/RLC.</summary>
    HardwareFailure = 1,
}
