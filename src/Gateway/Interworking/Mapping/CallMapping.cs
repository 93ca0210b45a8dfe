using System.Text;
using Gateway.Isup;
using Gateway.Sip;

namespace Gateway.Interworking;

/// <summary>
/// The SIP ⇄ ISUP mapping (RFC 3398, RFC 3326/6432, RFC 3323/3325, RFC 3204, RFC 7433, the seeds), as pure functions
/// of the messages and <see cref="CallMappingOptions"/>. The cause tables are arrays built once, so the per-call
/// look-ups are an index; docs/interworking-mapping.md lists every rule with its source.
/// </summary>
public sealed class CallMapping : ICallMapping
{
    private const string UserToUserName = "User-to-User";
    private const string AnonymousFrom = "\"Anonymous\" <sip:anonymous@anonymous.invalid>";
    private const byte NormalCallClearing = 16;
    private const int MaxStatus = 699;

    private readonly CallMappingOptions _options;
    private readonly int[] _statusByCause = new int[128];
    private readonly byte[] _causeByStatus = new byte[MaxStatus + 1];
    private readonly bool[] _statusListed = new bool[MaxStatus + 1];
    private readonly string[] _reasonByCause = new string[128];
    private readonly string _isupContentType;

    /// <summary>Creates the mapping.</summary>
    /// <exception cref="ArgumentException">An override names a cause outside 1–127, a status outside 300–699 or a cause of 0.</exception>
    public CallMapping(CallMappingOptions? options = null)
    {
        _options = options ?? CallMappingOptions.Default;
        for (int cause = 0; cause < _statusByCause.Length; cause++)
        {
            _statusByCause[cause] = Rfc3398Tables.StatusForCauseClass(cause);
            string? name = Q850CauseNames.Get(cause);
            _reasonByCause[cause] = name is null ? $"Q.850;cause={cause}" : new ReasonValue(ReasonValue.Q850Protocol, cause, name).ToString();
        }

        foreach ((byte cause, int status) in Rfc3398Tables.CauseToStatus)
        {
            _statusByCause[cause] = status;
        }

        foreach ((byte cause, int status) in _options.CauseToStatusOverrides)
        {
            if (cause is 0 or > 127 || status is < 300 or > MaxStatus)
            {
                throw new ArgumentException($"Cause {cause} → status {status}: a cause is 1–127 and a final failure status 300–699.", nameof(options));
            }

            _statusByCause[cause] = status;
        }

        Array.Fill(_causeByStatus, CheckCause(_options.UnlistedStatusCause, nameof(CallMappingOptions.UnlistedStatusCause)));
        foreach ((int status, byte cause) in Rfc3398Tables.StatusToCause)
        {
            _causeByStatus[status] = cause;
            _statusListed[status] = true;
        }

        foreach ((int status, byte cause) in _options.StatusToCauseOverrides)
        {
            if (status is < 100 or > MaxStatus)
            {
                throw new ArgumentException($"Status {status} → cause {cause}: a status is 100–699.", nameof(options));
            }

            _causeByStatus[status] = CheckCause(cause, nameof(CallMappingOptions.StatusToCauseOverrides));
            _statusListed[status] = true;
        }

        CheckCause(_options.CancelWithoutReasonCause, nameof(CallMappingOptions.CancelWithoutReasonCause));
        CheckCause(_options.CancelCompletedElsewhereCause, nameof(CallMappingOptions.CancelCompletedElsewhereCause));
        CheckCause(_options.ByeWithoutReasonCause, nameof(CallMappingOptions.ByeWithoutReasonCause));
        if (_options.CancelUnlistedStatusCause is { } cancelUnlisted)
        {
            CheckCause(cancelUnlisted, nameof(CallMappingOptions.CancelUnlistedStatusCause));
        }

        var contentType = new StringBuilder("application/ISUP;version=").Append(_options.IsupBodyVersion);
        if (_options.IsupBodyBase is { } isupBase)
        {
            contentType.Append(";base=").Append(isupBase);
        }

        _isupContentType = contentType.ToString();
    }

    // ---- SIP → ISUP ----

    /// <inheritdoc/>
    public bool TryBuildIam(SipMessage invite, out IsupMessage iam, out int refusalStatus)
    {
        ArgumentNullException.ThrowIfNull(invite);
        iam = null!;
        if (!TryGetCalledNumber(invite, out NatureOfAddress calledNature, out string calledSignals))
        {
            refusalStatus = _options.NoCalledNumberStatus;
            return false;
        }

        refusalStatus = 0;
        iam = new IsupMessage(IsupMessageType.IAM);
        iam.Add(new NatureOfConnectionIndicators
        {
            SatelliteCircuits = 0,
            ContinuityCheck = ContinuityCheck.NotRequired,
            EchoControlDeviceIncluded = _options.EchoControlDeviceIncluded,
        });
        iam.Add(new ForwardCallIndicators
        {
            InternationalCall = false,
            EndToEndMethod = EndToEndMethod.None,
            InterworkingEncountered = true,
            IsupUsedAllTheWay = false,
            IsupPreference = IsupPreference.NotRequiredAllTheWay,
            OriginatingAccessIsdn = false,
            SccpMethod = SccpMethod.NoIndication,
        });
        iam.Add(new CallingPartysCategory(_options.CallingPartysCategory));
        iam.Add(new TransmissionMediumRequirement(SessionMedia.RequirementOf(invite)));
        iam.Add(new CalledPartyNumber(calledNature, _options.CalledNumberEndOfPulsing ? calledSignals + "F" : calledSignals));
        if (TryGetCallingNumber(invite, out CallingPartyNumber calling))
        {
            iam.Add(calling);
        }

        if (TryGetUserToUser(invite, out UserToUserInformation uui))
        {
            iam.Add(uui);
        }

        return true;
    }

    /// <inheritdoc/>
    public string? CalledDigits(SipMessage invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        return TryGetCalledNumber(invite, out NatureOfAddress nature, out string signals)
            ? TelephoneNumbers.ToDialString(nature, signals, escapeHash: false)
            : null;
    }

    /// <inheritdoc/>
    public int ProgressStatusFor(IsupMessage acmOrCpg)
    {
        ArgumentNullException.ThrowIfNull(acmOrCpg);
        switch (acmOrCpg.Type)
        {
            case IsupMessageType.ACM:
                return acmOrCpg.TryGet(out BackwardCallIndicators indicators) && indicators.CalledPartyStatus == CalledPartyStatus.SubscriberFree ? 180 : 183;
            case IsupMessageType.CPG when acmOrCpg.TryGet(out EventInformation information):
                return information.Indicator switch
                {
                    EventIndicator.Alerting => 180,
                    EventIndicator.Progress or EventIndicator.InBandInformationAvailable => 183,
                    EventIndicator.ForwardedOnBusy or EventIndicator.ForwardedOnNoReply or EventIndicator.ForwardedUnconditional => 181,
                    _ => 0,
                };
            default:
                return 0;
        }
    }

    /// <inheritdoc/>
    public int StatusForCause(byte cause) => _statusByCause[cause & 0x7F];

    /// <inheritdoc/>
    public byte CauseForCancel(IReadOnlyList<ReasonValue> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        if (TryGetQ850Cause(reasons, out byte q850))
        {
            return q850;
        }

        for (int i = 0; i < reasons.Count; i++)
        {
            ReasonValue reason = reasons[i];
            if (!reason.IsSip)
            {
                continue;
            }

            if (reason.Cause == 200 || (reason.Cause is null && IsCompletedElsewhere(reason.Text)))
            {
                return _options.CancelCompletedElsewhereCause;
            }

            if (reason.Cause is int status)
            {
                return IsListedStatus(status) ? _causeByStatus[status] : _options.CancelUnlistedStatusCause ?? _options.UnlistedStatusCause;
            }
        }

        return _options.CancelWithoutReasonCause;
    }

    /// <inheritdoc/>
    public byte CauseForBye(IReadOnlyList<ReasonValue> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return TryGetQ850Cause(reasons, out byte cause) ? cause : _options.ByeWithoutReasonCause;
    }

    /// <inheritdoc/>
    public string ReasonFor(byte cause) => _reasonByCause[cause & 0x7F];

    // ---- ISUP → SIP ----

    /// <inheritdoc/>
    public string? CalledDigits(IsupMessage iam)
    {
        ArgumentNullException.ThrowIfNull(iam);
        return iam.TryGet(out CalledPartyNumber called) ? TelephoneNumbers.ToDialString(called.NatureOfAddress, called.Digits, escapeHash: false) : null;
    }

    /// <inheritdoc/>
    public MappedInvite BuildInvite(IsupMessage iam, string trunkHost, string localHost)
    {
        ArgumentNullException.ThrowIfNull(iam);
        ArgumentException.ThrowIfNullOrEmpty(trunkHost);
        ArgumentException.ThrowIfNullOrEmpty(localHost);

        string? calledUser = iam.TryGet(out CalledPartyNumber called)
            ? TelephoneNumbers.ToDialString(called.NatureOfAddress, called.Digits, escapeHash: true)
            : null;
        if (calledUser is null)
        {
            throw new ArgumentException("The IAM has no called party number with digits.", nameof(iam));
        }

        string requestUri = $"sip:{calledUser}@{trunkHost};user=phone";
        var headers = new List<SipHeader>(3);
        string from = AnonymousFrom;
        if (iam.TryGet(out CallingPartyNumber calling)
            && calling.Presentation is AddressPresentation.Allowed or AddressPresentation.Restricted
            && TelephoneNumbers.ToDialString(calling.NatureOfAddress, calling.Digits, escapeHash: true) is { } callingUser)
        {
            string identity = $"<sip:{callingUser}@{localHost};user=phone>";
            bool restricted = calling.Presentation == AddressPresentation.Restricted;
            if (!restricted)
            {
                from = identity;
            }

            // RFC 3325 §9.1: only an identity the network vouches for is asserted; Privacy: id keeps it in the trust domain.
            if (calling.Screening is ScreeningIndicator.NetworkProvided or ScreeningIndicator.UserProvidedVerifiedAndPassed)
            {
                headers.Add(new SipHeader("P-Asserted-Identity", identity));
                if (restricted)
                {
                    headers.Add(new SipHeader("Privacy", "id"));
                }
            }
        }

        if (iam.TryGet(out UserToUserInformation uui))
        {
            headers.Add(new SipHeader(UserToUserName, UserToUserHeader.Format(uui.Value.Span)));
        }

        return new MappedInvite(requestUri, from, $"<{requestUri}>", headers);
    }

    /// <inheritdoc/>
    public byte CauseForStatus(int status, IReadOnlyList<ReasonValue> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        if (TryGetQ850Cause(reasons, out byte cause))
        {
            return cause;
        }

        return (uint)status <= MaxStatus ? _causeByStatus[status] : _options.UnlistedStatusCause;
    }

    // ---- Mid-call user-to-user information ----

    /// <inheritdoc/>
    public bool TryUsrFromInfo(SipMessage info, out IsupMessage usr, out int status)
    {
        ArgumentNullException.ThrowIfNull(info);
        usr = null!;
        status = 200;
        ReadOnlySpan<byte> body = info.Body;
        bool handlingRequired = false;
        if (!body.IsEmpty)
        {
            handlingRequired = IsHandlingRequired(info.GetHeaderValue(SipHeaderName.ContentDisposition), info.Contains(SipHeaderName.ContentDisposition));
            if (MediaType.TryParse(info.GetHeaderValue(SipHeaderName.ContentType), out MediaType? type))
            {
                if (type.Is("application", "ISUP"))
                {
                    if (TryDecodeUsr(body, out usr))
                    {
                        return true;
                    }
                }
                else if (type.IsMultipart && type.Boundary is { } boundary && TryUsrFromParts(body, boundary, ref handlingRequired, out usr))
                {
                    return true;
                }
            }
        }

        if (TryGetUserToUser(info, out UserToUserInformation uui))
        {
            usr = new IsupMessage(IsupMessageType.USR).Add(uui);
            return true;
        }

        status = handlingRequired ? 415 : 200;
        return false;
    }

    /// <inheritdoc/>
    public MappedInfo InfoFromUsr(IsupMessage usr)
    {
        ArgumentNullException.ThrowIfNull(usr);
        if (usr.Type != IsupMessageType.USR)
        {
            throw new ArgumentException($"A USR is expected, not {usr.Type}.", nameof(usr));
        }

        // The SIP body has no CIC (RFC 3204 §3): re-encode a copy without it rather than change the caller's message.
        IsupMessage body = usr;
        if (usr.Cic.HasValue)
        {
            body = new IsupMessage(usr.Type);
            foreach (IsupParameter parameter in usr.Parameters)
            {
                body.Add(parameter);
            }
        }

        var headers = new List<SipHeader>(2) { new("Content-Disposition", "signal;handling=optional") };
        if (usr.TryGet(out UserToUserInformation uui))
        {
            headers.Add(new SipHeader(UserToUserName, UserToUserHeader.Format(uui.Value.Span)));
        }

        return new MappedInfo(_isupContentType, body.Encode(), headers);
    }

    // ---- Helpers ----

    private bool TryGetCalledNumber(SipMessage invite, out NatureOfAddress nature, out string signals)
    {
        nature = default;
        signals = string.Empty;
        return SipUri.TryParseRequestUri(invite.RequestUri, out SipUri? uri)
            && TelephoneNumbers.NumberOf(uri, _options.AcceptDialStringUser) is { } number
            && TelephoneNumbers.TryToAddressSignals(number, _options, out nature, out signals);
    }

    private bool TryGetCallingNumber(SipMessage invite, out CallingPartyNumber calling)
    {
        calling = default;
        ScreeningIndicator screening = ScreeningIndicator.NetworkProvided;
        string? number = null;
        if (invite.TryGetHeaderValue(SipHeaderName.PAssertedIdentity, out ReadOnlySpan<byte> assertedValue))
        {
            var identities = new List<NameAddress>(2);
            if (NameAddress.TryParseList(assertedValue, identities))
            {
                foreach (NameAddress identity in identities)
                {
                    if ((number = TelephoneNumbers.NumberOf(identity.Uri, _options.AcceptDialStringUser)) is not null)
                    {
                        break;
                    }
                }
            }
        }

        if (number is null)
        {
            screening = _options.FromScreening;
            if (NameAddress.TryParse(invite.GetHeaderValue(SipHeaderName.From), out NameAddress? from))
            {
                number = TelephoneNumbers.NumberOf(from.Uri, _options.AcceptDialStringUser);
            }
        }

        if (number is null || !TelephoneNumbers.TryToAddressSignals(number, _options, out NatureOfAddress nature, out string signals))
        {
            return false;
        }

        AddressPresentation presentation = AddressPresentation.Allowed;
        if (invite.TryGetHeaderValue(SipHeaderName.Privacy, out ReadOnlySpan<byte> privacyValue)
            && PrivacyHeader.TryParse(privacyValue, out PrivacyHeader? privacy)
            && (privacy.Values & (PrivacyValues.Id | PrivacyValues.User)) != 0)
        {
            presentation = AddressPresentation.Restricted;
        }

        calling = new CallingPartyNumber(nature, signals, presentation, screening);
        return true;
    }

    /// <inheritdoc/>
    public bool TryUserToUser(string? headerValue, out UserToUserInformation uui)
    {
        uui = default;
        return headerValue is not null && TryParseUserToUser(System.Text.Encoding.UTF8.GetBytes(headerValue), out uui);
    }

    /// <inheritdoc/>
    public IReadOnlyList<SipHeader> UserToUserHeaders(IsupMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.TryGet(out UserToUserInformation uui)
            ? [new SipHeader(UserToUserName, UserToUserHeader.Format(uui.Value.Span))]
            : [];
    }

    private static bool TryGetUserToUser(SipMessage message, out UserToUserInformation uui) =>
        TryParseUserToUser(message.GetHeaderValue("User-to-User"u8), out uui);

    private static bool TryParseUserToUser(ReadOnlySpan<byte> value, out UserToUserInformation uui)
    {
        uui = default;
        if (value.IsEmpty)
        {
            return false;
        }

        var values = new List<UserToUserHeader>(1);
        if (!UserToUserHeader.TryParseList(value, values))
        {
            return false;
        }

        foreach (UserToUserHeader header in values)
        {
            // RFC 7434: the ISDN package (purpose isdn-uui, the default when absent) carries the Q.931 user-user IE
            // from the protocol discriminator on, exactly the ISUP parameter's value (1–129 octets).
            if ((header.Purpose is null || header.Purpose.Equals("isdn-uui", StringComparison.OrdinalIgnoreCase))
                && header.Data is { } data
                && UserToUserInformation.TryParse(data.Span, out uui))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDecodeUsr(ReadOnlySpan<byte> body, out IsupMessage usr)
    {
        if (IsupMessage.TryDecode(body, IsupBodyForm.ApplicationIsup, out IsupMessage? message) == IsupError.None
            && message!.Type == IsupMessageType.USR)
        {
            usr = message;
            return true;
        }

        usr = null!;
        return false;
    }

    private static bool TryUsrFromParts(ReadOnlySpan<byte> body, string boundary, ref bool handlingRequired, out IsupMessage usr)
    {
        usr = null!;
        var parts = new List<BodyPart>(2);
        if (!MultipartBody.TryParse(body, boundary, parts))
        {
            return false;
        }

        handlingRequired = false;
        foreach (BodyPart part in parts)
        {
            if (part.ContentType?.Is("application", "ISUP") == true && TryDecodeUsr(part.Content.Span, out usr))
            {
                return true;
            }

            handlingRequired |= part.ContentDisposition?.IsHandlingRequired ?? true;
        }

        return false;
    }

    // RFC 3261 §20.11: without a handling parameter (or without the header) the body is required.
    private static bool IsHandlingRequired(ReadOnlySpan<byte> value, bool present) =>
        !present || !ContentDispositionHeader.TryParse(value, out ContentDispositionHeader? disposition) || disposition.IsHandlingRequired;

    private static bool TryGetQ850Cause(IReadOnlyList<ReasonValue> reasons, out byte cause)
    {
        for (int i = 0; i < reasons.Count; i++)
        {
            if (reasons[i] is { IsQ850: true, Cause: int value and >= 1 and <= 127 })
            {
                cause = (byte)value;
                return true;
            }
        }

        cause = 0;
        return false;
    }

    private static bool IsCompletedElsewhere(string? text) =>
        text is not null && text.Trim().Equals("call completed elsewhere", StringComparison.OrdinalIgnoreCase);

    private bool IsListedStatus(int status) => (uint)status <= MaxStatus && _statusListed[status];

    private static byte CheckCause(byte cause, string name) =>
        cause is >= 1 and <= 127 ? cause : throw new ArgumentException($"{name}: a Q.850 cause is 1–127, not {cause}.", nameof(CallMappingOptions));
}
