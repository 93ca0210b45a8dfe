namespace Gateway.Configuration;

/// <summary>A called-number prefix rule as written: the prefix to strip and the nature of address that remains.</summary>
public sealed record NumberPrefix(string Prefix, NumberNature Nature);
