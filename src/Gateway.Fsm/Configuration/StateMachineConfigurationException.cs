namespace Gateway.Fsm;

/// <summary>
/// Thrown by <see cref="StateMachineBuilder{TState, TTrigger, TContext}.Build"/> when the configuration is
/// invalid: every problem found is listed in <see cref="Errors"/> and in the message.
/// </summary>
public sealed class StateMachineConfigurationException : Exception
{
    /// <summary>Creates the exception from the list of configuration errors.</summary>
    /// <param name="machineName">A name for the machine, used in the message.</param>
    /// <param name="errors">One message per configuration error.</param>
    public StateMachineConfigurationException(string machineName, IReadOnlyList<string> errors)
        : base(FormatMessage(machineName, errors))
    {
        Errors = errors;
    }

    /// <summary>One message per configuration error, in a stable order.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string FormatMessage(string machineName, IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"State machine '{machineName}' is misconfigured ({errors.Count} error(s)):\n  - " +
            string.Join("\n  - ", errors);
    }
}
