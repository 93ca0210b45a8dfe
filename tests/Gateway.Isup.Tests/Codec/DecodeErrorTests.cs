namespace Gateway.Isup.Tests.Codec;

/// <summary>Each structural defect is reported as its own error, with where it is, and never as an exception from the Try path.</summary>
public sealed class DecodeErrorTests
{
    [Theory]
    [InlineData("", IsupError.Empty, 0)]
    [InlineData("0100", IsupError.Empty, 2)]
    [InlineData("010001", IsupError.Truncated, 3)]                  // IAM without its fixed part
    [InlineData("01000c02", IsupError.Truncated, 4)]                // REL with one of its two pointers
    [InlineData("01000c00000282" + "90", IsupError.MandatoryParameterMissing, 3)]
    [InlineData("01000c01000282" + "90", IsupError.PointerOutOfRange, 3)]  // into the pointer octets
    [InlineData("01000c09000282" + "90", IsupError.PointerOutOfRange, 3)]  // past the end
    [InlineData("01000c02000382" + "90", IsupError.LengthExceedsMessage, 5)]
    [InlineData("01000c0200028290" + "ff", IsupError.TrailingData, 8)]
    [InlineData("01001300", IsupError.TrailingData, 3)]             // BLO has no optional part
    [InlineData("0100090112020010" + "00", IsupError.InvalidParameterContent, 6)] // octet 1 announces octet 1a: no room for the cause value
    [InlineData("010009011202829" + "0", IsupError.MissingEndOfOptionalParameters, 8)]
    [InlineData("0100090111039000", IsupError.LengthExceedsMessage, 5)]  // BCI longer than what is left
    [InlineData("01000901110116" + "00", IsupError.InvalidParameterLength, 6)]     // 1 octet of backward call indicators
    [InlineData("0100090105", IsupError.MissingEndOfOptionalParameters, 5)]
    [InlineData("010009050011", IsupError.PointerOutOfRange, 3)]   // optional part pointer beyond the end
    [InlineData("010001000000000002" + "00" + "02" + "8010", IsupError.InvalidParameterContent, 11)] // odd called number without digits
    public void Defect(string hex, IsupError error, int offset)
    {
        byte[] bytes = Convert.FromHexString(hex);
        Assert.Equal(error, IsupMessage.TryDecode(bytes, IsupBodyForm.Mtp3UserData, out var message, out int at, out _));
        Assert.Null(message);
        Assert.Equal(offset, at);
        var exception = Assert.Throws<IsupFormatException>(() => IsupMessage.Decode(bytes, IsupBodyForm.Mtp3UserData));
        Assert.Equal(error, exception.Error);
        Assert.Contains(IsupErrors.Describe(error), exception.Message);
    }

    [Fact]
    public void The_reader_reports_the_defect_before_yielding_any_parameter()
    {
        // A valid IAM fixed part followed by a broken optional part: nothing is yielded, not even the fixed parameters.
        var reader = new IsupReader(Convert.FromHexString("0100011020010a000205" + "0303801090" + "0a0203"), IsupBodyForm.Mtp3UserData);
        Assert.Equal(IsupError.LengthExceedsMessage, reader.Error);
        Assert.False(reader.Read());
        Assert.Equal(0, reader.ParameterCount);
    }
}
