using static Gateway.Isup.IsupParameterCode;

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
            [F(NatureOfConnectionIndicators, 1), F(ForwardCallIndicators, 2), F(CallingPartysCategory, 1), F(TransmissionMediumRequirement, 1)],
            [CalledPartyNumber], true);
        Add(IsupMessageType.SAM, none, [SubsequentNumber], true);
        Add(IsupMessageType.INR, [F(InformationRequestIndicators, 2)], noVariable, true);
        Add(IsupMessageType.INF, [F(InformationIndicators, 2)], noVariable, true);
        Add(IsupMessageType.COT, [F(ContinuityIndicators, 1)], noVariable, false);
        Add(IsupMessageType.ACM, [F(BackwardCallIndicators, 2)], noVariable, true);
        Add(IsupMessageType.CON, [F(BackwardCallIndicators, 2)], noVariable, true);
        Add(IsupMessageType.REL, none, [CauseIndicators], true);
        Add(IsupMessageType.SUS, [F(SuspendResumeIndicators, 1)], noVariable, true);
        Add(IsupMessageType.RES, [F(SuspendResumeIndicators, 1)], noVariable, true);
        Add(IsupMessageType.CPG, [F(EventInformation, 1)], noVariable, true);
        Add(IsupMessageType.USR, none, [UserToUserInformation], true);
        Add(IsupMessageType.CFN, none, [CauseIndicators], true);
        Add(IsupMessageType.FAR, [F(FacilityIndicator, 1)], noVariable, true);
        Add(IsupMessageType.FAA, [F(FacilityIndicator, 1)], noVariable, true);
        Add(IsupMessageType.FRJ, [F(FacilityIndicator, 1)], [CauseIndicators], true);

        // Circuit supervision: no optional part, so no pointer to one (Q.763 Tables 38-41).
        foreach (var type in (ReadOnlySpan<IsupMessageType>)[
            IsupMessageType.CCR, IsupMessageType.RSC, IsupMessageType.BLO, IsupMessageType.UBL, IsupMessageType.BLA,
            IsupMessageType.UBA, IsupMessageType.LPA, IsupMessageType.UCIC, IsupMessageType.OLM])
        {
            Add(type, none, noVariable, false);
        }

        Add(IsupMessageType.GRS, none, [RangeAndStatus], false);
        Add(IsupMessageType.GRA, none, [RangeAndStatus], false);
        Add(IsupMessageType.CQM, none, [RangeAndStatus], false);
        Add(IsupMessageType.CQR, none, [RangeAndStatus, CircuitStateIndicator], false);
        foreach (var type in (ReadOnlySpan<IsupMessageType>)[IsupMessageType.CGB, IsupMessageType.CGU, IsupMessageType.CGBA, IsupMessageType.CGUA])
        {
            Add(type, [F(CircuitGroupSupervisionMessageType, 1)], [RangeAndStatus], false);
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
