namespace Gateway.Isup;

/// <summary>The redirecting indicator of the redirection information (Q.763 §3.45 a), 3 bits.</summary>
public enum RedirectingIndicator : byte
{
    /// <summary>No redirection (national use).</summary>
    NoRedirection = 0,

    /// <summary>Call rerouted (national use).</summary>
    Rerouted = 1,

    /// <summary>Call rerouted, all redirection information presentation restricted (national use).</summary>
    ReroutedAllRestricted = 2,

    /// <summary>Call diverted.</summary>
    Diverted = 3,

    /// <summary>Call diverted, all redirection information presentation restricted.</summary>
    DivertedAllRestricted = 4,

    /// <summary>Call rerouted, redirection number presentation restricted (national use).</summary>
    ReroutedNumberRestricted = 5,

    /// <summary>Call diversion, redirection number presentation restricted (national use).</summary>
    DivertedNumberRestricted = 6,
}
