using Gateway.Configuration;
using Gateway.Interworking;
using Microsoft.Extensions.Logging;

namespace Gateway.Control;

/// <summary>
/// <c>reload</c>: reads the configuration file again and hands its routing, cause tables and overload limits to the
/// calls, without touching a call, circuit or association. A file with any error, or routes that name a circuit group or trunk this
/// process does not run, is refused whole and the tables in force stay; everything else in the file takes effect at
/// the next restart.
/// </summary>
public sealed class ConfigurationReload(ConfigurationSource source, GatewayConfiguration running, InterworkingService calls, ILogger log)
{
    public ControlReply Run()
    {
        GatewayConfiguration next;
        try
        {
            next = GatewayConfigurationReader.ReadFile(source.Path);
        }
        catch (ConfigurationException e)
        {
            var lines = new List<string>(e.Errors.Count);
            foreach (ConfigurationError error in e.Errors) lines.Add(error.ToString());
            return Refuse($"{source.Path}: {string.Join("; ", lines)}");
        }

        foreach (SipToIsupRoute route in next.Routing.SipToIsup)
        {
            if (!Runs(running.Isup.CircuitGroups, route.CircuitGroup, static g => g.Name))
            {
                return Refuse($"route \"{route.Prefix}\" names circuit group {route.CircuitGroup}, which this process does not run: restart to add it");
            }
        }
        foreach (IsupToSipRoute route in next.Routing.IsupToSip)
        {
            if (!Runs(running.Sip.Trunks, route.Trunk, static t => t.Name))
            {
                return Refuse($"route \"{route.Prefix}\" names trunk {route.Trunk}, which this process does not run: restart to add it");
            }
        }

        calls.Reconfigure(next.Routing, new CallMapping(CallMappingOptionsFactory.Create(next.Interworking)), next.Overload);
        log.LogInformation("event=reload result=applied config={Config} sip-to-isup-routes={SipToIsup} isup-to-sip-routes={IsupToSip} max-calls-per-second={Rate} max-calls={MaxCalls}",
            source.Path, next.Routing.SipToIsup.Count, next.Routing.IsupToSip.Count, next.Overload.MaxCallsPerSecond, next.Overload.MaxCalls);
        return ControlReply.Ok(json =>
        {
            json.WriteStartObject();
            json.WriteString("config", source.Path);
            json.WriteNumber("sipToIsupRoutes", next.Routing.SipToIsup.Count);
            json.WriteNumber("isupToSipRoutes", next.Routing.IsupToSip.Count);
            json.WriteString("applied", "routing, interworking (cause and number tables), overload");
            json.WriteString("atRestart", "everything else");
            json.WriteEndObject();
        });
    }

    private ControlReply Refuse(string reason)
    {
        log.LogWarning("event=reload result=refused config={Config} reason=\"{Reason}\"", source.Path, reason);
        return ControlReply.Error("reload refused, the tables in force are kept: " + reason);
    }

    private static bool Runs<T>(IReadOnlyList<T> items, string name, Func<T, string> nameOf)
    {
        foreach (T item in items)
        {
            if (nameOf(item) == name) return true;
        }
        return false;
    }
}
