namespace Gateway.M3ua;

/// <summary>Status Information for <see cref="M3uaStatusType.Other"/> (RFC 4666 §3.8.2).</summary>
public enum M3uaOtherStatus : ushort
{
    /// <summary>Fewer ASPs are active in the AS than its n+k redundancy needs.</summary>
    InsufficientAspResources = 1,

    /// <summary>Another ASP became active in override mode: this one no longer carries the traffic.</summary>
    AlternateAspActive = 2,

    /// <summary>An ASP of the AS failed.</summary>
    AspFailure = 3,
}
