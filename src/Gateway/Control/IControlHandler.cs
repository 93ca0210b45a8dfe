namespace Gateway.Control;

/// <summary>What answers the control socket's requests; the socket itself knows no verbs.</summary>
public interface IControlHandler
{
    ValueTask<ControlReply> HandleAsync(ControlRequest request, CancellationToken cancellationToken);
}
