using Gateway.Isup;

namespace Gateway.Interworking;

/// <summary>The call an <see cref="IsupCall"/> belongs to (its <see cref="IsupCall.UserState"/>): where that circuit's events go.</summary>
public interface IIsupCallParty
{
    void OnIsupEvent(IsupCall call, in IsupCallEvent callEvent);
}
