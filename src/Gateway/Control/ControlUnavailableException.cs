namespace Gateway.Control;

/// <summary>The CLI could not talk to the daemon; the message is the one line the operator reads.</summary>
public sealed class ControlUnavailableException(string message) : Exception(message);
