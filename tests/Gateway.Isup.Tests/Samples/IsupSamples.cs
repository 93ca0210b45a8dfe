namespace Gateway.Isup.Tests.Samples;

/// <summary>
/// One well-formed message of every type the codec lays out by format, or carries whole, built through the typed
/// views the way the gateway builds them: what the tshark round trip and the layout tests check.
/// </summary>
public static class IsupSamples
{
    public const int Cic = 0x123;

    /// <summary>An IAM as a SIP-originated call produces it, with six optional parameters (the benchmark's message).</summary>
    public static IsupMessage Iam(int? cic = Cic) => new IsupMessage(IsupMessageType.IAM, cic)
        .Add(new NatureOfConnectionIndicators { EchoControlDeviceIncluded = true })
        .Add(new ForwardCallIndicators { InterworkingEncountered = true, IsupPreference = IsupPreference.NotRequiredAllTheWay, OriginatingAccessIsdn = true })
        .Add(new CallingPartysCategory(CallingPartyCategoryValue.OrdinarySubscriber))
        .Add(new TransmissionMediumRequirement(TransmissionMedium.Audio3k1))
        .Add(new CalledPartyNumber(NatureOfAddress.InternationalNumber, "4930123456F"))
        .Add(new CallingPartyNumber(NatureOfAddress.InternationalNumber, "4940111222", AddressPresentation.Allowed, ScreeningIndicator.NetworkProvided))
        .Add(new GenericNumber(GenericNumber.AdditionalCallingPartyNumber, NatureOfAddress.NationalNumber, "40111222", screening: ScreeningIndicator.UserProvidedNotVerified))
        .Add(new RedirectingNumber(NatureOfAddress.NationalNumber, "301234567"))
        .Add(new RedirectionInformation(RedirectingIndicator.Diverted, RedirectingReason.NoReply, 1))
        .Add(new UserServiceInformation(0, 0x10, 3))
        .Add(new HopCounter(20));

    public static IReadOnlyList<IsupMessage> All(int? cic = Cic)
    {
        var cause16 = new CauseIndicators(16, CauseLocation.PublicNetworkLocalUser);
        var list = new List<IsupMessage>
        {
            Iam(cic),
            new IsupMessage(IsupMessageType.SAM, cic).Add(IsupParameterCode.SubsequentNumber, new byte[] { 0x00, 0x65, 0x0F }),
            new IsupMessage(IsupMessageType.INR, cic).Add(IsupParameterCode.InformationRequestIndicators, new byte[] { 0x01, 0x00 }),
            new IsupMessage(IsupMessageType.INF, cic).Add(IsupParameterCode.InformationIndicators, new byte[] { 0x03, 0x00 })
                .Add(new CallingPartyNumber(NatureOfAddress.NationalNumber, "301234567"))
                .Add(new CallingPartysCategory(CallingPartyCategoryValue.OrdinarySubscriber)),
            new IsupMessage(IsupMessageType.COT, cic).Add(IsupParameterCode.ContinuityIndicators, new byte[] { 0x01 }),
            new IsupMessage(IsupMessageType.ACM, cic)
                .Add(new BackwardCallIndicators { Charge = ChargeIndicator.Charge, CalledPartyStatus = CalledPartyStatus.SubscriberFree, CalledPartyCategory = CalledPartyCategory.OrdinarySubscriber, InterworkingEncountered = true })
                .Add(new OptionalBackwardCallIndicators { InBandInformationAvailable = true })
                .Add(AccessTransport.WithProgressIndicator(location: 2, description: 8)),
            new IsupMessage(IsupMessageType.CON, cic).Add(new BackwardCallIndicators { Charge = ChargeIndicator.Charge, InterworkingEncountered = true }),
            new IsupMessage(IsupMessageType.FOT, cic),
            new IsupMessage(IsupMessageType.ANM, cic).Add(IsupParameterCode.BackwardCallIndicators, new byte[] { 0x16, 0x01 }),
            new IsupMessage(IsupMessageType.REL, cic).Add(cause16).Add(new AutomaticCongestionLevel(1)),
            new IsupMessage(IsupMessageType.SUS, cic).Add(IsupParameterCode.SuspendResumeIndicators, new byte[] { 0x00 }),
            new IsupMessage(IsupMessageType.RES, cic).Add(IsupParameterCode.SuspendResumeIndicators, new byte[] { 0x01 }),
            new IsupMessage(IsupMessageType.RLC, cic),
            new IsupMessage(IsupMessageType.CCR, cic),
            new IsupMessage(IsupMessageType.RSC, cic),
            new IsupMessage(IsupMessageType.BLO, cic),
            new IsupMessage(IsupMessageType.UBL, cic),
            new IsupMessage(IsupMessageType.BLA, cic),
            new IsupMessage(IsupMessageType.UBA, cic),
            new IsupMessage(IsupMessageType.GRS, cic).Add(new RangeAndStatus(31)),
            new IsupMessage(IsupMessageType.CGB, cic).Add(new CircuitGroupSupervisionMessageType(CircuitGroupSupervisionType.MaintenanceOriented)).Add(RangeAndStatus.FromCircuits([true, true])),
            new IsupMessage(IsupMessageType.CGU, cic).Add(new CircuitGroupSupervisionMessageType(CircuitGroupSupervisionType.HardwareFailureOriented)).Add(RangeAndStatus.FromCircuits([true, false, true])),
            new IsupMessage(IsupMessageType.CGBA, cic).Add(new CircuitGroupSupervisionMessageType(CircuitGroupSupervisionType.MaintenanceOriented)).Add(RangeAndStatus.FromCircuits([true, true])),
            new IsupMessage(IsupMessageType.CGUA, cic).Add(new CircuitGroupSupervisionMessageType(CircuitGroupSupervisionType.HardwareFailureOriented)).Add(RangeAndStatus.FromCircuits([true, false, true])),
            new IsupMessage(IsupMessageType.FAR, cic).Add(IsupParameterCode.FacilityIndicator, new byte[] { 0x02 }),
            new IsupMessage(IsupMessageType.FAA, cic).Add(IsupParameterCode.FacilityIndicator, new byte[] { 0x02 }),
            new IsupMessage(IsupMessageType.FRJ, cic).Add(IsupParameterCode.FacilityIndicator, new byte[] { 0x02 }).Add(new CauseIndicators(29, CauseLocation.PublicNetworkRemoteUser)),
            new IsupMessage(IsupMessageType.LPA, cic),
            new IsupMessage(IsupMessageType.PAM, cic) { UnparsedBody = new byte[] { 0x2C, 0x01, 0x00 } },
            new IsupMessage(IsupMessageType.GRA, cic).Add(new RangeAndStatus(31, new byte[4])),
            new IsupMessage(IsupMessageType.CQM, cic).Add(new RangeAndStatus(1)),
            new IsupMessage(IsupMessageType.CQR, cic).Add(new RangeAndStatus(1)).Add(IsupParameterCode.CircuitStateIndicator, new byte[] { 0x0C, 0x0C }),
            new IsupMessage(IsupMessageType.CPG, cic).Add(new EventInformation(EventIndicator.Alerting))
                .Add(new BackwardCallIndicators { Charge = ChargeIndicator.Charge, CalledPartyStatus = CalledPartyStatus.SubscriberFree })
                .Add(new OptionalBackwardCallIndicators { InBandInformationAvailable = true }),
            new IsupMessage(IsupMessageType.USR, cic).Add(new UserToUserInformation(0x04, "hello"u8)).Add(AccessTransport.WithProgressIndicator(0, 1)),
            new IsupMessage(IsupMessageType.UCIC, cic),
            new IsupMessage(IsupMessageType.CFN, cic).Add(new CauseIndicators(97, CauseLocation.PublicNetworkLocalUser)),
            new IsupMessage(IsupMessageType.OLM, cic),
            new IsupMessage(IsupMessageType.CRG, cic) { UnparsedBody = new byte[] { 0x01, 0x02, 0x03 } },
            new IsupMessage(IsupMessageType.NRM, cic).Add(IsupParameterCode.EchoControlInformation, new byte[] { 0x05 }),
            new IsupMessage(IsupMessageType.FAC, cic).Add(IsupParameterCode.GenericNotificationIndicator, new byte[] { 0xF9 }),
            new IsupMessage(IsupMessageType.UPT, cic),
            new IsupMessage(IsupMessageType.UPA, cic),
            new IsupMessage(IsupMessageType.IDR, cic).Add(IsupParameterCode.McidRequestIndicators, new byte[] { 0x01 }),
            new IsupMessage(IsupMessageType.IRS, cic).Add(IsupParameterCode.McidResponseIndicators, new byte[] { 0x01 }),
            new IsupMessage(IsupMessageType.SGM, cic).Add(new UserToUserInformation(0x04, "more"u8)),
            new IsupMessage(IsupMessageType.LOP, cic).Add(IsupParameterCode.CallTransferReference, new byte[] { 0x07 }),
            new IsupMessage(IsupMessageType.APM, cic).Add(IsupParameterCode.ApplicationTransport, new byte[] { 0x80, 0x80, 0xC0 }),
            new IsupMessage(IsupMessageType.PRI, cic).Add(IsupParameterCode.MessageCompatibilityInformation, new byte[] { 0x81 }),
            new IsupMessage(IsupMessageType.SDN, cic).Add(IsupParameterCode.SubsequentNumber, new byte[] { 0x80, 0x05 }),
        };
        return list;
    }
}
