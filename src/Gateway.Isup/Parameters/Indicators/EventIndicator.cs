namespace Gateway.Isup;

/// <summary>The event indicator of the event information (Q.763 §3.21 a), 7 bits.</summary>
public enum EventIndicator : byte
{
    /// <summary>Spare.</summary>
    Spare = 0,

    /// <summary>Alerting (SIP 180).</summary>
    Alerting = 1,

    /// <summary>Progress (SIP 183).</summary>
    Progress = 2,

    /// <summary>In-band information or an appropriate pattern is now available (SIP 183 with early media).</summary>
    InBandInformationAvailable = 3,

    /// <summary>Call forwarded on busy (national use).</summary>
    ForwardedOnBusy = 4,

    /// <summary>Call forwarded on no reply (national use).</summary>
    ForwardedOnNoReply = 5,

    /// <summary>Call forwarded unconditional (national use).</summary>
    ForwardedUnconditional = 6,
}
