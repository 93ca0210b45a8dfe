namespace Gateway.Fsm;

/// <summary>
/// The argument type of an argument-less Fire, so both Fire overloads share one generic core. Nothing ever
/// reads it: triggers that take an argument cannot be fired without one.
/// </summary>
internal readonly struct NoArgument;
