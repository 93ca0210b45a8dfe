using Gateway.Sip;

namespace Gateway.Sip.Tests.Stack;

public sealed class SipIdentifiersTests
{
    [Fact]
    public void Branches_are_the_magic_cookie_and_80_random_bits_never_repeated_across_refills_of_the_random_block()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 10_000; i++)
        {
            string branch = SipIdentifiers.NewBranch();
            Assert.StartsWith("z9hG4bK", branch, StringComparison.Ordinal);
            Assert.Equal(27, branch.Length);
            Assert.All(branch[7..], c => Assert.True(char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c), branch));
            Assert.True(seen.Add(branch), $"repeated: {branch}");
        }
    }

    [Fact]
    public void Tags_are_16_lower_case_hex_digits_never_repeated_and_distinct_on_each_thread()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < 5_000; i++)
            {
                string tag = SipIdentifiers.NewTag();
                Assert.Equal(16, tag.Length);
                Assert.All(tag, c => Assert.True(char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c), tag));
                Assert.True(seen.TryAdd(tag, 0), $"repeated: {tag}");
            }
        });
    }
}
