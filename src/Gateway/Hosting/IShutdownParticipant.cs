namespace Gateway.Hosting;

/// <summary>A part of the gateway that holds calls or circuits and must end them cleanly on shutdown.</summary>
public interface IShutdownParticipant
{
    string Name { get; }

    /// <summary>Calls (or circuits) still in use.</summary>
    int ActiveCount { get; }

    /// <summary>
    /// Lets active calls end by themselves until <paramref name="drainDeadline"/>, then releases the rest and returns
    /// when they are all gone or <paramref name="cancellationToken"/> fires (the host's shutdown timeout).
    /// </summary>
    Task DrainAsync(DateTimeOffset drainDeadline, CancellationToken cancellationToken);
}
