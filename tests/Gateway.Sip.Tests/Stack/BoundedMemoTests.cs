namespace Gateway.Sip.Tests.Stack;

public sealed class BoundedMemoTests
{
    [Fact]
    public void A_key_is_built_once_until_the_table_fills_and_is_emptied()
    {
        var memo = new BoundedMemo<string, string>(2, StringComparer.Ordinal);
        var built = new List<string>();
        string Get(string key) => memo.Get(key, k => { built.Add(k); return new string(k.ToUpperInvariant()); });

        string first = Get("a");
        Assert.Same(first, Get("a"));
        Get("b");
        Assert.Equal(["a", "b"], built);

        // A third key finds the table full: it is emptied, so keys from the network cannot grow it without bound.
        Get("c");
        Assert.NotSame(first, Get("a"));
        Assert.Equal(["a", "b", "c", "a"], built);
    }
}
