namespace Gateway.Fsm.Tests;

/// <summary>
/// The outbox every protocol machine delivers its effects through: in order, outside the lock, one deliverer at a time,
/// and a throwing target neither loses the effects after it nor leaves the outbox claimed.
/// </summary>
public sealed class EffectOutboxTests
{
    private sealed class Owner
    {
        public readonly Lock Gate = new();
        public EffectOutbox<int> Outbox = new(2);
        public readonly List<int> Delivered = [];
        public Action<int>? OnDeliver;

        public void Decide(params int[] effects)
        {
            bool deliver;
            lock (Gate)
            {
                foreach (int effect in effects)
                {
                    Outbox.Add(effect);
                }

                deliver = Outbox.ClaimDelivery();
            }

            if (deliver)
            {
                Outbox.Deliver(Gate, new Target(this));
            }
        }
    }

    private readonly struct Target(Owner owner) : IEffectTarget<int>
    {
        public void Deliver(in int effect)
        {
            Assert.False(owner.Gate.IsHeldByCurrentThread, "delivered under the lock");
            owner.Delivered.Add(effect);
            owner.OnDeliver?.Invoke(effect);
        }
    }

    [Fact]
    public void Effects_are_delivered_in_order_and_those_a_target_decides_follow_in_the_same_loop()
    {
        var owner = new Owner();
        owner.OnDeliver = effect =>
        {
            if (effect == 2)
            {
                // A target calling back into its machine: the new effects wait for the ones already decided.
                owner.Decide(10, 11, 12);
            }
        };

        owner.Decide(1, 2, 3);
        Assert.Equal([1, 2, 3, 10, 11, 12], owner.Delivered);
        lock (owner.Gate)
        {
            Assert.True(owner.Outbox.IsEmpty);
            Assert.False(owner.Outbox.ClaimDelivery());
        }
    }

    [Fact]
    public void A_throwing_target_loses_nothing_and_the_first_failure_is_rethrown()
    {
        var owner = new Owner { OnDeliver = effect => throw new InvalidOperationException($"effect {effect}") };
        var failure = Assert.Throws<InvalidOperationException>(() => owner.Decide(1, 2, 3));
        Assert.Equal("effect 1", failure.Message);
        Assert.Equal([1, 2, 3], owner.Delivered);

        owner.OnDeliver = null;
        owner.Decide(4);
        Assert.Equal([1, 2, 3, 4], owner.Delivered);
    }
}
