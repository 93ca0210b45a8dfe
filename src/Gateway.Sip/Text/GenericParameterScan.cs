namespace Gateway.Sip;

/// <summary>The outcome of reading one <c>SEMI generic-param</c>.</summary>
internal enum GenericParameterScan
{
    /// <summary>There is no further semicolon: the parameter list has ended.</summary>
    End = 0,

    /// <summary>A parameter was read.</summary>
    Parsed,

    /// <summary>A semicolon was followed by something that is not a parameter.</summary>
    Invalid,
}
