namespace Gateway.M3ua;

/// <summary>
/// The log words of the management values: lower case and hyphenated (<c>invalid-routing-context</c>, <c>as-pending</c>),
/// so a log line reads the same whatever the enum member is called. A value without a name (an error code M3UA does not
/// use, say) prints as its number in hex.
/// </summary>
public static class ManagementNames
{
    /// <summary>The message's name as RFC 4666 writes it: ASPUP, ASPAC_ACK, DUNA, ...</summary>
    /// <remarks>The codec's acronyms, with an underscore for the space so that a key=value line keeps one word.</remarks>
    public static string Of(M3uaMessageType type) => M3uaMessageNames.GetAcronym(type)?.Replace(' ', '_') ?? Hex((uint)type);

    /// <summary>The error code's name, e.g. <c>unexpected-message</c>.</summary>
    public static string Of(M3uaErrorCode code) => code switch
    {
        M3uaErrorCode.None => "none",
        M3uaErrorCode.InvalidVersion => "invalid-version",
        M3uaErrorCode.UnsupportedMessageClass => "unsupported-message-class",
        M3uaErrorCode.UnsupportedMessageType => "unsupported-message-type",
        M3uaErrorCode.UnsupportedTrafficModeType => "unsupported-traffic-mode-type",
        M3uaErrorCode.UnexpectedMessage => "unexpected-message",
        M3uaErrorCode.ProtocolError => "protocol-error",
        M3uaErrorCode.InvalidStreamIdentifier => "invalid-stream-identifier",
        M3uaErrorCode.RefusedManagementBlocking => "refused-management-blocking",
        M3uaErrorCode.AspIdentifierRequired => "asp-identifier-required",
        M3uaErrorCode.InvalidAspIdentifier => "invalid-asp-identifier",
        M3uaErrorCode.InvalidParameterValue => "invalid-parameter-value",
        M3uaErrorCode.ParameterFieldError => "parameter-field-error",
        M3uaErrorCode.UnexpectedParameter => "unexpected-parameter",
        M3uaErrorCode.DestinationStatusUnknown => "destination-status-unknown",
        M3uaErrorCode.InvalidNetworkAppearance => "invalid-network-appearance",
        M3uaErrorCode.MissingParameter => "missing-parameter",
        M3uaErrorCode.InvalidRoutingContext => "invalid-routing-context",
        M3uaErrorCode.NoConfiguredAsForAsp => "no-configured-as-for-asp",
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
    public static string Of(M3uaRegistrationStatus status) => status switch
    {
        M3uaRegistrationStatus.Success => "success",
        M3uaRegistrationStatus.Unknown => "unknown",
        M3uaRegistrationStatus.InvalidDpc => "invalid-dpc",
        M3uaRegistrationStatus.InvalidNetworkAppearance => "invalid-network-appearance",
        M3uaRegistrationStatus.InvalidRoutingKey => "invalid-routing-key",
        M3uaRegistrationStatus.PermissionDenied => "permission-denied",
        M3uaRegistrationStatus.CannotSupportUniqueRouting => "cannot-support-unique-routing",
        M3uaRegistrationStatus.RoutingKeyNotProvisioned => "routing-key-not-provisioned",
        M3uaRegistrationStatus.InsufficientResources => "insufficient-resources",
        M3uaRegistrationStatus.UnsupportedRoutingKeyParameter => "unsupported-routing-key-parameter",
        M3uaRegistrationStatus.UnsupportedTrafficMode => "unsupported-traffic-mode",
        M3uaRegistrationStatus.RoutingKeyChangeRefused => "routing-key-change-refused",
        M3uaRegistrationStatus.RoutingKeyAlreadyRegistered => "routing-key-already-registered",
        _ => Hex((uint)status),
    };

    private static string Hex(uint value) => "0x" + value.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
}
