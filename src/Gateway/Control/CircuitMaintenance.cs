using Gateway.Configuration;
using Gateway.Isup;
using Microsoft.Extensions.Logging;

namespace Gateway.Control;

/// <summary>
/// Turns an operator's <c>block|unblock|reset CIC[-CIC]</c> into ISUP maintenance messages: the equipped circuits of the
/// range, in runs of consecutive CICs of at most 32, each run one group message (CGB, CGU, GRS) and a single circuit
/// its own (BLO, UBL, RSC). Unequipped CICs inside the range are skipped: a group message naming one would be discarded
/// whole by the peer (Q.764 §2.9.3.3).
/// </summary>
public sealed class CircuitMaintenance(IsupExchange exchange, ILogger log)
{
    private const int MaxPerGroupMessage = 32;

    public ControlReply Run(string action, CicRange range, int dpc)
    {
        var equipped = new HashSet<int>();
        foreach (CircuitStatus status in exchange.GetCircuitStatuses(dpc)) equipped.Add(status.Cic);

        var steps = new List<(string Message, CicRange Cics, bool Sent)>();
        int cic = range.First;
        while (cic <= range.Last)
        {
            if (!equipped.Contains(cic))
            {
                cic++;
                continue;
            }
            int first = cic;
            while (cic <= range.Last && equipped.Contains(cic) && cic - first < MaxPerGroupMessage) cic++;
            int count = cic - first;
            steps.Add(Send(action, dpc, first, count));
        }

        if (steps.Count == 0) return ControlReply.Error($"no equipped circuit in {range} toward DPC {dpc}");
        foreach (var (message, cics, sent) in steps)
        {
            log.LogInformation("event=operator-{Action} dpc={Dpc} cics={Cics} message={Message} result={Result}",
                action, dpc, cics, message, sent ? "sent" : "not-needed");
        }

        return ControlReply.Ok(json =>
        {
            json.WriteStartObject();
            json.WriteString("action", action);
            json.WriteNumber("dpc", dpc);
            json.WriteStartArray("messages");
            foreach (var (message, cics, sent) in steps)
            {
                json.WriteStartObject();
                json.WriteString("message", message);
                json.WriteString("cics", cics.ToString());
                // Not sent: every circuit already was in the state asked for, or the route is down (a reset waits for it).
                json.WriteBoolean("sent", sent);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private (string, CicRange, bool) Send(string action, int dpc, int first, int count)
    {
        var cics = new CicRange(first, first + count - 1);
        const CircuitGroupSupervisionType maintenance = CircuitGroupSupervisionType.MaintenanceOriented;
        return (action, count) switch
        {
            ("block", 1) => ("BLO", cics, exchange.Block(dpc, first)),
            ("block", _) => ("CGB", cics, exchange.BlockGroup(dpc, first, count, maintenance)),
            ("unblock", 1) => ("UBL", cics, exchange.Unblock(dpc, first)),
            ("unblock", _) => ("CGU", cics, exchange.UnblockGroup(dpc, first, count, maintenance)),
            ("reset", 1) => ("RSC", cics, exchange.Reset(dpc, first)),
            _ => ("GRS", cics, exchange.ResetGroup(dpc, first, count)),
        };
    }
}
