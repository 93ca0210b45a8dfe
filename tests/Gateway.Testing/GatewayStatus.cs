using System.Diagnostics;
using System.Text.Json;

namespace Gateway.Testing;

/// <summary>
/// What the operator CLI's <c>status --json</c> says about one gateway's first destination and its calls: enough to tell
/// whether every circuit is idle again and no call is left (no stuck CIC, no leaked call). <see cref="Sip"/> and
/// <see cref="Memory"/> are null when the gateway does not report them.
/// </summary>
public sealed record GatewayStatus(string Destination, int Total, int Idle, int Blocked, int ActiveCalls, string Circuits,
    GatewayStatus.SipCounts? Sip = null, GatewayStatus.MemoryFigures? Memory = null)
{
    /// <summary>The SIP stack's live objects: all 0 once nothing is left of any call (the soak's leak check).</summary>
    public sealed record SipCounts(int Calls, int Dialogs, int ServerTransactions, int ClientTransactions)
    {
        public bool IsEmpty => Calls == 0 && Dialogs == 0 && ServerTransactions == 0 && ClientTransactions == 0;

        public override string ToString() =>
            $"sip calls {Calls}, dialogs {Dialogs}, server transactions {ServerTransactions}, client transactions {ClientTransactions}";
    }

    /// <summary><c>memory</c>: resident set, managed heap now, managed heap after the last GC (live and not fragmented).</summary>
    public sealed record MemoryFigures(long WorkingSetBytes, long ManagedHeapBytes, long ManagedHeapAfterLastGcBytes, long GcCount);

    /// <summary>Every circuit idle and unblocked, the destination available and no call up.</summary>
    public bool AllIdle => Destination == "available" && Idle == Total && Blocked == 0 && ActiveCalls == 0;

    /// <summary><see cref="AllIdle"/>, and no SIP call, dialog or transaction left either.</summary>
    public bool NothingLeft => AllIdle && Sip is { IsEmpty: true };

    public override string ToString() =>
        $"destination {Destination}, circuits {Circuits} (total {Total}), calls {ActiveCalls}{(Sip is null ? "" : $", {Sip}")}";

    /// <summary>Runs <c>status --json --socket <paramref name="socket"/></c> and reads it.</summary>
    public static async Task<GatewayStatus> ReadAsync(string socket)
    {
        GatewayCli.Result result = await GatewayCli.RunAsync("status", "--json", "--socket", socket);
        if (result.ExitCode != 0) throw new InvalidOperationException($"status failed: {result}");
        using JsonDocument document = JsonDocument.Parse(result.Output);
        JsonElement root = document.RootElement;
        JsonElement destination = root.GetProperty("destinations")[0];
        JsonElement circuits = destination.GetProperty("circuits");
        int total = 0, idle = 0, blocked = 0;
        foreach (JsonProperty p in circuits.EnumerateObject())
        {
            if (p.Name == "blocked") blocked = p.Value.GetInt32();
            else
            {
                total += p.Value.GetInt32();
                if (p.Name == "idle") idle = p.Value.GetInt32();
            }
        }
        SipCounts? sip = root.TryGetProperty("sip", out JsonElement s)
            ? new SipCounts(s.GetProperty("calls").GetInt32(), s.GetProperty("dialogs").GetInt32(),
                s.GetProperty("serverTransactions").GetInt32(), s.GetProperty("clientTransactions").GetInt32())
            : null;
        MemoryFigures? memory = root.TryGetProperty("memory", out JsonElement m)
            ? new MemoryFigures(m.GetProperty("workingSetBytes").GetInt64(), m.GetProperty("managedHeapBytes").GetInt64(),
                m.GetProperty("managedHeapAfterLastGcBytes").GetInt64(), m.GetProperty("gcCount").GetInt64())
            : null;
        return new GatewayStatus(destination.GetProperty("state").GetString() ?? "?", total, idle, blocked,
            root.GetProperty("calls").GetProperty("active").GetInt32(), circuits.GetRawText(), sip, memory);
    }

    /// <summary>
    /// Polls <c>status</c> every 100 ms until <paramref name="until"/> holds and returns that status with the time it
    /// took; throws with the last status seen when <paramref name="timeout"/> passes first.
    /// </summary>
    public static async Task<(GatewayStatus Status, TimeSpan Elapsed)> PollAsync(string socket, Func<GatewayStatus, bool> until, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        GatewayStatus? last = null;
        while (clock.Elapsed < timeout)
        {
            last = await ReadAsync(socket);
            if (until(last)) return (last, clock.Elapsed);
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        throw new TimeoutException($"status of {socket} did not reach the expected state within {timeout.TotalSeconds} s; last: {last}");
    }

    /// <summary>Polls until <see cref="AllIdle"/> with the given number of circuits.</summary>
    public static Task<(GatewayStatus Status, TimeSpan Elapsed)> PollAllIdleAsync(string socket, int circuits, TimeSpan timeout) =>
        PollAsync(socket, s => s.AllIdle && s.Total == circuits, timeout);
}
