namespace Gateway.Isup;

/// <summary>
/// One slot of a message's mandatory fixed part: Q.763 gives these neither a code nor a length on the wire, so the
/// format table supplies both.
/// </summary>
public readonly record struct IsupFixedParameter(IsupParameterCode Code, byte Length);
