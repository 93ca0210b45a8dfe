using Gateway.Isup;

namespace Gateway.Isup.Tests.Signals;

/// <summary>Field-by-field comparison of signals, with the messages they carry compared by their octets.</summary>
internal static class SignalAssert
{
    /// <summary>Every field the procedures read is the same; a carried message has the same type and parameters (its CIC is the signal's).</summary>
    public static void SameFields(in IsupSignal expected, in IsupSignal actual)
    {
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Cic, actual.Cic);
        Assert.Equal(expected.Cause, actual.Cause);
        Assert.Equal(expected.Range, actual.Range);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.SupervisionType, actual.SupervisionType);
        Assert.Equal(expected.NetworkInitiated, actual.NetworkInitiated);
        Assert.Equal(expected.CircuitStates.ToArray(), actual.CircuitStates.ToArray());
        Assert.Equal(expected.Compatibility.IsPresent, actual.Compatibility.IsPresent);
        Assert.Equal(expected.Compatibility.InstructionIndicators, actual.Compatibility.InstructionIndicators);
        Assert.Equal(expected.ParameterCompatibility, actual.ParameterCompatibility);
        Assert.Equal(expected.UnrecognisedParameter, actual.UnrecognisedParameter);
        if (expected.Message is IsupMessage message)
        {
            IsupMessage received = Assert.IsType<IsupMessage>(actual.Message);
            SameContent(message, received);
            Assert.Equal(actual.Cic, received.Cic);
        }
    }

    /// <summary>Same type and the same parameters in the same order, whatever the CICs.</summary>
    public static void SameContent(IsupMessage expected, IsupMessage actual)
    {
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Parameters.Count, actual.Parameters.Count);
        for (int i = 0; i < expected.Parameters.Count; i++)
        {
            Assert.Equal(expected.Parameters[i], actual.Parameters[i]);
        }
    }

    /// <summary>Encodes with the bridge, failing the test on a fault.</summary>
    public static byte[] Encode(in IsupSignal signal)
    {
        byte[] buffer = new byte[IsupSignalCodec.DefaultBufferSize];
        IsupSignalResult result = IsupSignalCodec.TryEncode(in signal, buffer, out int written);
        Assert.True(result.Succeeded, $"{signal}: {result}");
        return buffer[..written];
    }

    /// <summary>Decodes with the bridge, failing the test on a fault.</summary>
    public static IsupSignal Decode(byte[] bytes)
    {
        IsupSignalResult result = IsupSignalCodec.TryDecode(bytes, out IsupSignal signal);
        Assert.True(result.Succeeded, $"{Convert.ToHexStringLower(bytes)}: {result}");
        return signal;
    }
}
