namespace Gateway.Isup;

/// <summary>The called party's category indicator of the backward call indicators (Q.763 §3.5 c), 2 bits.</summary>
public enum CalledPartyCategory : byte
{
    /// <summary>No indication.</summary>
    NoIndication = 0,

    /// <summary>Ordinary subscriber.</summary>
    OrdinarySubscriber = 1,

    /// <summary>Payphone.</summary>
    Payphone = 2,

    /// <summary>Spare.</summary>
    Spare = 3,
}
