using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>One signal the procedures sent, and where to.</summary>
internal readonly record struct SentSignal(int Dpc, IsupSignal Signal);
