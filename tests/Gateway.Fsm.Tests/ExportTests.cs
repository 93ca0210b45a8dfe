using System.Runtime.CompilerServices;
using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

/// <summary>
/// Compares the exports of the sample machine with golden files under Golden/ (copied to the output).
/// To accept a deliberate change, run the tests with UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class ExportTests
{
    private enum Lamp { Off, On }

    /// <summary>An M3UA ASP, nested two levels deep, to exercise nested clusters and composite states.</summary>
    private enum Asp { Down, Up, Inactive, Active, Pending }

    private enum AspEvent { AspUp, AspDown, AspActive, AspInactive, Heartbeat, Notify, Timeout, Reset }

    private enum Press { Toggle, Reset }

    private sealed class Switch : IStateful<Lamp>
    {
        public Lamp State { get; set; }
    }

    private sealed class AspHolder : IStateful<Asp>
    {
        public Asp State { get; set; }

        public bool ResetAllowed { get; set; }
    }

    [Fact]
    public void The_sample_call_exports_to_the_golden_dot_graph()
    {
        AssertGolden("SampleCall.dot", SampleCallMachine.Create().Machine.ToDotGraph());
    }

    [Fact]
    public void The_sample_call_exports_to_the_golden_mermaid_diagram()
    {
        AssertGolden("SampleCall.mmd", SampleCallMachine.Create().Machine.ToMermaid());
    }

    [Fact]
    public void A_nested_machine_exports_to_the_golden_dot_graph()
    {
        AssertGolden("NestedAsp.dot", BuildNestedAsp().ToDotGraph());
    }

    [Fact]
    public void A_nested_machine_exports_to_the_golden_mermaid_diagram()
    {
        AssertGolden("NestedAsp.mmd", BuildNestedAsp().ToMermaid());
    }

    [Fact]
    public void Exports_are_deterministic_across_builds()
    {
        var first = SampleCallMachine.Create().Machine;
        var second = SampleCallMachine.Create().Machine;

        Assert.Equal(first.ToDotGraph(), second.ToDotGraph());
        Assert.Equal(first.ToMermaid(), second.ToMermaid());
    }

    [Fact]
    public void Descriptions_are_escaped_for_each_format()
    {
        var builder = new StateMachineBuilder<Lamp, Press, Switch>(Lamp.Off);
        builder.Configure(Lamp.Off)
            .PermitIf(Press.Toggle, Lamp.On, static _ => true, "power \"ok\" | fuse; #1")
            .OnEntry(static (_, _) => { }, "line one\nline {two}");
        builder.Configure(Lamp.On).Permit(Press.Toggle, Lamp.Off);
        var machine = builder.Build();

        string dot = machine.ToDotGraph();
        string mermaid = machine.ToMermaid();

        Assert.Contains("\"Off\" -> \"On\" [label=\"Toggle [power \\\"ok\\\" | fuse; #1]\"];", dot, StringComparison.Ordinal);
        Assert.Contains("\"Off\" [label=\"Off|entry / line one line \\{two\\}\\l\"];", dot, StringComparison.Ordinal);
        Assert.Contains("Off --> On : Toggle [power \"ok\" | fuse#59; #35;1]", mermaid, StringComparison.Ordinal);
    }

    private static StateMachine<Asp, AspEvent, AspHolder> BuildNestedAsp()
    {
        var builder = new StateMachineBuilder<Asp, AspEvent, AspHolder>(Asp.Down);
        builder.Configure(Asp.Down)
            .Permit(AspEvent.AspUp, Asp.Inactive)
            .Ignore(AspEvent.AspDown);
        builder.Configure(Asp.Up)
            .OnEntry(static (_, _) => { }, "start heartbeat")
            .OnExit(static (_, _) => { }, "stop heartbeat")
            .InternalTransition(AspEvent.Heartbeat, static (_, _) => { }, "send BEAT ACK")
            .Permit(AspEvent.AspDown, Asp.Down)
            .PermitReentryIf(AspEvent.Reset, static asp => asp.ResetAllowed, "reset allowed");
        builder.Configure(Asp.Inactive)
            .SubstateOf(Asp.Up)
            .Permit(AspEvent.AspActive, Asp.Active)
            .PermitReentry(AspEvent.AspInactive);
        builder.Configure(Asp.Active)
            .SubstateOf(Asp.Up)
            .OnEntryFrom(AspEvent.AspActive, static (_, _) => { }, "send NTFY AS-ACTIVE")
            .Permit(AspEvent.AspInactive, Asp.Inactive)
            .IgnoreIf(AspEvent.Notify, static asp => !asp.ResetAllowed, "no state change");
        builder.Configure(Asp.Pending)
            .SubstateOf(Asp.Active)
            .Permit(AspEvent.Timeout, Asp.Up);
        builder.Configure(Asp.Active).PermitIf(AspEvent.Notify, Asp.Pending, static asp => asp.ResetAllowed, "peer failover");
        return builder.Build();
    }

    private static void AssertGolden(string name, string actual, [CallerFilePath] string sourceFile = "")
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            // Rewrite the source copy; the copy in the output folder is refreshed by the next build.
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(sourceFile)!, "Golden", name), actual);
            return;
        }

        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name));
        Assert.Equal(expected, actual);
    }
}
