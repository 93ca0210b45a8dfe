namespace Gateway.Isup;

/// <summary>What to do with a message for a CIC this exchange does not have (Q.764 §2.12).</summary>
public enum UnequippedCicPolicy
{
    /// <summary>Drop it (and report it): the international default, where UCIC is not used.</summary>
    Discard,

    /// <summary>Answer with UCIC (a national option), except to UCIC itself and to group messages.</summary>
    SendUcic,
}
