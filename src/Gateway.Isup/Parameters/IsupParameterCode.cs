namespace Gateway.Isup;

/// <summary>
/// ISUP parameter name codes (ITU-T Q.763 Table 5). A byte enum so that a code this list lacks is still carried: the
/// codec keeps unknown parameters as raw octets for pass-through and for the Q.764 §2.9.5.3 compatibility procedure.
/// </summary>
public enum IsupParameterCode : byte
{
    /// <summary>End of optional parameters.</summary>
    EndOfOptionalParameters = 0x00,

    /// <summary>Call reference (national use).</summary>
    CallReference = 0x01,

    /// <summary>Transmission medium requirement.</summary>
    TransmissionMediumRequirement = 0x02,

    /// <summary>Access transport.</summary>
    AccessTransport = 0x03,

    /// <summary>Called party number.</summary>
    CalledPartyNumber = 0x04,

    /// <summary>Subsequent number.</summary>
    SubsequentNumber = 0x05,

    /// <summary>Nature of connection indicators.</summary>
    NatureOfConnectionIndicators = 0x06,

    /// <summary>Forward call indicators.</summary>
    ForwardCallIndicators = 0x07,

    /// <summary>Optional forward call indicators.</summary>
    OptionalForwardCallIndicators = 0x08,

    /// <summary>Calling party&apos;s category.</summary>
    CallingPartysCategory = 0x09,

    /// <summary>Calling party number.</summary>
    CallingPartyNumber = 0x0A,

    /// <summary>Redirecting number.</summary>
    RedirectingNumber = 0x0B,

    /// <summary>Redirection number.</summary>
    RedirectionNumber = 0x0C,

    /// <summary>Connection request.</summary>
    ConnectionRequest = 0x0D,

    /// <summary>Information request indicators (national use).</summary>
    InformationRequestIndicators = 0x0E,

    /// <summary>Information indicators (national use).</summary>
    InformationIndicators = 0x0F,

    /// <summary>Continuity indicators.</summary>
    ContinuityIndicators = 0x10,

    /// <summary>Backward call indicators.</summary>
    BackwardCallIndicators = 0x11,

    /// <summary>Cause indicators.</summary>
    CauseIndicators = 0x12,

    /// <summary>Redirection information.</summary>
    RedirectionInformation = 0x13,

    /// <summary>Circuit group supervision message type.</summary>
    CircuitGroupSupervisionMessageType = 0x15,

    /// <summary>Range and status.</summary>
    RangeAndStatus = 0x16,

    /// <summary>Facility indicator.</summary>
    FacilityIndicator = 0x18,

    /// <summary>Closed user group interlock code.</summary>
    ClosedUserGroupInterlockCode = 0x1A,

    /// <summary>User service information.</summary>
    UserServiceInformation = 0x1D,

    /// <summary>Signalling point code (national use).</summary>
    SignallingPointCode = 0x1E,

    /// <summary>User-to-user information.</summary>
    UserToUserInformation = 0x20,

    /// <summary>Connected number.</summary>
    ConnectedNumber = 0x21,

    /// <summary>Suspend/resume indicators.</summary>
    SuspendResumeIndicators = 0x22,

    /// <summary>Transit network selection (national use).</summary>
    TransitNetworkSelection = 0x23,

    /// <summary>Event information.</summary>
    EventInformation = 0x24,

    /// <summary>Circuit state indicator (national use).</summary>
    CircuitStateIndicator = 0x26,

    /// <summary>Automatic congestion level.</summary>
    AutomaticCongestionLevel = 0x27,

    /// <summary>Original called number.</summary>
    OriginalCalledNumber = 0x28,

    /// <summary>Optional backward call indicators.</summary>
    OptionalBackwardCallIndicators = 0x29,

    /// <summary>User-to-user indicators.</summary>
    UserToUserIndicators = 0x2A,

    /// <summary>Origination ISC point code.</summary>
    OriginationIscPointCode = 0x2B,

    /// <summary>Generic notification indicator.</summary>
    GenericNotificationIndicator = 0x2C,

    /// <summary>Call history information.</summary>
    CallHistoryInformation = 0x2D,

    /// <summary>Access delivery information.</summary>
    AccessDeliveryInformation = 0x2E,

    /// <summary>Network specific facility (national use).</summary>
    NetworkSpecificFacility = 0x2F,

    /// <summary>User service information prime.</summary>
    UserServiceInformationPrime = 0x30,

    /// <summary>Propagation delay counter.</summary>
    PropagationDelayCounter = 0x31,

    /// <summary>Remote operations (national use).</summary>
    RemoteOperations = 0x32,

    /// <summary>Service activation.</summary>
    ServiceActivation = 0x33,

    /// <summary>User teleservice information.</summary>
    UserTeleserviceInformation = 0x34,

    /// <summary>Transmission medium used.</summary>
    TransmissionMediumUsed = 0x35,

    /// <summary>Call diversion information.</summary>
    CallDiversionInformation = 0x36,

    /// <summary>Echo control information.</summary>
    EchoControlInformation = 0x37,

    /// <summary>Message compatibility information.</summary>
    MessageCompatibilityInformation = 0x38,

    /// <summary>Parameter compatibility information.</summary>
    ParameterCompatibilityInformation = 0x39,

    /// <summary>MLPP precedence.</summary>
    MlppPrecedence = 0x3A,

    /// <summary>MCID request indicators.</summary>
    McidRequestIndicators = 0x3B,

    /// <summary>MCID response indicators.</summary>
    McidResponseIndicators = 0x3C,

    /// <summary>Hop counter.</summary>
    HopCounter = 0x3D,

    /// <summary>Transmission medium requirement prime.</summary>
    TransmissionMediumRequirementPrime = 0x3E,

    /// <summary>Location number.</summary>
    LocationNumber = 0x3F,

    /// <summary>Redirection number restriction.</summary>
    RedirectionNumberRestriction = 0x40,

    /// <summary>Freephone indicators.</summary>
    FreephoneIndicators = 0x41,

    /// <summary>Generic reference.</summary>
    GenericReference = 0x42,

    /// <summary>Call transfer reference.</summary>
    CallTransferReference = 0x43,

    /// <summary>Loop prevention indicators.</summary>
    LoopPreventionIndicators = 0x44,

    /// <summary>Call transfer number.</summary>
    CallTransferNumber = 0x45,

    /// <summary>CCSS.</summary>
    Ccss = 0x4B,

    /// <summary>Forward GVNS.</summary>
    ForwardGvns = 0x4C,

    /// <summary>Backward GVNS.</summary>
    BackwardGvns = 0x4D,

    /// <summary>Redirect capability (national use).</summary>
    RedirectCapability = 0x4E,

    /// <summary>Network management controls.</summary>
    NetworkManagementControls = 0x5B,

    /// <summary>Correlation id.</summary>
    CorrelationId = 0x65,

    /// <summary>SCF id.</summary>
    ScfId = 0x66,

    /// <summary>Call diversion treatment indicators.</summary>
    CallDiversionTreatmentIndicators = 0x6E,

    /// <summary>Called IN number.</summary>
    CalledInNumber = 0x6F,

    /// <summary>Call offering treatment indicators.</summary>
    CallOfferingTreatmentIndicators = 0x70,

    /// <summary>Charged party identification (national use).</summary>
    ChargedPartyIdentification = 0x71,

    /// <summary>Conference treatment indicators.</summary>
    ConferenceTreatmentIndicators = 0x72,

    /// <summary>Display information.</summary>
    DisplayInformation = 0x73,

    /// <summary>UID action indicators.</summary>
    UidActionIndicators = 0x74,

    /// <summary>UID capability indicators.</summary>
    UidCapabilityIndicators = 0x75,

    /// <summary>Redirect counter (national use).</summary>
    RedirectCounter = 0x77,

    /// <summary>Application transport.</summary>
    ApplicationTransport = 0x78,

    /// <summary>Collect call request.</summary>
    CollectCallRequest = 0x79,

    /// <summary>CCNR possible indicator.</summary>
    CcnrPossibleIndicator = 0x7A,

    /// <summary>Pivot capability.</summary>
    PivotCapability = 0x7B,

    /// <summary>Pivot routing indicators.</summary>
    PivotRoutingIndicators = 0x7C,

    /// <summary>Called directory number (national use).</summary>
    CalledDirectoryNumber = 0x7D,

    /// <summary>Original called IN number.</summary>
    OriginalCalledInNumber = 0x7F,

    /// <summary>Calling geodetic location.</summary>
    CallingGeodeticLocation = 0x81,

    /// <summary>HTR information.</summary>
    HtrInformation = 0x82,

    /// <summary>Network routing number (national use).</summary>
    NetworkRoutingNumber = 0x84,

    /// <summary>Query on release capability (network option).</summary>
    QueryOnReleaseCapability = 0x85,

    /// <summary>Pivot status (national use).</summary>
    PivotStatus = 0x86,

    /// <summary>Pivot counter.</summary>
    PivotCounter = 0x87,

    /// <summary>Pivot routing forward information.</summary>
    PivotRoutingForwardInformation = 0x88,

    /// <summary>Pivot routing backward information.</summary>
    PivotRoutingBackwardInformation = 0x89,

    /// <summary>Redirect status (national use).</summary>
    RedirectStatus = 0x8A,

    /// <summary>Redirect forward information (national use).</summary>
    RedirectForwardInformation = 0x8B,

    /// <summary>Redirect backward information (national use).</summary>
    RedirectBackwardInformation = 0x8C,

    /// <summary>Number portability forward information (network option).</summary>
    NumberPortabilityForwardInformation = 0x8D,

    /// <summary>Generic number.</summary>
    GenericNumber = 0xC0,

    /// <summary>Generic digits (national use).</summary>
    GenericDigits = 0xC1,
}
