namespace Gateway.Isup;

/// <summary>Calling party's category (Q.763 §3.11), a mandatory fixed parameter of the IAM, 1 octet.</summary>
public readonly struct CallingPartysCategory : IIsupParameter<CallingPartysCategory>
{
    /// <summary>Creates the parameter.</summary>
    public CallingPartysCategory(CallingPartyCategoryValue value) => Value = value;

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.CallingPartysCategory;

    /// <summary>The category; any octet value is kept, named or not.</summary>
    public CallingPartyCategoryValue Value { get; }

    /// <inheritdoc/>
    public int EncodedLength => 1;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out CallingPartysCategory parameter)
    {
        parameter = value.Length == 1 ? new CallingPartysCategory((CallingPartyCategoryValue)value[0]) : default;
        return value.Length == 1;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[0] = (byte)Value;
        return 1;
    }
}
