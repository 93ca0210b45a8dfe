namespace Gateway.Isup;

/// <summary>The address presentation restricted indicator (Q.763 §3.10 e), 2 bits.</summary>
public enum AddressPresentation : byte
{
    /// <summary>Presentation allowed.</summary>
    Allowed = 0,

    /// <summary>Presentation restricted.</summary>
    Restricted = 1,

    /// <summary>Address not available (national use): the number carries no address signals.</summary>
    AddressNotAvailable = 2,

    /// <summary>Reserved for restriction by the network.</summary>
    Reserved = 3,
}
