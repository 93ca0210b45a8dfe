namespace Gateway.Fsm;

/// <summary>
/// A trigger that carries one typed argument, returned by
/// <see cref="StateMachineBuilder{TState, TTrigger, TContext}.SetTriggerParameter{TArg}(TTrigger)"/>
/// (the counterpart of Stateless's <c>SetTriggerParameters&lt;T&gt;</c>). Fire it with
/// <see cref="StateMachine{TState, TTrigger, TContext}.Fire{TArg}(TContext, TriggerWithParameter{TTrigger, TArg}, in TArg)"/>;
/// the argument flows to guards and actions by reference, never boxed.
/// </summary>
/// <typeparam name="TTrigger">The trigger enum.</typeparam>
/// <typeparam name="TArg">The argument type; a struct is passed by <c>in</c> reference.</typeparam>
public sealed class TriggerWithParameter<TTrigger, TArg>
    where TTrigger : struct, Enum
{
    internal TriggerWithParameter(TTrigger trigger, object owner)
    {
        Trigger = trigger;
        Owner = owner;
    }

    /// <summary>The underlying trigger value.</summary>
    public TTrigger Trigger { get; }

    /// <summary>The builder that declared the parameter: a trigger object belongs to one machine.</summary>
    internal object Owner { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Trigger}({typeof(TArg).Name})";
}
