namespace Gateway.Isup;

/// <summary>Which end sent the IAM.</summary>
public enum IsupCallDirection
{
    /// <summary>We sent the IAM (a call toward the PSTN).</summary>
    Outgoing,

    /// <summary>The peer sent the IAM (a call from the PSTN).</summary>
    Incoming,
}
