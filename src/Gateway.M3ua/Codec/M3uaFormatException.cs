namespace Gateway.M3ua;

/// <summary>
/// The one exception the M3UA codec's convenience methods throw for bad input: the Try methods return the same
/// <see cref="M3uaError"/> without throwing, for receive paths where malformed traffic is expected.
/// </summary>
public sealed class M3uaFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="error"/>, found at <paramref name="offset"/> (-1 when unknown).</summary>
    public M3uaFormatException(M3uaError error, int offset = -1, M3uaParameterTag? parameter = null)
        : base(Format(error, offset, parameter))
    {
        Error = error;
        Offset = offset;
        Parameter = parameter;
    }

    /// <summary>The defect.</summary>
    public M3uaError Error { get; }

    /// <summary>The Error Code to send the peer in ERR (<see cref="M3uaErrorCode.None"/> for encode defects).</summary>
    public M3uaErrorCode ErrorCode => M3uaErrors.ToErrorCode(Error);

    /// <summary>Offset of the defect from the start of the input, or -1.</summary>
    public int Offset { get; }

    /// <summary>The parameter the defect concerns, where there is one.</summary>
    public M3uaParameterTag? Parameter { get; }

    private static string Format(M3uaError error, int offset, M3uaParameterTag? parameter)
    {
        string text = M3uaErrors.Describe(error);
        if (parameter is { } tag)
        {
            text += $" ({M3uaParameterNames.GetName(tag)}, tag 0x{(ushort)tag:x4})";
        }

        if (offset >= 0)
        {
            text += $" at octet {offset}";
        }

        // The code the peer is owed, so a log line says what was (or should have been) answered.
        M3uaErrorCode code = M3uaErrors.ToErrorCode(error);
        return code == M3uaErrorCode.None ? text : $"{text}; ERR {M3uaErrorCodes.GetName(code)} (0x{(uint)code:x2})";
    }
}
