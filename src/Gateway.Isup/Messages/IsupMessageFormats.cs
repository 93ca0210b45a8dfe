using P = Gateway.Isup.IsupParameterCode;

namespace Gateway.Isup;

/// <summary>
/// Q.763's message formats (Tables 32–53, 1999 edition with its amendments), indexed by message type code. Types
/// without a row are decoded as an unparsed body: unknown types, and the two whose content is not a parameter list
/// (CRG, whose format is a national matter, and PAM, which wraps another message).
/// </summary>
public static class IsupMessageFormats
{
    private static readonly IsupMessageFormat?[] Formats = Build();

    /// <summary>The format of <paramref name="type"/>, or null when its body is kept unparsed.</summary>
    public static IsupMessageFormat? Get(IsupMessageType type) => Formats[(byte)type];

    /// <summary>As <see cref="Get"/>, for a raw code.</summary>
    public static bool TryGet(byte code, out IsupMessageFormat format)
    {
        format = Formats[code]!;
        return format is not null;
    }

    /// <summary>
    /// Whether the codec knows <paramref name="type"/>: it has a format, or its body is deliberately carried whole
    /// (CRG, PAM). Anything else is an unrecognised message in the sense of Q.764 §2.9.5.3.
    /// </summary>
    public static bool IsKnown(IsupMessageType type) => Formats[(byte)type] is not null || IsOpaque(type);

    /// <summary>Message types Q.763 defines whose content the codec carries as one unparsed body.</summary>
    public static bool IsOpaque(IsupMessageType type) => type is IsupMessageType.CRG or IsupMessageType.PAM;

    private static IsupMessageFormat?[] Build()
    {
        var formats = new IsupMessageFormat?[256];
        IsupFixedParameter[] none = [];
        IsupParameterCode[] noVariable = [];

        void Add(IsupMessageType type, IsupFixedParameter[] fixedPart, IsupParameterCode[] variablePart, bool optionalPart) =>
            formats[(byte)type] = new IsupMessageFormat(type, fixedPart, variablePart, optionalPart);

        static IsupFixedParameter F(IsupParameterCode code, byte length) => new(code, length);

        Add(IsupMessageType.IAM,
            [F(P.NatureOfConnectionIndicators, 1), F(P.ForwardCallIndicators, 2), F(P.CallingPartysCategory, 1), F(P.TransmissionMediumRequirement, 1)],
            [P.CalledPartyNumber], true);
        Add(IsupMessageType.SAM, none, [P.SubsequentNumber], true);
        Add(IsupMessageType.INR, [F(P.InformationRequestIndicators, 2)], noVariable, true);
        Add(IsupMessageType.INF, [F(P.InformationIndicators, 2)], noVariable, true);
        Add(IsupMessageType.COT, [F(P.ContinuityIndicators, 1)], noVariable, false);
        Add(IsupMessageType.ACM, [F(P.BackwardCallIndicators, 2)], noVariable, true);
        Add(IsupMessageType.CON, [F(P.BackwardCallIndicators, 2)], noVariable, true);
        Add(IsupMessageType.REL, none, [P.CauseIndicators], true);
        Add(IsupMessageType.SUS, [F(P.SuspendResumeIndicators, 1)], noVariable, true);
        Add(IsupMessageType.RES, [F(P.SuspendResumeIndicators, 1)], noVariable, true);
        Add(IsupMessageType.CPG, [F(P.EventInformation, 1)], noVariable, true);
        Add(IsupMessageType.USR, none, [P.UserToUserInformation], true);
        Add(IsupMessageType.CFN, none, [P.CauseIndicators], true);
        Add(IsupMessageType.FAR, [F(P.FacilityIndicator, 1)], noVariable, true);
        Add(IsupMessageType.FAA, [F(P.FacilityIndicator, 1)], noVariable, true);
        Add(IsupMessageType.FRJ, [F(P.FacilityIndicator, 1)], [P.CauseIndicators], true);

        // Circuit supervision: no optional part, so no pointer to one (Q.763 Tables 38-41).
        foreach (var type in (ReadOnlySpan<IsupMessageType>)[
            IsupMessageType.CCR, IsupMessageType.RSC, IsupMessageType.BLO, IsupMessageType.UBL, IsupMessageType.BLA,
            IsupMessageType.UBA, IsupMessageType.LPA, IsupMessageType.UCIC, IsupMessageType.OLM])
        {
            Add(type, none, noVariable, false);
        }

        Add(IsupMessageType.GRS, none, [P.RangeAndStatus], false);
        Add(IsupMessageType.GRA, none, [P.RangeAndStatus], false);
        Add(IsupMessageType.CQM, none, [P.RangeAndStatus], false);
        Add(IsupMessageType.CQR, none, [P.RangeAndStatus, P.CircuitStateIndicator], false);
        foreach (var type in (ReadOnlySpan<IsupMessageType>)[IsupMessageType.CGB, IsupMessageType.CGU, IsupMessageType.CGBA, IsupMessageType.CGUA])
        {
            Add(type, [F(P.CircuitGroupSupervisionMessageType, 1)], [P.RangeAndStatus], false);
        }

        // Call-related messages with only an optional part; every type added after 1992 has this shape.
        foreach (var type in (ReadOnlySpan<IsupMessageType>)[
            IsupMessageType.FOT, IsupMessageType.ANM, IsupMessageType.RLC, IsupMessageType.NRM, IsupMessageType.FAC,
            IsupMessageType.UPT, IsupMessageType.UPA, IsupMessageType.IDR, IsupMessageType.IRS, IsupMessageType.SGM,
            IsupMessageType.LOP, IsupMessageType.APM, IsupMessageType.PRI, IsupMessageType.SDN])
        {
            Add(type, none, noVariable, true);
        }

        return formats;
    }
}
