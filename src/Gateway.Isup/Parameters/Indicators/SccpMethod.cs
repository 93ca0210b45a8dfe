namespace Gateway.Isup;

/// <summary>The SCCP method indicator of the forward and backward call indicators (Q.763 §3.23 j), 2 bits.</summary>
public enum SccpMethod : byte
{
    /// <summary>No indication.</summary>
    NoIndication = 0,

    /// <summary>Connectionless method available (national use).</summary>
    Connectionless = 1,

    /// <summary>Connection oriented method available.</summary>
    ConnectionOriented = 2,

    /// <summary>Connectionless and connection oriented methods available (national use).</summary>
    Both = 3,
}
