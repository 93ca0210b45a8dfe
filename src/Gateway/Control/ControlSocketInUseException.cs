namespace Gateway.Control;

/// <summary>Another daemon already answers on the control socket's path.</summary>
public sealed class ControlSocketInUseException(string message) : Exception(message);
