using Gateway.Configuration;
using Gateway.Isup;
using Gateway.IsupSetup;
using Gateway.Testing;

namespace Gateway.Tests.IsupSetup;

public sealed class IsupExchangeOptionsFactoryTests
{
    private static IsupOptions Isup(string isup) => GatewayConfigurationReader.Read($$"""{ "isup": {{isup}} }""", "test.json").Isup;

    private static IsupExchangeOptions Create(string isup) => IsupExchangeOptionsFactory.Create(Isup(isup));

    [Fact]
    public void A_file_without_procedure_options_gives_the_procedures_their_own_defaults()
    {
        var options = Create("""{ "opc": 7 }""");
        var library = new IsupExchangeOptions(7, []);
        Assert.Equal(7, options.Opc);
        Assert.Empty(options.CircuitGroups);
        Assert.Equal(
            (library.Timers, library.UnequippedCic, library.MaxRepeatAttempts, library.CauseLocation),
            (options.Timers, options.UnequippedCic, options.MaxRepeatAttempts, options.CauseLocation));
    }

    [Fact]
    public void Carries_the_opc_timers_and_policies_over()
    {
        var options = Create("""
            { "opc": 300, "timers": { "t7Seconds": 30, "t9Seconds": 0, "t17Seconds": 600 },
              "unequippedCicPolicy": "send-ucic", "maxRepeatAttempts": 2, "causeLocation": "transit-network" }
            """);
        Assert.Equal(300, options.Opc);
        Assert.Equal(
            IsupTimerSettings.Default with { T7 = TimeSpan.FromSeconds(30), T9 = TimeSpan.Zero, T17 = TimeSpan.FromMinutes(10) },
            options.Timers);
        Assert.Equal(UnequippedCicPolicy.SendUcic, options.UnequippedCic);
        Assert.Equal(2, options.MaxRepeatAttempts);
        Assert.Equal(CauseLocation.TransitNetwork, options.CauseLocation);
    }

    [Fact]
    public void A_group_becomes_its_dpc_with_its_selection_and_glare_preference()
    {
        var group = Assert.Single(Create("""
            { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "", "cics": ["1-31"],
                                             "selection": "descending", "preferControlledCircuits": false } ] }
            """).CircuitGroups);
        Assert.Equal(2, group.Dpc);
        Assert.Equal([new CircuitCodeRange(1, 31)], group.Cics);
        Assert.Equal(CircuitSelection.Descending, group.Selection);
        Assert.False(group.PreferControlledCircuits);
    }

    [Theory]
    [InlineData("""["1-31"]""", """["16"]""", new[] { 1, 15, 17, 31 })]
    [InlineData("""["1-31"]""", """["1", "31"]""", new[] { 2, 30 })]
    [InlineData("""["1-31"]""", """["2-30"]""", new[] { 1, 1, 31, 31 })]
    [InlineData("""["33-63", "1-31"]""", """["16", "48"]""", new[] { 1, 15, 17, 31, 33, 47, 49, 63 })]
    [InlineData("""["0-4095"]""", """["1-4094"]""", new[] { 0, 0, 4095, 4095 })]
    [InlineData("""["1-15", "16-31"]""", """[]""", new[] { 1, 31 })]
    public void The_procedures_see_only_equipped_cics_in_ascending_ranges(string cics, string unequipped, int[] bounds)
    {
        var group = Assert.Single(Create($$"""
            { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "", "cics": {{cics}}, "unequippedCics": {{unequipped}} } ] }
            """).CircuitGroups);
        Assert.Equal(Ranges(bounds), group.Cics);
    }

    [Fact]
    public void Groups_toward_one_dpc_become_one_group_in_the_order_the_dpcs_first_appear()
    {
        var groups = Create("""
            { "opc": 1, "circuitGroups": [
                { "name": "b-e1-1", "dpc": 20, "association": "", "cics": ["1-31"], "unequippedCics": ["16"], "selection": "ascending" },
                { "name": "a", "dpc": 10, "association": "", "cics": ["1-31"] },
                { "name": "b-e1-2", "dpc": 20, "association": "", "cics": ["32-63"], "unequippedCics": ["48"], "selection": "ascending" } ] }
            """).CircuitGroups;
        Assert.Equal([20, 10], groups.Select(g => g.Dpc));
        Assert.Equal(Ranges([1, 15, 17, 47, 49, 63]), groups[0].Cics);
        Assert.Equal(CircuitSelection.Ascending, groups[0].Selection);
        Assert.Equal(CircuitSelection.LeastRecentlyUsed, groups[1].Selection);
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.json", SearchOption.AllDirectories))
        {
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_shipped_example_gives_options_the_procedures_accept(string file)
    {
        var configuration = GatewayConfigurationReader.ReadFile(Path.Combine(AppContext.BaseDirectory, file));
        Assert.Empty(IsupExchangeOptionsFactory.Create(configuration.Isup).Validate());
    }

    [Fact]
    public void The_procedures_run_with_what_the_file_says()
    {
        // End to end through IsupExchange: the reset at route-up skips the unequipped CIC, the seizure follows the
        // configured order, and T7 fires after the configured time with a cause at the configured location.
        var options = Create("""
            { "opc": 1, "timers": { "t7Seconds": 25 }, "causeLocation": "transit-network",
              "circuitGroups": [ { "name": "g", "dpc": 2, "association": "", "cics": ["1-31"], "unequippedCics": ["16"],
                                   "selection": "descending", "preferControlledCircuits": false } ] }
            """);
        var signals = new RecordingSignals();
        var time = new ManualTimeProvider();
        var exchange = new IsupExchange(options, signals, new IgnoredCallEvents(), new IgnoredMaintenance(), time);

        exchange.RouteAvailable(2);
        var resets = signals.Take();
        Assert.Equal([(IsupMessageType.GRS, 1, 15), (IsupMessageType.GRS, 17, 15)], resets.Select(s => (s.Type, s.Cic, s.CircuitCount)));
        foreach (var grs in resets)
        {
            exchange.Receive(2, IsupSignal.GroupResetAcknowledgement(grs.Cic, grs.Range, CircuitStatusBits.None));
        }

        Assert.True(exchange.CallControl.TrySeize(2, "IAM", out IsupCall? call));
        Assert.Equal(31, call.Cic);
        Assert.Equal(IsupMessageType.IAM, Assert.Single(signals.Take()).Type);
        time.Advance(TimeSpan.FromSeconds(24));
        Assert.Empty(signals.Take());
        time.Advance(TimeSpan.FromSeconds(1));
        var release = Assert.Single(signals.Take());
        Assert.Equal((IsupMessageType.REL, 31), (release.Type, release.Cic));
        Assert.Equal(CauseLocation.TransitNetwork, release.Cause.Location);
    }

    private static List<CircuitCodeRange> Ranges(int[] bounds)
    {
        var ranges = new List<CircuitCodeRange>();
        for (int i = 0; i < bounds.Length; i += 2) ranges.Add(new CircuitCodeRange(bounds[i], bounds[i + 1]));
        return ranges;
    }
}
