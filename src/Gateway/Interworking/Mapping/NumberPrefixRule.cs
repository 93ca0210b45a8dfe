using Gateway.Isup;

namespace Gateway.Interworking;

/// <summary>
/// A dial-plan rule for a number from SIP without a leading <c>+</c>: when it starts with <see cref="Prefix"/>, the
/// prefix is stripped and the rest is sent with <see cref="NatureOfAddress"/> (e.g. a trunk prefix <c>"0"</c> →
/// national significant number, an international prefix <c>"00"</c> → international number).
/// </summary>
/// <param name="Prefix">The leading digits to strip (not empty).</param>
/// <param name="NatureOfAddress">The nature of address of what remains.</param>
public sealed record NumberPrefixRule(string Prefix, NatureOfAddress NatureOfAddress);
