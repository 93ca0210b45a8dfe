using System.Security.Cryptography;

namespace Gateway.Sip;

/// <summary>
/// Fresh branches and tags. Both must be unique across space and time (RFC 3261 §8.1.1.7, §19.3) and the branch
/// must not be guessable, or a third party could CANCEL our calls; so they come from the system's cryptographic
/// random source rather than a counter.
/// </summary>
public static class SipIdentifiers
{
    /// <summary>A new RFC 3261 branch: the magic cookie followed by 80 random bits.</summary>
    /// <returns>e.g. <c>z9hG4bK4c1f0e9a3b2d7c6e5f40</c>.</returns>
    public static string NewBranch() => TransactionKey.MagicCookie + RandomNumberGenerator.GetHexString(20, lowercase: true);

    /// <summary>A new From or To tag with 64 random bits (§19.3 asks for at least 32).</summary>
    /// <returns>16 lower-case hexadecimal digits.</returns>
    public static string NewTag() => RandomNumberGenerator.GetHexString(16, lowercase: true);
}
