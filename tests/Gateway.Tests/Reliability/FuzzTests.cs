using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Gateway.Testing;
using Gateway.Testing.Fuzzing;
using Xunit.Abstractions;

namespace Gateway.Tests.Reliability;

/// <summary>
/// Bad input at volume (docs/reliability.md): the back-to-back pair is fuzzed while real SIPp calls go through it, one
/// protocol per test: mutated SIP over UDP and TCP at gateway A's SIP port, mutated M3UA and ISUP at gateway B as its
/// M3UA peer. Each call must complete; afterwards each gateway is alive, answers <c>status</c>, has logged no unhandled
/// exception and no failure, has no call left and every circuit idle, and its memory (VmRSS) and open sockets did
/// not grow beyond a bound after warm-up. FUZZ_SECONDS sets how long each protocol is fuzzed (default 25; make fuzz:
/// 600), FUZZ_SEED the seed (default: from the clock, printed), FUZZ_REPORT a file the summary lines are appended to, FUZZ_LOGS a directory for both gateways' output, FUZZ_HEAP_LIMIT the gateways' GC heap limit (see <see cref="FuzzPair"/>).
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private readonly TempDirectory _directory = new("gw-fuzz-");
    private readonly ITestOutputHelper _log;

    public FuzzTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _directory.Dispose();

    private static TimeSpan Duration => TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("FUZZ_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s > 0 ? s : 25);

    private static int NewSeed() =>
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)
            ? seed
            : Random.Shared.Next();

    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Sipp", name);

    /// <summary>Lines no gateway may ever log, however bad its input.</summary>
    private static readonly string[] Forbidden = ["Unhandled exception", "event=failed", "event=control-failed"];

    [Fact]
    public async Task Bad_SIP_over_UDP_and_TCP_at_volume_leaves_gateway_A_serving_calls_with_no_leak()
    {
        int seed = NewSeed();
        var fuzzer = new SipFuzzer(seed);
        await FuzzWhileCallingAsync("sip", seed, pair => pair.A, async (pair, duration) =>
        {
            await fuzzer.RunAsync(pair.SipA, pair.SipA, [IPAddress.Loopback, IPAddress.Parse("127.0.0.2")], duration);
            return fuzzer.Summary;
        }, async pair =>
        {
            // The TCP listener still takes a connection and answers a valid request on it.
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(pair.SipA);
            var options = new SipMutator(new Random(seed)) { LocalAddress = tcp.Client.LocalEndPoint!.ToString()! };
            string request = options.Valid("TCP");
            request = "OPTIONS" + request[request.IndexOf(' ', StringComparison.Ordinal)..].Replace(
                request[(request.IndexOf("CSeq: ", StringComparison.Ordinal) + 6)..request.IndexOf('\r', request.IndexOf("CSeq: ", StringComparison.Ordinal))],
                "1 OPTIONS", StringComparison.Ordinal);
            await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes(request));
            var buffer = new byte[4096];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            int n = await tcp.GetStream().ReadAsync(buffer, timeout.Token);
            string answer = Encoding.ASCII.GetString(buffer, 0, n);
            Assert.True(answer.StartsWith("SIP/2.0 ", StringComparison.Ordinal), $"a valid request over TCP after fuzzing got: {answer}\nrequest:\n{request}");
        });
    }

    [Fact]
    public async Task Bad_M3UA_and_ISUP_from_the_peer_at_volume_leave_gateway_B_serving_calls_with_no_leak()
    {
        int seed = NewSeed();
        M3uaPeerFuzzer? fuzzer = null;
        try
        {
            await FuzzWhileCallingAsync("m3ua", seed, pair => pair.B, async (pair, duration) =>
            {
                fuzzer = new M3uaPeerFuzzer(new IPEndPoint(IPAddress.Loopback, pair.M3uaFuzzPort), IPAddress.Loopback, seed,
                    opc: FuzzPair.FuzzPointCode, dpc: 2, FuzzPair.RoutingContext, networkIndicator: 2, firstCic: 1, lastCic: 31, avoidOpcs: [1, 2]);
                await fuzzer.ActivateAsync(TimeSpan.FromSeconds(30));
                await fuzzer.RunAsync(duration);
                return fuzzer.Summary;
            }, async pair =>
            {
                var (status, answer) = await FuzzPair.StatusAsync(pair.ControlB);
                Assert.True(status is { } s && FuzzPair.Available(s, FuzzPair.FuzzPointCode), $"the fuzzing peer's destination is not available after fuzzing: {answer}");

                // The association still serves: a BEAT is answered, and a valid IAM on one of our circuits gets its REL
                // (no route for the number: cause 3), which the fuzzer's RLC completes.
                await fuzzer!.BeatAsync(TimeSpan.FromSeconds(10));
                long released = fuzzer.ReceivedCount("isup-0c");
                await fuzzer.SendIsupAsync(IsupMutator.Iam(cic: 9));
                Assert.True(await fuzzer.WaitForReceivedAsync("isup-0c", released, TimeSpan.FromSeconds(10)), $"no REL for a valid unroutable IAM after fuzzing ({fuzzer.Summary})\n{pair.B.Output}");

                // What the fuzzing peer blocked with its valid BLO and CGB (remote blocking, as a switch may do) it takes
                // back as a switch would: a GRS for all its circuits (Q.764 §2.9.3.1: remote blocking is removed), GRA back.
                long acknowledged = fuzzer.ReceivedCount("isup-29");
                await fuzzer.SendIsupAsync(Convert.FromHexString("0100" + "17" + "01" + "01" + "1E"));
                Assert.True(await fuzzer.WaitForReceivedAsync("isup-29", acknowledged, TimeSpan.FromSeconds(10)), $"no GRA for a valid GRS after fuzzing ({fuzzer.Summary})\n{pair.B.Output}");
            });
        }
        finally
        {
            if (fuzzer is not null) await fuzzer.DisposeAsync();
        }
    }

    /// <summary>
    /// Starts the pair and a SIPp callee behind B, makes calls through it in rounds while <paramref name="fuzz"/> runs
    /// for <see cref="Duration"/>, then checks both gateways (the fuzzed one's memory and descriptors too).
    /// </summary>
    private async Task FuzzWhileCallingAsync(string protocol, int seed, Func<FuzzPair, DaemonProcess> fuzzed,
        Func<FuzzPair, TimeSpan, Task<string>> fuzz, Func<FuzzPair, Task> afterwards)
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        TimeSpan duration = Duration;
        Report($"{protocol}: seed={seed} duration={duration.TotalSeconds:0}s (FUZZ_SEED={seed} reproduces the input)");
        await using Sipp.Server callee = await Sipp.StartServerAsync(Scenario("uas-answer.xml"), IPAddress.Loopback, calls: 1_000_000,
            keys: new Dictionary<string, string> { ["service"] = FuzzPair.Number }, timeout: duration + TimeSpan.FromSeconds(240));
        using FuzzPair pair = await FuzzPair.StartAsync(_directory, callee.EndPoint);
        DaemonProcess target = fuzzed(pair);

        // Warm-up: a few calls before any fuzzing, so that what is measured afterwards is growth, not start-up.
        int calls = 0;
        var failures = new List<string>();
        await CallsAsync(pair, 3, failures);
        calls += 3;

        var samples = new List<(TimeSpan At, long RssKb, int Sockets)>();
        var clock = Stopwatch.StartNew();
        Task<string> fuzzing = Task.Run(() => fuzz(pair, duration));
        using var sampling = new CancellationTokenSource();
        Task sampler = Task.Run(async () =>
        {
            using var period = new PeriodicTimer(TimeSpan.FromMilliseconds(500), TimeProvider.System);
            while (!sampling.IsCancellationRequested && !target.HasExited)
            {
                try
                {
                    var sample = (clock.Elapsed, ProcessProbe.RssKb(target.Id), ProcessProbe.OpenSockets(target.Id));
                    lock (samples) samples.Add(sample);
                    await period.WaitForNextTickAsync(sampling.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
                {
                    return;
                }
            }
        });

        // Legitimate calls on the side, in rounds of four (two at a time), for as long as the fuzzing lasts.
        while (!fuzzing.IsCompleted && !target.HasExited)
        {
            await CallsAsync(pair, 4, failures);
            calls += 4;
        }

        string summary;
        try
        {
            summary = await fuzzing;
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{protocol} fuzzing (seed {seed}) stopped: {e}\n{pair.Output}");
        }

        Report($"{protocol}: {summary}");
        Assert.False(pair.A.HasExited, $"gateway A exited (seed {seed})\n{pair.Output}");
        Assert.False(pair.B.HasExited, $"gateway B exited (seed {seed})\n{pair.Output}");

        // The pair still carries calls at once, and the fuzzed side still does what it should.
        await CallsAsync(pair, 2, failures);
        calls += 2;
        await afterwards(pair);

        // Everything settles: no call left, every circuit idle, on both gateways.
        JsonElement? statusA = null, statusB = null;
        string answerA = "", answerB = "";
        // Polled: the daemons are other processes, whose status only the CLI tells.
        var settle = Stopwatch.StartNew();
        using (var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(500), TimeProvider.System))
        {
            do
            {
                (statusA, answerA) = await FuzzPair.StatusAsync(pair.ControlA);
                (statusB, answerB) = await FuzzPair.StatusAsync(pair.ControlB);
                if (statusA is { } a && statusB is { } b && FuzzPair.Quiet(a) && FuzzPair.Quiet(b)) break;
            }
            while (settle.Elapsed < TimeSpan.FromSeconds(45) && await poll.WaitForNextTickAsync());
        }

        await sampling.CancelAsync();
        await sampler;
        long rssEnd = ProcessProbe.RssKb(target.Id);
        int socketsEnd = ProcessProbe.OpenSockets(target.Id);
        List<(TimeSpan At, long RssKb, int Sockets)> taken;
        lock (samples) taken = samples.ToList();
        // Warm-up is the first half of the fuzzing, at most a minute: under this load the runtime's heap takes some
        // 30-40 s to reach its working size (a smaller gen0 budget, DOTNET_GCgen0size=0x400000, flattens it much
        // earlier and lower: growth of the GC's budgets, not of what the gateway keeps). The sample then is the reference.
        TimeSpan warmUp = TimeSpan.FromTicks(Math.Min(duration.Ticks / 2, TimeSpan.FromSeconds(60).Ticks));
        (TimeSpan At, long RssKb, int Sockets) reference = (TimeSpan.Zero, rssEnd, socketsEnd);
        if (taken.Count > 0) reference = taken.Find(s => s.At >= warmUp) is { RssKb: > 0 } found ? found : taken[^1];
        long rssPeak = taken.Count > 0 ? taken.Max(s => s.RssKb) : rssEnd;
        Report($"{protocol}: legitimate calls={calls} failed rounds={failures.Count}; {(target == pair.A ? "A" : "B")} VmRSS after warm-up={reference.RssKb} kB, " +
               $"peak={rssPeak} kB, end={rssEnd} kB ({100.0 * (rssEnd - reference.RssKb) / reference.RssKb:+0.0;-0.0}%); open sockets after warm-up={reference.Sockets}, end={socketsEnd}; " +
               $"exception lines A={ExceptionLines(pair.A.Output)} B={ExceptionLines(pair.B.Output)}; VmRSS kB every 5 s: " +
               string.Join(" ", taken.Where((_, i) => i % 10 == 0).Select(s => $"{s.At.TotalSeconds:0}s:{s.RssKb}")));

        if (Environment.GetEnvironmentVariable("FUZZ_LOGS") is { Length: > 0 } logs)
        {
            Directory.CreateDirectory(logs);
            await File.WriteAllTextAsync(Path.Combine(logs, $"{protocol}-{seed}-gateway-a.log"), pair.A.Output);
            await File.WriteAllTextAsync(Path.Combine(logs, $"{protocol}-{seed}-gateway-b.log"), pair.B.Output);
        }

        Assert.True(failures.Count == 0, $"legitimate calls failed while fuzzing {protocol} (seed {seed}):\n{string.Join("\n", failures)}\n{pair.Output}");
        Assert.True(statusA is not null, $"gateway A's status did not answer: {answerA}");
        Assert.True(statusB is not null, $"gateway B's status did not answer: {answerB}");
        Assert.True(FuzzPair.Quiet(statusA!.Value), $"gateway A did not settle (seed {seed}): {answerA}\n{pair.Output}");
        Assert.True(FuzzPair.Quiet(statusB!.Value), $"gateway B did not settle (seed {seed}): {answerB}\n{pair.Output}");
        foreach (string line in Forbidden)
        {
            Assert.False(pair.A.Output.Contains(line, StringComparison.Ordinal), $"gateway A logged \"{line}\" (seed {seed}):\n{pair.A.Output}");
            Assert.False(pair.B.Output.Contains(line, StringComparison.Ordinal), $"gateway B logged \"{line}\" (seed {seed}):\n{pair.B.Output}");
        }

        Assert.True(rssEnd <= reference.RssKb * 13 / 10,
            $"VmRSS grew from {reference.RssKb} kB after warm-up ({warmUp.TotalSeconds:0} s) to {rssEnd} kB (> 30 %) fuzzing {protocol} (seed {seed}): " +
            string.Join(" ", taken.Select(s => $"{s.At.TotalSeconds:0.0}s:{s.RssKb}")));
        // A few above the reference: the fuzzer's own connection of the moment, and one it has just closed.
        Assert.True(socketsEnd <= reference.Sockets + 4, $"open sockets grew from {reference.Sockets} after warm-up to {socketsEnd} fuzzing {protocol} (seed {seed})");
    }

    private static async Task CallsAsync(FuzzPair pair, int calls, List<string> failures)
    {
        Sipp.Result caller = await Sipp.RunClientAsync(Scenario("uac-call.xml"), pair.SipA, service: FuzzPair.Number, calls: calls,
            concurrent: 2, timeout: TimeSpan.FromSeconds(30));
        if (!caller.Succeeded) failures.Add(caller.ToString());
    }

    private static int ExceptionLines(string output) => DaemonProcess.CountLines(output, "Exception");

    private void Report(string line)
    {
        _log.WriteLine(line);
        if (Environment.GetEnvironmentVariable("FUZZ_REPORT") is { Length: > 0 } path)
        {
            lock (typeof(FuzzTests)) File.AppendAllText(path, line + "\n");
        }
    }
}
