using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>A peer that answers on the sending thread, before the send returns: GRS with GRA, IAM with ACM.</summary>
internal sealed class AnsweringPeer : IIsupSignalSink
{
    public IsupExchange? Exchange { get; set; }

    public void Send(int dpc, in IsupSignal signal)
    {
        switch (signal.Type)
        {
            case IsupMessageType.GRS:
                Exchange!.Receive(dpc, IsupSignal.GroupResetAcknowledgement(signal.Cic, signal.Range, CircuitStatusBits.None));
                break;
            case IsupMessageType.IAM:
                Exchange!.Receive(dpc, IsupSignal.Call(IsupMessageType.ACM, signal.Cic, "ACM"));
                break;
        }
    }
}
