namespace Gateway.Isup.Tests;

public sealed class MessageTypeTests
{
    [Theory]
    [InlineData(IsupMessageType.IAM, 0x01)]
    [InlineData(IsupMessageType.REL, 0x0C)]
    [InlineData(IsupMessageType.RLC, 0x10)]
    [InlineData(IsupMessageType.GRS, 0x17)]
    [InlineData(IsupMessageType.CPG, 0x2C)]
    [InlineData(IsupMessageType.USR, 0x2D)]
    [InlineData(IsupMessageType.CFN, 0x2F)]
    [InlineData(IsupMessageType.APM, 0x41)]
    public void Codes_are_those_of_Q763_table_4(IsupMessageType type, byte code) => Assert.Equal(code, (byte)type);
}
