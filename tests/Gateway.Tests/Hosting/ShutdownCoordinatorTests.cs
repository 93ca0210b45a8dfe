using Gateway.Configuration;
using Gateway.Hosting;
using Gateway.Systemd;
using Gateway.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Hosting;

public sealed class ShutdownCoordinatorTests
{
    private sealed class FakeCalls(string name, int active, Func<DateTimeOffset, CancellationToken, Task>? drain = null) : IShutdownParticipant
    {
        public string Name => name;
        public int ActiveCount { get; set; } = active;
        public DateTimeOffset? Deadline { get; private set; }
        public bool AdmissionWasOpen { get; set; } = true;

        public Task DrainAsync(DateTimeOffset drainDeadline, CancellationToken cancellationToken)
        {
            Deadline = drainDeadline;
            return drain?.Invoke(drainDeadline, cancellationToken) ?? Finish();
        }

        private Task Finish()
        {
            ActiveCount = 0;
            return Task.CompletedTask;
        }
    }

    private readonly ManualTimeProvider _time = new();
    private readonly CallAdmission _admission = new();

    private ShutdownCoordinator Coordinator(SystemdNotifier notifier, params IShutdownParticipant[] participants) =>
        new(_admission, participants, new ShutdownOptions(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)), notifier, _time,
            NullLogger<ShutdownCoordinator>.Instance);

    [Fact]
    public async Task Closes_admission_then_drains_every_participant_to_the_same_deadline()
    {
        using var receiver = new NotifySocketReceiver();
        using var notifier = new SystemdNotifier(receiver.NotifySocket);
        var sip = new FakeCalls("sip", 3);
        var isup = new FakeCalls("isup", 4, (_, _) =>
        {
            Assert.False(_admission.IsOpen);
            return Task.CompletedTask;
        });

        await Coordinator(notifier, sip, isup).StoppingAsync(CancellationToken.None);

        Assert.False(_admission.IsOpen);
        var expected = _time.GetUtcNow() + TimeSpan.FromSeconds(30);
        Assert.Equal(expected, sip.Deadline);
        Assert.Equal(expected, isup.Deadline);
        Assert.Equal("STATUS=stopping: draining 7 calls", receiver.Receive());
    }

    [Fact]
    public async Task A_failing_or_cut_short_participant_does_not_stop_the_others()
    {
        using var notifier = new SystemdNotifier(null);
        using var cut = new CancellationTokenSource();
        var failing = new FakeCalls("broken", 1, (_, _) => throw new InvalidOperationException("boom"));
        var slow = new FakeCalls("slow", 2, async (_, ct) => await Task.Delay(Timeout.Infinite, ct));
        var fine = new FakeCalls("fine", 5);

        var stopping = Coordinator(notifier, failing, slow, fine).StoppingAsync(cut.Token);
        Assert.False(stopping.IsCompleted);
        cut.Cancel();
        await stopping;

        Assert.Equal(0, fine.ActiveCount);
        Assert.Equal(2, slow.ActiveCount);
    }
}
