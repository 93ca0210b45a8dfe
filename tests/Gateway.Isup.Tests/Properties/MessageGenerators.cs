using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Isup.Tests.Properties;

/// <summary>
/// FsCheck generators for ISUP messages of every type: the type's format decides which parameters come, each value
/// is random within what Q.763 allows for its code (<see cref="IsupParameterRules"/>), optional parts mix known and
/// unknown codes, and types without a format get a random unparsed body.
/// </summary>
public static class MessageGenerators
{
    private static readonly IsupParameterCode[] OptionalPool =
    [
        IsupParameterCode.CallingPartyNumber, IsupParameterCode.GenericNumber, IsupParameterCode.RedirectingNumber,
        IsupParameterCode.OriginalCalledNumber, IsupParameterCode.RedirectionInformation, IsupParameterCode.UserServiceInformation,
        IsupParameterCode.AccessTransport, IsupParameterCode.UserToUserIndicators, IsupParameterCode.UserToUserInformation,
        IsupParameterCode.HopCounter, IsupParameterCode.CauseIndicators, IsupParameterCode.OptionalBackwardCallIndicators,
        IsupParameterCode.BackwardCallIndicators, IsupParameterCode.AutomaticCongestionLevel, IsupParameterCode.ApplicationTransport,
        IsupParameterCode.MessageCompatibilityInformation, IsupParameterCode.CallReference, IsupParameterCode.LocationNumber,
        (IsupParameterCode)0x9E, (IsupParameterCode)0xFE, (IsupParameterCode)0x5F,
    ];

    public static Gen<byte> Octet { get; } = Gen.Choose(0, 255).Select(i => (byte)i);

    public static Gen<byte[]> Octets(int min, int max) =>
        from length in Gen.Choose(min, max)
        from bytes in Gen.ArrayOf(Octet, length)
        select bytes;

    /// <summary>A value Q.763 allows for <paramref name="code"/>, at most about 40 octets.</summary>
    public static Gen<byte[]> Value(IsupParameterCode code)
    {
        int min = IsupParameterRules.GetMinimumLength(code);
        int max = Math.Min(IsupParameterRules.GetMaximumLength(code), Math.Max(min, 0) + 40);
        return Octets(min, max).Where(v => IsupParameterRules.Check(code, v) == IsupError.None);
    }

    public static Gen<int?> Cic { get; } = Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(0, 4095).Select(c => (int?)c));

    public static Gen<IsupMessage> Message { get; } =
        from code in Gen.Frequency((6, Gen.Elements(FormattedTypes())), (1, Octet))
        from cic in Cic
        from spare in Gen.Choose(0, 15)
        from message in ForType((IsupMessageType)code, cic, cic.HasValue ? (byte)spare : (byte)0)
        select message;

    private static byte[] FormattedTypes()
    {
        var codes = new List<byte>();
        for (int c = 0; c < 256; c++) if (IsupMessageFormats.TryGet((byte)c, out _)) codes.Add((byte)c);
        return codes.ToArray();
    }

    private static Gen<IsupMessage> ForType(IsupMessageType type, int? cic, byte spare)
    {
        var format = IsupMessageFormats.Get(type);
        if (format is null)
        {
            return Octets(0, 30).Select(body => new IsupMessage(type, cic, spare) { UnparsedBody = body });
        }

        var mandatory = new List<Gen<IsupParameter>>();
        foreach (var slot in format.FixedParameters)
        {
            var code = slot.Code;
            mandatory.Add(Octets(slot.Length, slot.Length).Where(v => IsupParameterRules.Check(code, v) == IsupError.None)
                .Select(v => new IsupParameter(code, IsupParameterKind.MandatoryFixed, v)));
        }
        foreach (var variable in format.VariableParameters)
        {
            var code = variable;
            mandatory.Add(Value(code).Select(v => new IsupParameter(code, IsupParameterKind.MandatoryVariable, v)));
        }

        Gen<IsupParameter[]> optional = format.HasOptionalPart
            ? from count in Gen.Choose(0, 6)
              from parameters in Gen.ArrayOf(from code in Gen.Elements(OptionalPool)
                                                    from value in Value(code)
                                                    select new IsupParameter(code, IsupParameterKind.Optional, value), count)
              select parameters
            : Gen.Constant(Array.Empty<IsupParameter>());

        return from fixedAndVariable in Gen.CollectToArray(mandatory, g => g)
               from optionals in optional
               select Build(type, cic, spare, fixedAndVariable.Concat(optionals));
    }

    private static IsupMessage Build(IsupMessageType type, int? cic, byte spare, IEnumerable<IsupParameter> parameters)
    {
        var message = new IsupMessage(type, cic, spare);
        foreach (var p in parameters) message.Add(p);
        return message;
    }
}
