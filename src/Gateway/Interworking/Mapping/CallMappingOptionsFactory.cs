using Gateway.Configuration;
using Gateway.Isup;

namespace Gateway.Interworking;

/// <summary>
/// The <c>interworking</c> section as the mapping's options: the only place the file's words meet the mapping's types,
/// so that neither has to know the other's shape.
/// </summary>
public static class CallMappingOptionsFactory
{
    public static CallMappingOptions Create(InterworkingOptions interworking)
    {
        ArgumentNullException.ThrowIfNull(interworking);
        var causeToStatus = new Dictionary<byte, int>();
        foreach (var (cause, status) in interworking.CauseToStatus) causeToStatus[(byte)cause] = status;
        var statusToCause = new Dictionary<int, byte>();
        foreach (var (status, cause) in interworking.StatusToCause) statusToCause[status] = (byte)cause;
        var prefixes = new List<NumberPrefixRule>(interworking.NumberPrefixes.Count);
        foreach (NumberPrefix prefix in interworking.NumberPrefixes)
        {
            prefixes.Add(new NumberPrefixRule(prefix.Prefix, prefix.Nature switch
            {
                NumberNature.Subscriber => NatureOfAddress.SubscriberNumber,
                NumberNature.International => NatureOfAddress.InternationalNumber,
                _ => NatureOfAddress.NationalNumber,
            }));
        }

        return CallMappingOptions.Default with
        {
            CauseToStatusOverrides = causeToStatus,
            StatusToCauseOverrides = statusToCause,
            NumberPrefixRules = prefixes,
            CancelWithoutReasonCause = interworking.CancelWithoutReasonCause,
            CancelCompletedElsewhereCause = interworking.CancelCompletedElsewhereCause,
        };
    }
}
