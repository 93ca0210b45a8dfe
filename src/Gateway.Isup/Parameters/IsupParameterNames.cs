namespace Gateway.Isup;

/// <summary>Q.763's names for parameter codes, for logs, JSON and exception messages.</summary>
public static class IsupParameterNames
{
    /// <summary>The Q.763 name of <paramref name="code"/>, or "Unknown parameter" for a code this codec does not know.</summary>
    public static string GetName(IsupParameterCode code) => code switch
    {
        IsupParameterCode.EndOfOptionalParameters => "End of optional parameters",
        IsupParameterCode.CallReference => "Call reference (national use)",
        IsupParameterCode.TransmissionMediumRequirement => "Transmission medium requirement",
        IsupParameterCode.AccessTransport => "Access transport",
        IsupParameterCode.CalledPartyNumber => "Called party number",
        IsupParameterCode.SubsequentNumber => "Subsequent number",
        IsupParameterCode.NatureOfConnectionIndicators => "Nature of connection indicators",
        IsupParameterCode.ForwardCallIndicators => "Forward call indicators",
        IsupParameterCode.OptionalForwardCallIndicators => "Optional forward call indicators",
        IsupParameterCode.CallingPartysCategory => "Calling party's category",
        IsupParameterCode.CallingPartyNumber => "Calling party number",
        IsupParameterCode.RedirectingNumber => "Redirecting number",
        IsupParameterCode.RedirectionNumber => "Redirection number",
        IsupParameterCode.ConnectionRequest => "Connection request",
        IsupParameterCode.InformationRequestIndicators => "Information request indicators (national use)",
        IsupParameterCode.InformationIndicators => "Information indicators (national use)",
        IsupParameterCode.ContinuityIndicators => "Continuity indicators",
        IsupParameterCode.BackwardCallIndicators => "Backward call indicators",
        IsupParameterCode.CauseIndicators => "Cause indicators",
        IsupParameterCode.RedirectionInformation => "Redirection information",
        IsupParameterCode.CircuitGroupSupervisionMessageType => "Circuit group supervision message type",
        IsupParameterCode.RangeAndStatus => "Range and status",
        IsupParameterCode.FacilityIndicator => "Facility indicator",
        IsupParameterCode.ClosedUserGroupInterlockCode => "Closed user group interlock code",
        IsupParameterCode.UserServiceInformation => "User service information",
        IsupParameterCode.SignallingPointCode => "Signalling point code (national use)",
        IsupParameterCode.UserToUserInformation => "User-to-user information",
        IsupParameterCode.ConnectedNumber => "Connected number",
        IsupParameterCode.SuspendResumeIndicators => "Suspend/resume indicators",
        IsupParameterCode.TransitNetworkSelection => "Transit network selection (national use)",
        IsupParameterCode.EventInformation => "Event information",
        IsupParameterCode.CircuitStateIndicator => "Circuit state indicator (national use)",
        IsupParameterCode.AutomaticCongestionLevel => "Automatic congestion level",
        IsupParameterCode.OriginalCalledNumber => "Original called number",
        IsupParameterCode.OptionalBackwardCallIndicators => "Optional backward call indicators",
        IsupParameterCode.UserToUserIndicators => "User-to-user indicators",
        IsupParameterCode.OriginationIscPointCode => "Origination ISC point code",
        IsupParameterCode.GenericNotificationIndicator => "Generic notification indicator",
        IsupParameterCode.CallHistoryInformation => "Call history information",
        IsupParameterCode.AccessDeliveryInformation => "Access delivery information",
        IsupParameterCode.NetworkSpecificFacility => "Network specific facility (national use)",
        IsupParameterCode.UserServiceInformationPrime => "User service information prime",
        IsupParameterCode.PropagationDelayCounter => "Propagation delay counter",
        IsupParameterCode.RemoteOperations => "Remote operations (national use)",
        IsupParameterCode.ServiceActivation => "Service activation",
        IsupParameterCode.UserTeleserviceInformation => "User teleservice information",
        IsupParameterCode.TransmissionMediumUsed => "Transmission medium used",
        IsupParameterCode.CallDiversionInformation => "Call diversion information",
        IsupParameterCode.EchoControlInformation => "Echo control information",
        IsupParameterCode.MessageCompatibilityInformation => "Message compatibility information",
        IsupParameterCode.ParameterCompatibilityInformation => "Parameter compatibility information",
        IsupParameterCode.MlppPrecedence => "MLPP precedence",
        IsupParameterCode.McidRequestIndicators => "MCID request indicators",
        IsupParameterCode.McidResponseIndicators => "MCID response indicators",
        IsupParameterCode.HopCounter => "Hop counter",
        IsupParameterCode.TransmissionMediumRequirementPrime => "Transmission medium requirement prime",
        IsupParameterCode.LocationNumber => "Location number",
        IsupParameterCode.RedirectionNumberRestriction => "Redirection number restriction",
        IsupParameterCode.FreephoneIndicators => "Freephone indicators",
        IsupParameterCode.GenericReference => "Generic reference",
        IsupParameterCode.CallTransferReference => "Call transfer reference",
        IsupParameterCode.LoopPreventionIndicators => "Loop prevention indicators",
        IsupParameterCode.CallTransferNumber => "Call transfer number",
        IsupParameterCode.Ccss => "CCSS",
        IsupParameterCode.ForwardGvns => "Forward GVNS",
        IsupParameterCode.BackwardGvns => "Backward GVNS",
        IsupParameterCode.RedirectCapability => "Redirect capability (national use)",
        IsupParameterCode.NetworkManagementControls => "Network management controls",
        IsupParameterCode.CorrelationId => "Correlation id",
        IsupParameterCode.ScfId => "SCF id",
        IsupParameterCode.CallDiversionTreatmentIndicators => "Call diversion treatment indicators",
        IsupParameterCode.CalledInNumber => "Called IN number",
        IsupParameterCode.CallOfferingTreatmentIndicators => "Call offering treatment indicators",
        IsupParameterCode.ChargedPartyIdentification => "Charged party identification (national use)",
        IsupParameterCode.ConferenceTreatmentIndicators => "Conference treatment indicators",
        IsupParameterCode.DisplayInformation => "Display information",
        IsupParameterCode.UidActionIndicators => "UID action indicators",
        IsupParameterCode.UidCapabilityIndicators => "UID capability indicators",
        IsupParameterCode.RedirectCounter => "Redirect counter (national use)",
        IsupParameterCode.ApplicationTransport => "Application transport",
        IsupParameterCode.CollectCallRequest => "Collect call request",
        IsupParameterCode.CcnrPossibleIndicator => "CCNR possible indicator",
        IsupParameterCode.PivotCapability => "Pivot capability",
        IsupParameterCode.PivotRoutingIndicators => "Pivot routing indicators",
        IsupParameterCode.CalledDirectoryNumber => "Called directory number (national use)",
        IsupParameterCode.OriginalCalledInNumber => "Original called IN number",
        IsupParameterCode.CallingGeodeticLocation => "Calling geodetic location",
        IsupParameterCode.HtrInformation => "HTR information",
        IsupParameterCode.NetworkRoutingNumber => "Network routing number (national use)",
        IsupParameterCode.QueryOnReleaseCapability => "Query on release capability (network option)",
        IsupParameterCode.PivotStatus => "Pivot status (national use)",
        IsupParameterCode.PivotCounter => "Pivot counter",
        IsupParameterCode.PivotRoutingForwardInformation => "Pivot routing forward information",
        IsupParameterCode.PivotRoutingBackwardInformation => "Pivot routing backward information",
        IsupParameterCode.RedirectStatus => "Redirect status (national use)",
        IsupParameterCode.RedirectForwardInformation => "Redirect forward information (national use)",
        IsupParameterCode.RedirectBackwardInformation => "Redirect backward information (national use)",
        IsupParameterCode.NumberPortabilityForwardInformation => "Number portability forward information (network option)",
        IsupParameterCode.GenericNumber => "Generic number",
        IsupParameterCode.GenericDigits => "Generic digits (national use)",
        _ => "Unknown parameter",
    };

    /// <summary>Whether <paramref name="code"/> is one Q.763 defines (and so one <see cref="GetName"/> names).</summary>
    public static bool IsKnown(IsupParameterCode code) => code switch
    {
        IsupParameterCode.EndOfOptionalParameters
            or IsupParameterCode.CallReference
            or IsupParameterCode.TransmissionMediumRequirement
            or IsupParameterCode.AccessTransport
            or IsupParameterCode.CalledPartyNumber
            or IsupParameterCode.SubsequentNumber
            or IsupParameterCode.NatureOfConnectionIndicators
            or IsupParameterCode.ForwardCallIndicators
            or IsupParameterCode.OptionalForwardCallIndicators
            or IsupParameterCode.CallingPartysCategory
            or IsupParameterCode.CallingPartyNumber
            or IsupParameterCode.RedirectingNumber
            or IsupParameterCode.RedirectionNumber
            or IsupParameterCode.ConnectionRequest
            or IsupParameterCode.InformationRequestIndicators
            or IsupParameterCode.InformationIndicators
            or IsupParameterCode.ContinuityIndicators
            or IsupParameterCode.BackwardCallIndicators
            or IsupParameterCode.CauseIndicators
            or IsupParameterCode.RedirectionInformation
            or IsupParameterCode.CircuitGroupSupervisionMessageType
            or IsupParameterCode.RangeAndStatus
            or IsupParameterCode.FacilityIndicator
            or IsupParameterCode.ClosedUserGroupInterlockCode
            or IsupParameterCode.UserServiceInformation
            or IsupParameterCode.SignallingPointCode
            or IsupParameterCode.UserToUserInformation
            or IsupParameterCode.ConnectedNumber
            or IsupParameterCode.SuspendResumeIndicators
            or IsupParameterCode.TransitNetworkSelection
            or IsupParameterCode.EventInformation
            or IsupParameterCode.CircuitStateIndicator
            or IsupParameterCode.AutomaticCongestionLevel
            or IsupParameterCode.OriginalCalledNumber
            or IsupParameterCode.OptionalBackwardCallIndicators
            or IsupParameterCode.UserToUserIndicators
            or IsupParameterCode.OriginationIscPointCode
            or IsupParameterCode.GenericNotificationIndicator
            or IsupParameterCode.CallHistoryInformation
            or IsupParameterCode.AccessDeliveryInformation
            or IsupParameterCode.NetworkSpecificFacility
            or IsupParameterCode.UserServiceInformationPrime
            or IsupParameterCode.PropagationDelayCounter
            or IsupParameterCode.RemoteOperations
            or IsupParameterCode.ServiceActivation
            or IsupParameterCode.UserTeleserviceInformation
            or IsupParameterCode.TransmissionMediumUsed
            or IsupParameterCode.CallDiversionInformation
            or IsupParameterCode.EchoControlInformation
            or IsupParameterCode.MessageCompatibilityInformation
            or IsupParameterCode.ParameterCompatibilityInformation
            or IsupParameterCode.MlppPrecedence
            or IsupParameterCode.McidRequestIndicators
            or IsupParameterCode.McidResponseIndicators
            or IsupParameterCode.HopCounter
            or IsupParameterCode.TransmissionMediumRequirementPrime
            or IsupParameterCode.LocationNumber
            or IsupParameterCode.RedirectionNumberRestriction
            or IsupParameterCode.FreephoneIndicators
            or IsupParameterCode.GenericReference
            or IsupParameterCode.CallTransferReference
            or IsupParameterCode.LoopPreventionIndicators
            or IsupParameterCode.CallTransferNumber
            or IsupParameterCode.Ccss
            or IsupParameterCode.ForwardGvns
            or IsupParameterCode.BackwardGvns
            or IsupParameterCode.RedirectCapability
            or IsupParameterCode.NetworkManagementControls
            or IsupParameterCode.CorrelationId
            or IsupParameterCode.ScfId
            or IsupParameterCode.CallDiversionTreatmentIndicators
            or IsupParameterCode.CalledInNumber
            or IsupParameterCode.CallOfferingTreatmentIndicators
            or IsupParameterCode.ChargedPartyIdentification
            or IsupParameterCode.ConferenceTreatmentIndicators
            or IsupParameterCode.DisplayInformation
            or IsupParameterCode.UidActionIndicators
            or IsupParameterCode.UidCapabilityIndicators
            or IsupParameterCode.RedirectCounter
            or IsupParameterCode.ApplicationTransport
            or IsupParameterCode.CollectCallRequest
            or IsupParameterCode.CcnrPossibleIndicator
            or IsupParameterCode.PivotCapability
            or IsupParameterCode.PivotRoutingIndicators
            or IsupParameterCode.CalledDirectoryNumber
            or IsupParameterCode.OriginalCalledInNumber
            or IsupParameterCode.CallingGeodeticLocation
            or IsupParameterCode.HtrInformation
            or IsupParameterCode.NetworkRoutingNumber
            or IsupParameterCode.QueryOnReleaseCapability
            or IsupParameterCode.PivotStatus
            or IsupParameterCode.PivotCounter
            or IsupParameterCode.PivotRoutingForwardInformation
            or IsupParameterCode.PivotRoutingBackwardInformation
            or IsupParameterCode.RedirectStatus
            or IsupParameterCode.RedirectForwardInformation
            or IsupParameterCode.RedirectBackwardInformation
            or IsupParameterCode.NumberPortabilityForwardInformation
            or IsupParameterCode.GenericNumber
            or IsupParameterCode.GenericDigits => true,
        _ => false,
    };
}
