namespace Gateway.Isup;

/// <summary>
/// The one exception the ISUP codec's convenience methods throw for bad input: the Try methods return the same
/// <see cref="IsupError"/> without throwing, for receive paths where malformed traffic is expected.
/// </summary>
public sealed class IsupFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="error"/>, found at <paramref name="offset"/> (-1 when unknown).</summary>
    public IsupFormatException(IsupError error, int offset = -1, IsupParameterCode? parameter = null)
        : base(Format(error, offset, parameter))
    {
        Error = error;
        Offset = offset;
        Parameter = parameter;
    }

    /// <summary>The defect.</summary>
    public IsupError Error { get; }

    /// <summary>Offset of the defect from the start of the input, or -1.</summary>
    public int Offset { get; }

    /// <summary>The parameter the defect concerns, where there is one.</summary>
    public IsupParameterCode? Parameter { get; }

    private static string Format(IsupError error, int offset, IsupParameterCode? parameter)
    {
        string text = IsupErrors.Describe(error);
        if (parameter is { } code)
        {
            text += $" ({IsupParameterNames.GetName(code)}, code 0x{(byte)code:x2})";
        }

        return offset >= 0 ? $"{text} at octet {offset}" : text;
    }
}
