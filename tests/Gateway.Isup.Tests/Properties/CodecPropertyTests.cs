using FsCheck;
using FsCheck.Fluent;
using Gateway.Isup.Tests.Samples;
using Gateway.Isup.Tests.Conformance;

namespace Gateway.Isup.Tests.Properties;

/// <summary>
/// Generated messages of every type survive encode then decode unchanged, and no input — random octets, or valid
/// messages damaged at random — makes the decoder throw anything but <see cref="IsupFormatException"/> or read past
/// the input (a span read out of bounds would throw IndexOutOfRangeException and fail these properties).
/// </summary>
public sealed class CodecPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2000);

    [Fact]
    public void Decode_of_encode_is_identity_for_every_message_type()
    {
        int runs = 0;
        Check.One(Runs, Prop.ForAll(MessageGenerators.Message.ToArbitrary(), message =>
        {
            runs++;
            byte[] wire = message.Encode();
            Assert.Equal(wire.Length, message.GetEncodedLength());
            var decoded = IsupMessage.Decode(wire, message.BodyForm);
            Assert.Equal(message, decoded);
            Assert.Equal(wire, decoded.Encode());
        }));
        Assert.Equal(2000, runs);
    }

    [Fact]
    public void Every_formatted_type_is_generated()
    {
        var seen = new HashSet<IsupMessageType>();
        foreach (var m in MessageGenerators.Message.Sample(3000)) seen.Add(m.Type);
        for (int c = 0; c < 256; c++)
        {
            if (IsupMessageFormats.TryGet((byte)c, out _)) Assert.Contains((IsupMessageType)c, seen);
        }
    }

    [Fact]
    public void Random_octets_never_throw_anything_but_our_format_exception()
    {
        var input = from form in Gen.Elements(IsupBodyForm.Mtp3UserData, IsupBodyForm.ApplicationIsup)
                    from bytes in MessageGenerators.Octets(0, 60)
                    select (form, bytes);
        Check.One(Runs, Prop.ForAll(input.ToArbitrary(), c => DecodeSafely(c.bytes, c.form)));
    }

    [Fact]
    public void Damaged_valid_messages_never_throw_anything_but_our_format_exception()
    {
        var seeds = IsupSamples.All().Select(m => m.Encode()).Concat(IsupVectors.All.Where(v => v.Form == IsupBodyForm.Mtp3UserData).Select(v => v.Bytes)).ToArray();
        var damaged = from seed in Gen.Elements(seeds)
                      from edits in Gen.ListOf(Gen.Zip(Gen.Choose(0, 3), Gen.Zip(Gen.Choose(0, 300), MessageGenerators.Octet)))
                      select Damage(seed, edits);
        Check.One(Runs.WithMaxTest(4000), Prop.ForAll(damaged.ToArbitrary(), bytes => DecodeSafely(bytes, IsupBodyForm.Mtp3UserData)));
    }

    [Fact]
    public void A_damaged_message_that_still_decodes_reencodes_to_a_message_that_decodes_the_same()
    {
        var seeds = IsupSamples.All().Select(m => m.Encode()).ToArray();
        var damaged = from seed in Gen.Elements(seeds)
                      from edits in Gen.ListOf(Gen.Zip(Gen.Constant(0), Gen.Zip(Gen.Choose(0, 300), MessageGenerators.Octet)))
                      select Damage(seed, edits);
        Check.One(Runs, Prop.ForAll(damaged.ToArbitrary(), bytes =>
        {
            if (IsupMessage.TryDecode(bytes, IsupBodyForm.Mtp3UserData, out var message) != IsupError.None) return;
            Assert.Equal(message, IsupMessage.Decode(message!.Encode(), IsupBodyForm.Mtp3UserData));
        }));
    }

    private static void DecodeSafely(byte[] bytes, IsupBodyForm form)
    {
        IsupError error = IsupMessage.TryDecode(bytes, form, out var message, out int offset, out _);
        Assert.Equal(error == IsupError.None, message is not null);
        Assert.True(error == IsupError.None || offset >= 0 && offset <= bytes.Length);
        try
        {
            IsupMessage.Decode(bytes, form);
            Assert.Equal(IsupError.None, error);
        }
        catch (IsupFormatException e)
        {
            Assert.Equal(error, e.Error);
        }

        var reader = new IsupReader(bytes, form);
        while (reader.Read())
        {
            _ = reader.ParameterValue.Length;
        }

        // Typed views never throw on what the decoder let through.
        foreach (var p in message?.Parameters ?? [])
        {
            p.TryGet(out CalledPartyNumber _);
            p.TryGet(out CallingPartyNumber _);
            p.TryGet(out GenericNumber _);
            p.TryGet(out RedirectingNumber _);
            p.TryGet(out CauseIndicators _);
            p.TryGet(out RangeAndStatus _);
            p.TryGet(out UserServiceInformation _);
            p.TryGet(out AccessTransport _);
            p.TryGet(out UserToUserInformation _);
            p.TryGet(out RedirectionInformation _);
        }
    }

    // Edit kinds: 0 overwrite, 1 insert, 2 delete, 3 truncate, each at a position modulo the length.
    private static byte[] Damage(byte[] seed, IEnumerable<(int Kind, (int Position, byte Value) Edit)> edits)
    {
        var bytes = seed.ToList();
        foreach (var (kind, (position, value)) in edits.Take(4))
        {
            int at = bytes.Count == 0 ? 0 : position % bytes.Count;
            switch (kind)
            {
                case 0 when bytes.Count > 0: bytes[at] = value; break;
                case 1: bytes.Insert(at, value); break;
                case 2 when bytes.Count > 0: bytes.RemoveAt(at); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return bytes.ToArray();
    }
}
