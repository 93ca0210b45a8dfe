namespace Gateway.Sip.Tests.Transactions;

public sealed class TransactionKeyTests
{
    [Fact]
    public void An_ACK_belongs_to_the_INVITE_server_transaction_with_the_same_branch_and_sent_by()
    {
        var invite = TransactionKey.ForServer("z9hG4bK776asdhds", "pc33.atlanta.com:5060", "INVITE");
        var ack = TransactionKey.ForServer("z9hG4bK776asdhds", "pc33.atlanta.com:5060", "ACK");

        Assert.Equal(invite, ack);
        Assert.Equal("INVITE", ack.Method);
    }

    [Fact]
    public void A_CANCEL_has_its_own_transaction_and_names_the_INVITE_it_cancels()
    {
        var invite = TransactionKey.ForServer("z9hG4bK776asdhds", "pc33.atlanta.com:5060", "INVITE");
        var cancel = TransactionKey.ForServer("z9hG4bK776asdhds", "pc33.atlanta.com:5060", "CANCEL");

        Assert.NotEqual(invite, cancel);
        Assert.Equal(invite, cancel.CancelledInviteKey());
        Assert.Throws<InvalidOperationException>(() => invite.CancelledInviteKey());
    }

    [Fact]
    public void Branch_and_sent_by_compare_case_insensitively_the_method_exactly()
    {
        var key = TransactionKey.ForServer("z9hG4bKabc", "Proxy.Example.COM:5060", "OPTIONS");

        Assert.Equal(key, TransactionKey.ForServer("Z9HG4BKABC", "proxy.example.com:5060", "OPTIONS"));
        Assert.Equal(key.GetHashCode(), TransactionKey.ForServer("Z9HG4BKABC", "proxy.example.com:5060", "OPTIONS").GetHashCode());
        Assert.NotEqual(key, TransactionKey.ForServer("z9hG4bKabc", "proxy.example.com:5060", "options"));
        Assert.NotEqual(key, TransactionKey.ForServer("z9hG4bKabd", "proxy.example.com:5060", "OPTIONS"));
        Assert.NotEqual(key, TransactionKey.ForServer("z9hG4bKabc", "proxy.example.com:5061", "OPTIONS"));
    }

    [Fact]
    public void Client_keys_use_the_branch_and_method_only()
    {
        var key = TransactionKey.ForClient("z9hG4bKnashds8", "BYE");

        Assert.Equal(string.Empty, key.SentBy);
        Assert.Equal(key, TransactionKey.ForClient("z9hG4bKnashds8", "BYE"));
        Assert.NotEqual(key, TransactionKey.ForClient("z9hG4bKnashds8", "CANCEL"));
    }

    [Fact]
    public void Keys_work_in_a_dictionary()
    {
        var table = new Dictionary<TransactionKey, string>
        {
            [TransactionKey.ForServer("z9hG4bK1", "a.example.com", "INVITE")] = "invite",
            [TransactionKey.ForServer("z9hG4bK1", "a.example.com", "CANCEL")] = "cancel",
        };

        Assert.Equal("invite", table[TransactionKey.ForServer("Z9hG4bK1", "A.example.com", "ACK")]);
        Assert.Equal("cancel", table[TransactionKey.ForServer("z9hG4bK1", "a.example.com", "CANCEL")]);
    }

    [Theory]
    [InlineData("z9hG4bK74bf9", true)]
    [InlineData("Z9HG4BK74bf9", true)]
    [InlineData("74bf9", false)]
    public void The_magic_cookie_tells_RFC_3261_branches_from_RFC_2543_ones(string branch, bool rfc3261)
    {
        Assert.Equal(rfc3261, TransactionKey.ForServer(branch, "a.example.com", "INVITE").HasRfc3261Branch);
    }

    [Fact]
    public void A_key_needs_a_branch_and_a_method()
    {
        Assert.Throws<ArgumentException>(() => new TransactionKey("", "a.example.com", "INVITE"));
        Assert.Throws<ArgumentException>(() => new TransactionKey("z9hG4bK1", "a.example.com", ""));
        Assert.Throws<ArgumentNullException>(() => new TransactionKey("z9hG4bK1", null!, "INVITE"));
    }
}
