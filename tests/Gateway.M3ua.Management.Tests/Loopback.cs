using System.Diagnostics;

namespace Gateway.M3ua.Management.Tests;

/// <summary>What the tests over TCP loopback share: association options with short reconnect delays, and bounded waits.</summary>
internal static class Loopback
{
    /// <summary>The longest any condition is waited for: long enough for a loaded CI machine, short enough to fail fast.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static M3uaAssociationOptions Options(ManagementRole role) => new()
    {
        Management = Tests.Options.Ipsp(role, ExchangeMode.Single),
        ReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        AttemptTimeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <see cref="Bound"/>.</summary>
    public static async Task Eventually(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Bound) Assert.Fail($"Not within {Bound}: {what}");
            await Task.Delay(10);
        }
    }
}
