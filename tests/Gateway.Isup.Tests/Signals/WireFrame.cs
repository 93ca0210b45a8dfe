namespace Gateway.Isup.Tests.Signals;

/// <summary>One ISUP message on the wire between two exchanges: who sent it, and its octets (MTP3 user data from the CIC).</summary>
internal sealed record WireFrame(string From, byte[] UserData, bool Injected)
{
    public override string ToString() => $"{From}{(Injected ? " (injected)" : string.Empty)}: {Convert.ToHexStringLower(UserData)}";
}
