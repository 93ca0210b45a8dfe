namespace Gateway.Isup;

/// <summary>
/// The screening indicator (Q.763 §3.10 f), 2 bits. For the calling party number values 0 and 2 are reserved;
/// the generic number uses all four.
/// </summary>
public enum ScreeningIndicator : byte
{
    /// <summary>User provided, not verified (reserved for the calling party number).</summary>
    UserProvidedNotVerified = 0,

    /// <summary>User provided, verified and passed.</summary>
    UserProvidedVerifiedAndPassed = 1,

    /// <summary>User provided, verified and failed (reserved for the calling party number).</summary>
    UserProvidedVerifiedAndFailed = 2,

    /// <summary>Network provided.</summary>
    NetworkProvided = 3,
}
