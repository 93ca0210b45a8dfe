namespace Gateway.Isup;

/// <summary>Q.763's acronyms and names for message types, for logs, JSON and the CLI.</summary>
public static class IsupMessageNames
{
    /// <summary>The Q.763 acronym (IAM, REL...), or null for a code Q.763 does not assign.</summary>
    public static string? GetAcronym(IsupMessageType type) => Enum.IsDefined(type) ? type.ToString() : null;

    /// <summary>The Q.763 name of the message type, or "Unknown message type".</summary>
    public static string GetName(IsupMessageType type) => type switch
    {
        IsupMessageType.IAM => "Initial address",
        IsupMessageType.SAM => "Subsequent address",
        IsupMessageType.INR => "Information request",
        IsupMessageType.INF => "Information",
        IsupMessageType.COT => "Continuity",
        IsupMessageType.ACM => "Address complete",
        IsupMessageType.CON => "Connect",
        IsupMessageType.FOT => "Forward transfer",
        IsupMessageType.ANM => "Answer",
        IsupMessageType.REL => "Release",
        IsupMessageType.SUS => "Suspend",
        IsupMessageType.RES => "Resume",
        IsupMessageType.RLC => "Release complete",
        IsupMessageType.CCR => "Continuity check request",
        IsupMessageType.RSC => "Reset circuit",
        IsupMessageType.BLO => "Blocking",
        IsupMessageType.UBL => "Unblocking",
        IsupMessageType.BLA => "Blocking acknowledgement",
        IsupMessageType.UBA => "Unblocking acknowledgement",
        IsupMessageType.GRS => "Circuit group reset",
        IsupMessageType.CGB => "Circuit group blocking",
        IsupMessageType.CGU => "Circuit group unblocking",
        IsupMessageType.CGBA => "Circuit group blocking acknowledgement",
        IsupMessageType.CGUA => "Circuit group unblocking acknowledgement",
        IsupMessageType.FAR => "Facility request",
        IsupMessageType.FAA => "Facility accepted",
        IsupMessageType.FRJ => "Facility reject",
        IsupMessageType.LPA => "Loop back acknowledgement",
        IsupMessageType.PAM => "Pass-along",
        IsupMessageType.GRA => "Circuit group reset acknowledgement",
        IsupMessageType.CQM => "Circuit group query",
        IsupMessageType.CQR => "Circuit group query response",
        IsupMessageType.CPG => "Call progress",
        IsupMessageType.USR => "User-to-user information",
        IsupMessageType.UCIC => "Unequipped CIC",
        IsupMessageType.CFN => "Confusion",
        IsupMessageType.OLM => "Overload",
        IsupMessageType.CRG => "Charge information",
        IsupMessageType.NRM => "Network resource management",
        IsupMessageType.FAC => "Facility",
        IsupMessageType.UPT => "User part test",
        IsupMessageType.UPA => "User part available",
        IsupMessageType.IDR => "Identification request",
        IsupMessageType.IRS => "Identification response",
        IsupMessageType.SGM => "Segmentation",
        IsupMessageType.LOP => "Loop prevention",
        IsupMessageType.APM => "Application transport",
        IsupMessageType.PRI => "Pre-release information",
        IsupMessageType.SDN => "Subsequent directory number",
        _ => "Unknown message type",
    };
}
