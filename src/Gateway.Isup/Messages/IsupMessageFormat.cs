namespace Gateway.Isup;

/// <summary>
/// The layout of one message type (Q.763 Tables 32–53): its mandatory fixed parameters with their lengths, its
/// mandatory variable parameters in pointer order, and whether it has a pointer to an optional part. One generic
/// reader and one generic writer follow this description, so adding a message type is adding a row.
/// </summary>
public sealed class IsupMessageFormat
{
    private readonly IsupFixedParameter[] _fixed;
    private readonly IsupParameterCode[] _variable;

    /// <summary>Describes a layout; <see cref="IsupMessageFormats"/> holds Q.763's.</summary>
    public IsupMessageFormat(IsupMessageType type, IsupFixedParameter[] fixedParameters, IsupParameterCode[] variableParameters, bool hasOptionalPart)
    {
        ArgumentNullException.ThrowIfNull(fixedParameters);
        ArgumentNullException.ThrowIfNull(variableParameters);
        Type = type;
        _fixed = fixedParameters;
        _variable = variableParameters;
        HasOptionalPart = hasOptionalPart;
        int length = 0;
        foreach (var slot in fixedParameters)
        {
            length += slot.Length;
        }

        FixedPartLength = length;
    }

    /// <summary>
    /// The layout Q.764 §2.9.5.3 assumes for a message type it does not recognise, and the one every message type
    /// added since 1992 follows: no mandatory parameter, only an optional part, so that its message compatibility
    /// information parameter can be found.
    /// </summary>
    public static IsupMessageFormat OptionalPartOnly { get; } = new(0, [], [], hasOptionalPart: true);

    /// <summary>The message type this layout is for (0 for <see cref="OptionalPartOnly"/>).</summary>
    public IsupMessageType Type { get; }

    /// <summary>The mandatory fixed parameters, in wire order.</summary>
    public ReadOnlySpan<IsupFixedParameter> FixedParameters => _fixed;

    /// <summary>The mandatory variable parameters, in pointer order.</summary>
    public ReadOnlySpan<IsupParameterCode> VariableParameters => _variable;

    /// <summary>Whether a pointer to the optional part follows the mandatory variable pointers.</summary>
    public bool HasOptionalPart { get; }

    /// <summary>Sum of the fixed parameters' lengths.</summary>
    public int FixedPartLength { get; }

    /// <summary>Number of pointer octets: one per mandatory variable parameter, plus one for the optional part.</summary>
    public int PointerCount => _variable.Length + (HasOptionalPart ? 1 : 0);

    /// <summary>Number of mandatory parameters, fixed and variable.</summary>
    public int MandatoryCount => _fixed.Length + _variable.Length;

    /// <summary>The index of <paramref name="code"/> among the fixed parameters, or -1.</summary>
    public int IndexOfFixed(IsupParameterCode code)
    {
        for (int i = 0; i < _fixed.Length; i++)
        {
            if (_fixed[i].Code == code)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of <paramref name="code"/> among the variable parameters, or -1.</summary>
    public int IndexOfVariable(IsupParameterCode code) => Array.IndexOf(_variable, code);
}
