namespace Gateway.Isup;

/// <summary>The called party's status indicator of the backward call indicators (Q.763 §3.5 b), 2 bits.</summary>
public enum CalledPartyStatus : byte
{
    /// <summary>No indication.</summary>
    NoIndication = 0,

    /// <summary>Subscriber free: the called party is being alerted (SIP 180).</summary>
    SubscriberFree = 1,

    /// <summary>Connect when free (national use).</summary>
    ConnectWhenFree = 2,

    /// <summary>Spare.</summary>
    Spare = 3,
}
