namespace Gateway.Fsm.Tests.SampleCall;

/// <summary>The struct argument of ANM: tests that a struct flows to guards and actions unboxed.</summary>
public readonly record struct AnswerInfo(bool Charged, int ConnectedNumberDigits);
