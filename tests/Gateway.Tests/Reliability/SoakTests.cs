using System.Diagnostics;
using System.Globalization;
using System.Net;
using Gateway.Testing;
using Gateway.Tests.EndToEnd;
using Xunit.Abstractions;

namespace Gateway.Tests.Reliability;

/// <summary>
/// The soak (issue 8 §4, docs/reliability.md): SOAK_CALLS calls (20,000 in <c>make test</c>, 1,000,000 in <c>make soak</c>)
/// at SOAK_RATE calls/s through the back-to-back pair, a mix of every kind of call the issue names, from one SIPp caller
/// per kind at once toward one SIPp callee that tells them apart by the called number. After the warm-up and at the end
/// nothing is left on either gateway: no call, no busy circuit, no SIP call, dialog or transaction. Memory is recorded at
/// every tenth of the calls; what each gateway keeps (its managed heap after a full GC, idle) must end within
/// <see cref="Soak.HeapGrowthBoundPercent"/> of what it kept after the warm-up. SOAK_REPORT names a file the report lines are
/// appended to as they come (scripts/soak.sh).
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class SoakTests(SoakTests.Soak soak, ITestOutputHelper output) : IClassFixture<SoakTests.Soak>
{
    [Fact]
    public void Mixed_calls_leave_no_call_circuit_dialog_or_transaction_behind_on_either_gateway()
    {
        foreach (string line in soak.Report) output.WriteLine(line);
        Assert.True(soak.Failure is null, soak.Failure);
    }

    /// <summary>The soak itself, run once for the fact above; its figures in <see cref="Report"/>.</summary>
    public sealed class Soak : IAsyncLifetime
    {
        /// <summary>
        /// Calls per second of the callers together unless SOAK_RATE says otherwise: what the 2-core build machine sustains
        /// while other work runs on it (at 300/s, and at 200/s with a load average near 20 from other jobs, SIPp fell behind,
        /// INVITEs were retransmitted and calls failed by timeout, see docs/reliability.md).
        /// </summary>
        private const double DefaultRate = 150;
        private const int DefaultCalls = 20_000;
        /// <summary>
        /// Enough that a stall of a few seconds (the callee's SIPp starved of CPU by other work on the machine) does not
        /// run out of circuits: with 511, one such stall at 150/s gave 503 cause 34 to 181 of 5,000 calls.
        /// </summary>
        private const int Circuits = 2047;

        /// <summary>
        /// How much what a gateway keeps may grow from the warm-up to the end: the managed heap after a full GC at both idle
        /// points, when no call, dialog or transaction is left. 25 %, and at least <see cref="HeapGrowthFloorBytes"/>, because
        /// the kept heap is small (2–4 MiB: configuration, pools, caches, and the tables' arrays, which keep the capacity
        /// their busiest moment gave them: one doubling of a table sized for 20,000 transactions is about 1 MiB). A leak
        /// does not hide under it: a transaction left behind holds at least its message (the soak's INVITEs are about 500
        /// bytes), so the 13,250 calls after a short soak's warm-up leaking one each would exceed 4 MiB, and over the 900,000
        /// after a long soak's warm-up 5 bytes per call would.
        /// </summary>
        public const double HeapGrowthBoundPercent = 25;

        /// <summary>The least growth the bound allows: 4 MiB.</summary>
        public const long HeapGrowthFloorBytes = 4 << 20;

        /// <summary>How long a leftover may take to go: more than 64·T1 = 32 s, the longest a SIP transaction may wait.</summary>
        private static readonly TimeSpan IdleWithin = TimeSpan.FromSeconds(45);

        private readonly TempDirectory _directory = new("gw-soak-");

        /// <summary>The callee, for its error log when something is left behind.</summary>
        private Sipp.Server? _callee;

        /// <summary>
        /// The mix: scenario, called number (the callee's branch, see uas-reliability-mix.xml), share of the calls in
        /// percent, keys, and what it is. The CANCELs' Reasons are the four kinds gateway A maps to a REL cause
        /// (CallMapping.CauseForCancel): a Q.850 cause is kept, SIP;cause=486 gives 17 by table, SIP;cause=200 "call completed
        /// elsewhere" gives 26, none gives 16; the callee checks the cause of the CANCEL gateway B sends.
        /// </summary>
        private static readonly (string Scenario, string Number, int Percent, Dictionary<string, string>? Keys, string Kind)[] Mix =
        [
            ("uac-call.xml", "4930100001", 25, null, "answered, PBX hangs up"),
            ("uac-busy.xml", "4930200001", 15, null, "busy (486, cause 17)"),
            ("uac-cancel.xml", "4930310001", 5, new() { ["reason_header"] = "Reason: Q.850;cause=21;text=\"Call rejected\"" }, "CANCEL, Reason Q.850 cause 21"),
            ("uac-cancel.xml", "4930320001", 5, new() { ["reason_header"] = "Reason: SIP;cause=486;text=\"Busy Here\"" }, "CANCEL, Reason SIP 486 (17)"),
            ("uac-cancel.xml", "4930330001", 5, new() { ["reason_header"] = "Reason: SIP;cause=200;text=\"Call completed elsewhere\"" }, "CANCEL, Reason SIP 200 completed elsewhere (26)"),
            ("uac-cancel.xml", "4930340001", 5, new() { ["reason_header"] = "X-Without-Reason: yes" }, "CANCEL, no Reason (16)"),
            ("uac-info.xml", "4930400001", 20, null, "answered, INFO/USR, PBX hangs up"),
            ("uac-remote-bye.xml", "4930500001", 20, null, "answered, PSTN side hangs up (BYE -> REL -> BYE)"),
        ];

        public Soak()
        {
            Calls = Setting("SOAK_CALLS", DefaultCalls);
            Rate = Setting("SOAK_RATE", DefaultRate);
            // A tenth of the calls, at least 5,000, and at least 45 s of traffic: a SIP transaction lingers up to 64·T1 = 32 s
            // after its call, so only then do the gateways' tables hold as many as they will and stop growing their
            // capacity (a 13-s warm-up at 400/s left the kept heap to grow 1.4 MiB later). At most half the calls.
            WarmUpCalls = Math.Min(Calls / 2, Math.Max(Math.Max(5_000, Calls / 10), (int)Math.Ceiling(Rate * 45)));
        }

        public int Calls { get; }
        public double Rate { get; }
        public int WarmUpCalls { get; }
        public List<string> Report { get; } = [];
        public string? Failure { get; private set; }

        /// <summary>Both gateways' memory at each tenth of the calls and at the idle points.</summary>
        public List<Checkpoint> Checkpoints { get; } = [];

        public sealed record Checkpoint(int Calls, bool Idle, GatewayStatus.MemoryFigures A, GatewayStatus.MemoryFigures B);

        public async Task InitializeAsync()
        {
            try
            {
                await Run();
            }
            catch (Exception e)
            {
                Failure = e.ToString();
                Write("FAILED: " + Failure);
            }
        }

        /// <summary>A line of the report, also appended at once to SOAK_REPORT when set (a long run shows how far it is).</summary>
        private void Note(string line)
        {
            Report.Add(line);
            Write(line);
        }

        /// <summary>Progress for SOAK_REPORT only: the table at the end repeats it.</summary>
        private static void Write(string line)
        {
            if (Environment.GetEnvironmentVariable("SOAK_REPORT") is { Length: > 0 } path)
            {
                File.AppendAllText(path, line + "\n");
            }
        }

        public Task DisposeAsync()
        {
            _directory.Dispose();
            return Task.CompletedTask;
        }

        private async Task Run()
        {
            Assert.True(Calls >= 1_000, $"SOAK_CALLS={Calls}: at least 1,000, so that every kind of the mix gets calls");
            Assert.True(Rate > 0, $"SOAK_RATE={Rate}: must be positive");
            Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
            Note($"soak: {Calls} calls (SOAK_CALLS), {Rate:0.#} calls/s asked (SOAK_RATE), warm-up {WarmUpCalls} calls, {Circuits} circuits");
            Note("mix: " + string.Join("; ", Mix.Select(m => $"{m.Percent} % {m.Kind}")));

            // The callee runs the whole soak: every phase's calls at the rate, with room for a slow machine, plus the idle waits.
            TimeSpan calleeTimeout = TimeSpan.FromSeconds(Calls / Rate * 1.5) + 2 * IdleWithin + TimeSpan.FromMinutes(5);
            await using Sipp.Server callee = await Sipp.StartServerAsync(FaultTests.Scenario("uas-reliability-mix.xml"), IPAddress.Loopback,
                calls: Calls, timeout: calleeTimeout);
            _callee = callee;
            using var pair = await BackToBackPair.StartAsync(_directory, callee.EndPoint, new IPEndPoint(IPAddress.Loopback, 5999), cics: $"1-{Circuits}");

            double warmUpRate = await Phase(pair, 0, WarmUpCalls);
            Checkpoints.Add(await Sample(pair, WarmUpCalls, idle: true));
            double mainRate = await Phase(pair, WarmUpCalls, Calls - WarmUpCalls);
            Checkpoints.Add(await Sample(pair, Calls, idle: true));

            Note($"rate: warm-up {warmUpRate:F0} calls/s, then {mainRate:F0} calls/s (asked {Rate:0.#})");
            ReportMemory();
            Assert.True(pair.A.UnhandledExceptionLines == 0 && pair.B.UnhandledExceptionLines == 0,
                $"unhandled exceptions: A {pair.A.UnhandledExceptionLines}, B {pair.B.UnhandledExceptionLines}\n{Tail(pair.A.Output)}\n{Tail(pair.B.Output)}");
            AssertHeapBound();
        }

        private void ReportMemory()
        {
            Note("memory (MiB; 'load' = sampled while the callers ran, the call count estimated from the rate; 'idle' = every call ended, " +
                "and each gateway had just run a full GC, so 'heap after GC' is what it keeps):");
            Note("  calls     | when | A RSS  | A heap | A heap after GC | B RSS  | B heap | B heap after GC");
            foreach (Checkpoint c in Checkpoints)
            {
                Note($"  {c.Calls,9} | {(c.Idle ? "idle" : "load")} | {MiB(c.A.WorkingSetBytes),6} | {MiB(c.A.ManagedHeapBytes),6} | " +
                    $"{MiB(c.A.ManagedHeapAfterLastGcBytes),15} | {MiB(c.B.WorkingSetBytes),6} | {MiB(c.B.ManagedHeapBytes),6} | {MiB(c.B.ManagedHeapAfterLastGcBytes),15}");
            }

            Checkpoint warm = Checkpoints.First(c => c.Idle), end = Checkpoints[^1];
            foreach (var (name, before, after) in new[] { ("A", warm.A, end.A), ("B", warm.B, end.B) })
            {
                Note($"growth {name} from {WarmUpCalls} calls to {Calls} (idle): RSS {Growth(before.WorkingSetBytes, after.WorkingSetBytes):+0.0;-0.0} %, " +
                    $"heap after last GC {Growth(before.ManagedHeapAfterLastGcBytes, after.ManagedHeapAfterLastGcBytes):+0.0;-0.0} %");
            }
        }

        private void AssertHeapBound()
        {
            Checkpoint warm = Checkpoints.First(c => c.Idle), end = Checkpoints[^1];
            foreach (var (name, before, after) in new[] { ("A", warm.A, end.A), ("B", warm.B, end.B) })
            {
                long allowed = Math.Max((long)(before.ManagedHeapAfterLastGcBytes * HeapGrowthBoundPercent / 100), HeapGrowthFloorBytes);
                long growth = after.ManagedHeapAfterLastGcBytes - before.ManagedHeapAfterLastGcBytes;
                Assert.True(before.ManagedHeapAfterLastGcBytes > 0 && growth <= allowed,
                    $"gateway {name}: the heap kept after a full GC went from {MiB(before.ManagedHeapAfterLastGcBytes)} MiB after {WarmUpCalls} calls " +
                    $"to {MiB(after.ManagedHeapAfterLastGcBytes)} MiB after {Calls}; allowed: +{MiB(allowed)} MiB");
            }
            Note($"heap bound: the heap kept after a full GC grew by no more than {HeapGrowthBoundPercent} % (at least {MiB(HeapGrowthFloorBytes)} MiB allowed) on either gateway");
        }

        /// <summary>Growth in percent; NaN when there is no figure before (no GC had run yet), which fails the bound.</summary>
        public static double Growth(long before, long after) => before > 0 ? 100.0 * (after - before) / before : double.NaN;

        private static string MiB(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);

        private static int Setting(string name, int fallback) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        private static double Setting(string name, double fallback) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

        /// <summary>Each caller's share of <paramref name="calls"/>; what rounding leaves goes to the first, so they add up.</summary>
        private static int[] Split(int calls)
        {
            int[] shares = Mix.Select(m => calls * m.Percent / 100).ToArray();
            shares[0] += calls - shares.Sum();
            return shares;
        }

        /// <summary>
        /// Both gateways' memory figures. At an idle point each first runs a full GC (<see cref="InducedGc"/>), so that its
        /// heap after the last GC is what it keeps with no call up; under load they are taken as they are.
        /// </summary>
        private static async Task<Checkpoint> Sample(BackToBackPair pair, int calls, bool idle)
        {
            GatewayStatus a = idle ? await AfterFullGc(pair.A.Id, pair.ControlA) : await GatewayStatus.ReadAsync(pair.ControlA);
            GatewayStatus b = idle ? await AfterFullGc(pair.B.Id, pair.ControlB) : await GatewayStatus.ReadAsync(pair.ControlB);
            return new Checkpoint(calls, idle,
                a.Memory ?? throw new InvalidOperationException("gateway A's status has no memory figures"),
                b.Memory ?? throw new InvalidOperationException("gateway B's status has no memory figures"));
        }

        private static async Task<GatewayStatus> AfterFullGc(int pid, string control)
        {
            long before = (await GatewayStatus.ReadAsync(control)).Memory?.GcCount ?? throw new InvalidOperationException("no memory figures");
            GatewayStatus? after = null;
            // Idle, the daemon allocates almost nothing, so the next GC it counts is the induced one.
            await InducedGc.CollectAsync(pid, async () => (after = await GatewayStatus.ReadAsync(control)).Memory!.GcCount > before, TimeSpan.FromSeconds(30));
            return after!;
        }

        /// <summary>
        /// Runs <paramref name="calls"/> calls of the mix at <see cref="Rate"/>, the ones after the first
        /// <paramref name="done"/>, samples memory at each tenth of <see cref="Calls"/> reached meanwhile, checks every
        /// caller's verdict and that both gateways are back to nothing left, and returns the rate achieved.
        /// </summary>
        private async Task<double> Phase(BackToBackPair pair, int done, int calls)
        {
            var clock = Stopwatch.StartNew();
            int[] shares = Split(calls);
            // Every caller runs as long as the phase: its share of the calls at its share of the rate.
            TimeSpan callerTimeout = TimeSpan.FromSeconds(calls / Rate * 1.5) + TimeSpan.FromMinutes(1);
            var callers = Mix.Select((m, i) => Sipp.RunClientAsync(FaultTests.Scenario(m.Scenario), pair.SipA, service: m.Number, keys: m.Keys,
                calls: shares[i], concurrent: 1000, timeout: callerTimeout,
                extra: ["-r", (Rate * shares[i] / calls).ToString("0.###", CultureInfo.InvariantCulture)])).ToArray();
            Task<Sipp.Result[]> all = Task.WhenAll(callers);
            await SampleUnderLoad(pair, done, calls, clock, all);
            Sipp.Result[] results = await all;
            TimeSpan elapsed = clock.Elapsed;
            // A call may fail when the machine stalls (the callee's SIPp starved of CPU: B's INVITE times out, T11 sends ACM,
            // the PBX hears 183 or 480); up to 2 % are allowed and reported. What may never happen is a call, a circuit, a
            // dialog or a transaction left behind, checked next.
            int failed = 0;
            var failedByKind = new List<string>();
            for (int i = 0; i < results.Length; i++)
            {
                int failedHere = FailedCalls(results[i]);
                Assert.True(failedHere >= 0, $"{Mix[i].Scenario} ({Mix[i].Kind}): no statistics\n{results[i]}");
                failed += failedHere;
                if (failedHere > 0) failedByKind.Add($"{Mix[i].Kind}: {failedHere}");
            }
            Assert.True(failed <= calls / 50, $"{failed} of {calls} calls failed ({string.Join(", ", failedByKind)})\n" +
                $"{string.Join("\n", results.Select(r => Tail(r.ToString())))}\n{Tail(pair.A.Output)}\n{Tail(pair.B.Output)}");

            // A call whose INVITE or CANCEL the starved callee never saw lasts until its transaction times out (64·T1, 32 s
            // with the default T1), and every transaction lingers its Timer J/K/D: all gone within 45 s, or it is a leak.
            GatewayStatus lingeringA = await GatewayStatus.ReadAsync(pair.ControlA), lingeringB = await GatewayStatus.ReadAsync(pair.ControlB);
            var idle = Stopwatch.StartNew();
            try
            {
                await GatewayStatus.PollAsync(pair.ControlA, s => s.NothingLeft && s.Total == Circuits, IdleWithin);
                await GatewayStatus.PollAsync(pair.ControlB, s => s.NothingLeft && s.Total == Circuits, IdleWithin - idle.Elapsed);
            }
            catch (TimeoutException e)
            {
                GatewayCli.Result callsA = await GatewayCli.RunAsync("calls", "--json", "--socket", pair.ControlA);
                GatewayCli.Result callsB = await GatewayCli.RunAsync("calls", "--json", "--socket", pair.ControlB);
                // What the callee saw of the calls left behind is in its error log, complete once it has stopped.
                string calleeErrors = "";
                if (_callee is not null)
                {
                    await _callee.DisposeAsync();
                    string errors = (await _callee.WaitAsync()).Errors;
                    calleeErrors = errors.Length > 6000 ? errors[..6000] : errors;
                }
                Assert.Fail($"{e.Message}\n--- calls at A\n{Tail(callsA.Output)}\n--- calls at B\n{Tail(callsB.Output)}\n" +
                    $"--- the callee's first errors\n{calleeErrors}\n{Tail(pair.A.Output)}\n{Tail(pair.B.Output)}");
            }
            Note($"calls {done + 1}-{done + calls}: {calls} calls ({failed} failed{(failedByKind.Count > 0 ? ": " + string.Join(", ", failedByKind) : "")}) " +
                $"in {elapsed.TotalSeconds:F1} s; left when the callers ended: A {lingeringA.ActiveCalls} calls, {lingeringA.Sip}; " +
                $"B {lingeringB.ActiveCalls} calls, {lingeringB.Sip}; nothing left on either {idle.Elapsed.TotalMilliseconds:F0} ms later");
            return calls / elapsed.TotalSeconds;
        }

        /// <summary>
        /// Samples both gateways at each tenth of <see cref="Calls"/> that falls inside this phase, at the time the callers
        /// should reach it at <see cref="Rate"/>; stops when the callers end.
        /// </summary>
        private async Task SampleUnderLoad(BackToBackPair pair, int done, int calls, Stopwatch clock, Task callers)
        {
            int tenth = Calls / 10;
            for (int mark = (done / tenth + 1) * tenth; mark < done + calls; mark += tenth)
            {
                TimeSpan due = TimeSpan.FromSeconds((mark - done) / Rate);
                // Pacing a sample, not waiting for an outcome: the callers ending first ends the sampling.
                if (due > clock.Elapsed && await Task.WhenAny(callers, Task.Delay(due - clock.Elapsed)) == callers) return;
                if (callers.IsCompleted) return;
                Checkpoint sample = await Sample(pair, mark, idle: false);
                Checkpoints.Add(sample);
                Write($"{DateTime.UtcNow:HH:mm:ss} ~{mark} calls: A heap {MiB(sample.A.ManagedHeapBytes)} MiB (after GC {MiB(sample.A.ManagedHeapAfterLastGcBytes)}), " +
                    $"B heap {MiB(sample.B.ManagedHeapBytes)} MiB (after GC {MiB(sample.B.ManagedHeapAfterLastGcBytes)})");
            }
        }

        /// <summary>SIPp's cumulative "Failed call" count from its final statistics screen; -1 when there is none.</summary>
        private static int FailedCalls(Sipp.Result result)
        {
            foreach (string line in result.Output.Split('\n').Reverse())
            {
                if (line.TrimStart().StartsWith("Failed call", StringComparison.Ordinal))
                {
                    string[] columns = line.Split('|');
                    return int.Parse(columns[^1].Trim(), CultureInfo.InvariantCulture);
                }
            }
            return -1;
        }

        private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
    }
}
