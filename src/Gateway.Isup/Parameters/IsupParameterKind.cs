namespace Gateway.Isup;

/// <summary>Which part of a message a parameter occupies; the same code can be mandatory in one type and optional in another.</summary>
public enum IsupParameterKind : byte
{
    /// <summary>Mandatory fixed part: neither code nor length on the wire.</summary>
    MandatoryFixed = 0,

    /// <summary>Mandatory variable part: reached through a pointer, with a length indicator.</summary>
    MandatoryVariable = 1,

    /// <summary>Optional part: code, length indicator, value.</summary>
    Optional = 2,
}
