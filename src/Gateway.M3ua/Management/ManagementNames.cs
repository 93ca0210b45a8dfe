namespace Gateway.M3ua;

/// <summary>
/// The log words of the management values: lower case and hyphenated (<c>invalid-routing-context</c>, <c>as-pending</c>),
/// so a log line reads the same whatever the enum member is called. A value without a name (an error code M3UA does not
/// use, say) prints as its number in hex.
/// </summary>
public static class ManagementNames
{
    /// <summary>The message's name as RFC 4666 writes it: ASPUP, ASPAC_ACK, DUNA, ...</summary>
    public static string Of(M3uaSignalType type) => type switch
    {
        M3uaSignalType.Err => "ERR",
        M3uaSignalType.Ntfy => "NTFY",
        M3uaSignalType.Duna => "DUNA",
        M3uaSignalType.Dava => "DAVA",
        M3uaSignalType.Daud => "DAUD",
        M3uaSignalType.Scon => "SCON",
        M3uaSignalType.Dupu => "DUPU",
        M3uaSignalType.Drst => "DRST",
        M3uaSignalType.AspUp => "ASPUP",
        M3uaSignalType.AspDn => "ASPDN",
        M3uaSignalType.Beat => "BEAT",
        M3uaSignalType.AspUpAck => "ASPUP_ACK",
        M3uaSignalType.AspDnAck => "ASPDN_ACK",
        M3uaSignalType.BeatAck => "BEAT_ACK",
        M3uaSignalType.AspAc => "ASPAC",
        M3uaSignalType.AspIa => "ASPIA",
        M3uaSignalType.AspAcAck => "ASPAC_ACK",
        M3uaSignalType.AspIaAck => "ASPIA_ACK",
        M3uaSignalType.RegReq => "REG_REQ",
        M3uaSignalType.RegRsp => "REG_RSP",
        M3uaSignalType.DeregReq => "DEREG_REQ",
        M3uaSignalType.DeregRsp => "DEREG_RSP",
        _ => Hex((uint)type),
    };

    /// <summary>The error code's name, e.g. <c>unexpected-message</c>.</summary>
    public static string Of(ManagementErrorCode code) => code switch
    {
        ManagementErrorCode.None => "none",
        ManagementErrorCode.InvalidVersion => "invalid-version",
        ManagementErrorCode.UnsupportedMessageClass => "unsupported-message-class",
        ManagementErrorCode.UnsupportedMessageType => "unsupported-message-type",
        ManagementErrorCode.UnsupportedTrafficModeType => "unsupported-traffic-mode-type",
        ManagementErrorCode.UnexpectedMessage => "unexpected-message",
        ManagementErrorCode.ProtocolError => "protocol-error",
        ManagementErrorCode.InvalidStreamIdentifier => "invalid-stream-identifier",
        ManagementErrorCode.RefusedManagementBlocking => "refused-management-blocking",
        ManagementErrorCode.AspIdentifierRequired => "asp-identifier-required",
        ManagementErrorCode.InvalidAspIdentifier => "invalid-asp-identifier",
        ManagementErrorCode.InvalidParameterValue => "invalid-parameter-value",
        ManagementErrorCode.ParameterFieldError => "parameter-field-error",
        ManagementErrorCode.UnexpectedParameter => "unexpected-parameter",
        ManagementErrorCode.DestinationStatusUnknown => "destination-status-unknown",
        ManagementErrorCode.InvalidNetworkAppearance => "invalid-network-appearance",
        ManagementErrorCode.MissingParameter => "missing-parameter",
        ManagementErrorCode.InvalidRoutingContext => "invalid-routing-context",
        ManagementErrorCode.NoConfiguredAsForAsp => "no-configured-as-for-asp",
        _ => Hex((uint)code),
    };

    /// <summary>The NTFY status's name, e.g. <c>as-active</c>, <c>alternate-asp-active</c>.</summary>
    public static string Of(NtfyStatus status) => status switch
    {
        NtfyStatus.None => "none",
        NtfyStatus.AsInactive => "as-inactive",
        NtfyStatus.AsActive => "as-active",
        NtfyStatus.AsPending => "as-pending",
        NtfyStatus.InsufficientAspResources => "insufficient-asp-resources",
        NtfyStatus.AlternateAspActive => "alternate-asp-active",
        NtfyStatus.AspFailure => "asp-failure",
        _ => Hex((uint)status),
    };

    /// <summary>The ASP state's RFC name in lower case: <c>asp-down</c>, <c>asp-inactive</c>, <c>asp-active</c>.</summary>
    public static string Of(AspStatus status) => status switch
    {
        AspStatus.Down => "asp-down",
        AspStatus.Inactive => "asp-inactive",
        _ => "asp-active",
    };

    /// <summary>The AS state's RFC name in lower case: <c>as-down</c>, <c>as-inactive</c>, <c>as-active</c>, <c>as-pending</c>.</summary>
    public static string Of(AsState state) => state switch
    {
        AsState.Down => "as-down",
        AsState.Inactive => "as-inactive",
        AsState.Active => "as-active",
        _ => "as-pending",
    };

    /// <summary>The traffic mode's name: <c>override</c>, <c>loadshare</c>, <c>broadcast</c>.</summary>
    public static string Of(TrafficMode mode) => mode switch
    {
        TrafficMode.None => "none",
        TrafficMode.Override => "override",
        TrafficMode.Loadshare => "loadshare",
        TrafficMode.Broadcast => "broadcast",
        _ => Hex((uint)mode),
    };

    /// <summary>The DUPU cause's name: <c>unknown</c>, <c>unequipped-remote-user</c>, <c>inaccessible-remote-user</c>.</summary>
    public static string Of(UnavailabilityCause cause) => cause switch
    {
        UnavailabilityCause.Unknown => "unknown",
        UnavailabilityCause.UnequippedRemoteUser => "unequipped-remote-user",
        UnavailabilityCause.InaccessibleRemoteUser => "inaccessible-remote-user",
        _ => Hex((uint)cause),
    };

    /// <summary>The registration status's name, e.g. <c>success</c>, <c>permission-denied</c>.</summary>
    public static string Of(KeyRegistrationStatus status) => status switch
    {
        KeyRegistrationStatus.Success => "success",
        KeyRegistrationStatus.Unknown => "unknown",
        KeyRegistrationStatus.InvalidDpc => "invalid-dpc",
        KeyRegistrationStatus.InvalidNetworkAppearance => "invalid-network-appearance",
        KeyRegistrationStatus.InvalidRoutingKey => "invalid-routing-key",
        KeyRegistrationStatus.PermissionDenied => "permission-denied",
        KeyRegistrationStatus.CannotSupportUniqueRouting => "cannot-support-unique-routing",
        KeyRegistrationStatus.RoutingKeyNotProvisioned => "routing-key-not-provisioned",
        KeyRegistrationStatus.InsufficientResources => "insufficient-resources",
        KeyRegistrationStatus.UnsupportedRoutingKeyParameter => "unsupported-routing-key-parameter",
        KeyRegistrationStatus.UnsupportedTrafficMode => "unsupported-traffic-mode",
        KeyRegistrationStatus.RoutingKeyChangeRefused => "routing-key-change-refused",
        KeyRegistrationStatus.RoutingKeyAlreadyRegistered => "routing-key-already-registered",
        _ => Hex((uint)status),
    };

    private static string Hex(uint value) => "0x" + value.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
}
