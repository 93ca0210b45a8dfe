namespace Gateway.Sip.Tests;

/// <summary>
/// The hot headers are parsed for every message, so their allocations are pinned down here (bytes, not time).
/// </summary>
public sealed class ParsingAllocationTests
{
    private static long AllocatedBy(Action action)
    {
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void CSeq_with_an_rfc_method_allocates_nothing()
    {
        byte[] value = " 4711 INVITE"u8.ToArray();
        Assert.Equal(0, AllocatedBy(() => CSeqHeader.TryParse(value, out _)));
    }

    [Fact]
    public void Via_allocates_only_the_copy_the_object_the_host_and_the_branch()
    {
        byte[] value = "SIP/2.0/UDP 10.0.5.25:5060;received=10.0.5.25;rport=5060;branch=z9hG4bK7fe8d1cf28d381861f"u8.ToArray();
        long bytes = AllocatedBy(() => ViaHeader.TryParse(value, out _));

        // One ~110-byte array, one object of about a dozen fields, two short strings: about 350 bytes, and far
        // from what materialising every parameter would cost.
        Assert.InRange(bytes, 1, 400);
    }

    [Fact]
    public void NameAddress_allocates_only_the_copy_the_object_and_the_tag()
    {
        byte[] value = "\"4599082206\" <sip:4599082206@timbr1S.com;user=phone>;tag=7a95d4df-0050-004b-0000-0000"u8.ToArray();
        long bytes = AllocatedBy(() => NameAddress.TryParse(value, out _));
        Assert.InRange(bytes, 1, 400);
    }
}
