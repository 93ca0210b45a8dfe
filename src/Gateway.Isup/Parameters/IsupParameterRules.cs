using System.Runtime.CompilerServices;

namespace Gateway.Isup;

/// <summary>
/// The length limits and structure Q.763 §3 gives known parameters, checked on decode and on encode alike so that
/// the codec never writes what it would refuse to read. Only what makes a value unreadable is checked (a length
/// the format fixes, an odd digit count without digits, a broken extension chain); values Q.763 calls spare or
/// reserved pass, because judging them is the procedures' business (Q.764 §2.9.5), not the codec's.
/// Unknown codes are not checked at all: they are carried as they came.
/// </summary>
public static class IsupParameterRules
{
    private const byte NoCheck = 0;
    private const byte Number = 1;
    private const byte Cause = 2;
    private const byte Extended = 3;
    private const byte Application = 4;

    // Per code: minimum and maximum value length (0 = no maximum but the 255 of the length octet), structure check,
    // and for numbers the count of octets before the digits.
    private static readonly byte[] Minimum = new byte[256];
    private static readonly byte[] Maximum = new byte[256];
    private static readonly byte[] Structure = new byte[256];
    private static readonly byte[] NumberHeader = new byte[256];

    // A field initialiser rather than a static constructor keeps the type beforefieldinit, so the hot Check path
    // carries no class-initialisation check.
    private static readonly bool Built = Build();

    private static bool Build()
    {
        static void Exactly(IsupParameterCode code, byte length) => Range(code, length, length);
        static void Range(IsupParameterCode code, byte min, byte max, byte structure = NoCheck, byte header = 0)
        {
            Minimum[(byte)code] = min;
            Maximum[(byte)code] = max;
            Structure[(byte)code] = structure;
            NumberHeader[(byte)code] = header;
        }

        Exactly(IsupParameterCode.TransmissionMediumRequirement, 1);
        Exactly(IsupParameterCode.NatureOfConnectionIndicators, 1);
        Exactly(IsupParameterCode.ForwardCallIndicators, 2);
        Exactly(IsupParameterCode.OptionalForwardCallIndicators, 1);
        Exactly(IsupParameterCode.CallingPartysCategory, 1);
        Exactly(IsupParameterCode.InformationRequestIndicators, 2);
        Exactly(IsupParameterCode.InformationIndicators, 2);
        Exactly(IsupParameterCode.ContinuityIndicators, 1);
        Exactly(IsupParameterCode.BackwardCallIndicators, 2);
        Exactly(IsupParameterCode.CircuitGroupSupervisionMessageType, 1);
        Exactly(IsupParameterCode.FacilityIndicator, 1);
        Exactly(IsupParameterCode.ClosedUserGroupInterlockCode, 4);
        Exactly(IsupParameterCode.SuspendResumeIndicators, 1);
        Exactly(IsupParameterCode.EventInformation, 1);
        Exactly(IsupParameterCode.AutomaticCongestionLevel, 1);
        Exactly(IsupParameterCode.OptionalBackwardCallIndicators, 1);
        Exactly(IsupParameterCode.UserToUserIndicators, 1);
        Exactly(IsupParameterCode.OriginationIscPointCode, 2);
        Exactly(IsupParameterCode.PropagationDelayCounter, 2);
        Exactly(IsupParameterCode.TransmissionMediumUsed, 1);
        Exactly(IsupParameterCode.EchoControlInformation, 1);
        Exactly(IsupParameterCode.MlppPrecedence, 6);
        Exactly(IsupParameterCode.McidRequestIndicators, 1);
        Exactly(IsupParameterCode.McidResponseIndicators, 1);
        Exactly(IsupParameterCode.HopCounter, 1);
        Exactly(IsupParameterCode.TransmissionMediumRequirementPrime, 1);
        Exactly(IsupParameterCode.CallTransferReference, 1);

        Range(IsupParameterCode.RedirectionInformation, 1, 2);
        Range(IsupParameterCode.AccessTransport, 1, 0);
        Range(IsupParameterCode.UserToUserInformation, 1, 129);
        Range(IsupParameterCode.RangeAndStatus, 1, 33);
        Range(IsupParameterCode.CircuitStateIndicator, 1, 0);
        Range(IsupParameterCode.UserServiceInformation, 2, 0, Extended);
        Range(IsupParameterCode.UserServiceInformationPrime, 2, 0, Extended);
        Range(IsupParameterCode.UserTeleserviceInformation, 2, 3, Extended);
        Range(IsupParameterCode.GenericNotificationIndicator, 1, 0, Extended);
        Range(IsupParameterCode.MessageCompatibilityInformation, 1, 0, Extended);
        Range(IsupParameterCode.ParameterCompatibilityInformation, 2, 0);
        Range(IsupParameterCode.CauseIndicators, 2, 0, Cause);
        Range(IsupParameterCode.ApplicationTransport, 3, 0, Application);

        // Numbers: octet 1 carries the odd/even indicator; the generic number has its qualifier octet first and the
        // subsequent number has no second octet.
        foreach (var code in (ReadOnlySpan<IsupParameterCode>)[
            IsupParameterCode.CalledPartyNumber, IsupParameterCode.CallingPartyNumber, IsupParameterCode.RedirectingNumber,
            IsupParameterCode.RedirectionNumber, IsupParameterCode.ConnectedNumber, IsupParameterCode.OriginalCalledNumber,
            IsupParameterCode.LocationNumber, IsupParameterCode.CallTransferNumber, IsupParameterCode.CalledInNumber,
            IsupParameterCode.OriginalCalledInNumber, IsupParameterCode.CalledDirectoryNumber])
        {
            Range(code, 2, 0, Number, 2);
        }

        Range(IsupParameterCode.SubsequentNumber, 1, 0, Number, 1);
        Range(IsupParameterCode.GenericNumber, 3, 0, Number, 3);
        return true;
    }

    /// <summary>
    /// Checks <paramref name="value"/> against what Q.763 allows for <paramref name="code"/>:
    /// <see cref="IsupError.None"/>, <see cref="IsupError.InvalidParameterLength"/> or
    /// <see cref="IsupError.InvalidParameterContent"/>. Values longer than 255 octets are never valid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IsupError Check(IsupParameterCode code, ReadOnlySpan<byte> value)
    {
        int c = (byte)code;
        int length = value.Length;
        if ((uint)length > 255 || length < Minimum[c] || (Maximum[c] != 0 && length > Maximum[c]))
        {
            return IsupError.InvalidParameterLength;
        }

        return Structure[c] == NoCheck ? IsupError.None : CheckStructure(code, value);
    }

    private static IsupError CheckStructure(IsupParameterCode code, ReadOnlySpan<byte> value)
    {
        int c = (byte)code;
        return Structure[c] switch
        {
            Number => CheckNumber(value, NumberHeader[c]),
            Cause => CheckCause(value),
            Extended => SkipExtended(value, 0) > 0 ? IsupError.None : IsupError.InvalidParameterContent,
            Application => CheckApplicationTransport(value),
            _ => IsupError.None,
        };
    }

    /// <summary>The fewest value octets Q.763 allows for <paramref name="code"/> (0 for unknown codes).</summary>
    public static int GetMinimumLength(IsupParameterCode code) => Minimum[(byte)code];

    /// <summary>The most value octets Q.763 allows for <paramref name="code"/> (255 when only the length octet limits it).</summary>
    public static int GetMaximumLength(IsupParameterCode code) => Maximum[(byte)code] == 0 ? 255 : Maximum[(byte)code];

    // Odd means the last digit octet holds one digit and the filler; without any digit octet there is no digit to
    // hold, so the indicator and the length contradict each other.
    private static IsupError CheckNumber(ReadOnlySpan<byte> value, int header)
    {
        int oddOctet = header == 3 ? 1 : 0;
        bool odd = (value[oddOctet] & 0x80) != 0;
        return odd && value.Length == header ? IsupError.InvalidParameterContent : IsupError.None;
    }

    // Q.850 §2.1: octet 1 (ext 0 announces octet 1a, the recommendation), then the cause value octet.
    private static IsupError CheckCause(ReadOnlySpan<byte> value)
    {
        int causeOctet = (value[0] & 0x80) != 0 ? 1 : 2;
        return value.Length > causeOctet ? IsupError.None : IsupError.InvalidParameterContent;
    }

    // Q.763 §3.82: octet group 1 (application context identifier, 1 or 1a), group 2 (instruction indicators),
    // group 3 (SI and APM segmentation indicator, 3a the segmentation local reference), then the encapsulated
    // information. Each group runs to its first octet with the extension bit set.
    private static IsupError CheckApplicationTransport(ReadOnlySpan<byte> value)
    {
        int position = 0;
        for (int group = 0; group < 3; group++)
        {
            position = SkipExtended(value, position);
            if (position < 0)
            {
                return IsupError.InvalidParameterContent;
            }
        }

        return IsupError.None;
    }

    /// <summary>Skips one extension-bit octet group from <paramref name="start"/>: the position after it, or -1 if the value ends inside it.</summary>
    private static int SkipExtended(ReadOnlySpan<byte> value, int start)
    {
        for (int i = start; i < value.Length; i++)
        {
            if ((value[i] & 0x80) != 0)
            {
                return i + 1;
            }
        }

        return -1;
    }
}
