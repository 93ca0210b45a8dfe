using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using Gateway.M3ua.Tests.Conformance;
using Gateway.M3ua.Tests.Samples;

namespace Gateway.M3ua.Tests.Properties;

/// <summary>
/// Generated messages of every class and type survive encode then decode unchanged, and no input — random octets,
/// truncations, a wrong version, a length field claiming up to 4 GB, valid messages damaged at random — makes the
/// decoder throw anything but <see cref="M3uaFormatException"/>, read past the input (a span read out of bounds
/// would throw and fail these properties) or allocate more than a copy of what it was given.
/// </summary>
public sealed class CodecPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2000);

    private static byte[][] Seeds { get; } =
        [.. M3uaSamples.All().Select(m => m.Encode()), .. M3uaVectors.All.Select(v => v.Bytes)];

    [Fact]
    public void Decode_of_encode_is_identity_for_every_class_and_type()
    {
        int runs = 0;
        Check.One(Runs, Prop.ForAll(MessageGenerators.Message.ToArbitrary(), message =>
        {
            runs++;
            byte[] wire = message.Encode();
            Assert.Equal(wire.Length, message.GetEncodedLength());
            var decoded = M3uaMessage.Decode(wire);
            Assert.Equal(message, decoded);
            Assert.Equal(wire, decoded.Encode());

            // The zero-allocation reader agrees, and typed views read every known parameter the codec accepted.
            var reader = new M3uaReader(wire);
            Assert.Equal(message.Parameters.Count, reader.ParameterCount);
            ReadViews(decoded);

            // The reader finds each tag's first parameter (known tags from the offsets noted while validating,
            // unknown ones by walking) exactly where the message value has it, and no tag that is absent.
            foreach (var tag in Enum.GetValues<M3uaParameterTag>().Concat(decoded.Parameters.Select(p => p.Tag)))
            {
                bool found = reader.TryFind(tag, out var value);
                Assert.Equal(decoded.TryGetValue(tag, out var expected), found);
                Assert.True(value.SequenceEqual(expected.Span));
            }
        }));
        Assert.Equal(2000, runs);
    }

    [Fact]
    public void Every_class_and_type_is_generated_with_every_parameter_its_format_allows()
    {
        var types = new HashSet<M3uaMessageType>();
        var pairs = new HashSet<(M3uaMessageType, M3uaParameterTag)>();
        foreach (var m in MessageGenerators.Message.Sample(4000))
        {
            types.Add(m.Type);
            foreach (var p in m.Parameters) pairs.Add((m.Type, p.Tag));
        }

        Assert.Equal(MessageGenerators.Types.Order(), types.Order());
        foreach (var type in MessageGenerators.Types)
        {
            foreach (var slot in M3uaMessageFormats.Get(type)!.Parameters)
            {
                Assert.Contains((type, slot.Tag), pairs);
            }
        }
    }

    [Fact]
    public void Random_octets_never_throw_anything_but_our_format_exception()
    {
        // Pure noise, and noise behind a header that passes (version 1, an M3UA class and type, the right length),
        // so that the parameter checks are reached too.
        var noise = MessageGenerators.Octets(0, 80);
        var framed = from type in Gen.Elements(MessageGenerators.Types)
                     from body in MessageGenerators.Octets(0, 80)
                     select WithHeader(type, body);
        Check.One(Runs.WithMaxTest(4000), Prop.ForAll(Gen.OneOf(noise, framed).ToArbitrary(), bytes => { DecodeSafely(bytes); }));
    }

    [Fact]
    public void Every_truncation_of_a_valid_message_is_refused_cleanly()
    {
        Check.One(Runs.WithMaxTest(500), Prop.ForAll(MessageGenerators.Message.ToArbitrary(), message =>
        {
            byte[] wire = message.Encode();
            for (int length = 0; length < wire.Length; length++)
            {
                byte[] cut = wire[..length];
                Assert.NotEqual(M3uaError.None, DecodeSafely(cut));

                // With the length field made to agree, the cut reaches the parameter checks: it may even be a valid
                // message (a cut at a parameter boundary), but it never throws.
                if (length >= 8)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(cut.AsSpan(4), (uint)length);
                    DecodeSafely(cut);
                }
            }
        }));
    }

    [Fact]
    public void A_wrong_version_is_always_invalid_version()
    {
        var input = from message in MessageGenerators.Message
                    from version in Gen.Choose(0, 255).Where(v => v != 1)
                    select (message.Encode(), (byte)version);
        Check.One(Runs, Prop.ForAll(input.ToArbitrary(), c =>
        {
            var (wire, version) = c;
            wire[0] = version;
            Assert.Equal(M3uaError.InvalidVersion, DecodeSafely(wire));
            Assert.Equal(M3uaErrorCode.InvalidVersion, new M3uaReader(wire).ErrorCode);
        }));
    }

    [Fact]
    public void A_length_field_claiming_more_than_was_received_is_refused_without_allocating()
    {
        var input = from message in MessageGenerators.Message
                    from claim in Gen.OneOf(Gen.Choose(1, 1 << 16).Select(n => (long)n), Gen.Choose(0, int.MaxValue).Select(n => (long)n << 1), Gen.Constant(0xFFFFFFFFL))
                    select (message.Encode(), claim);
        Check.One(Runs, Prop.ForAll(input.ToArbitrary(), c =>
        {
            var (wire, claim) = c;
            uint length = (uint)Math.Min(0xFFFFFFFFL, wire.Length + claim);
            BinaryPrimitives.WriteUInt32BigEndian(wire.AsSpan(4), length);
            long before = GC.GetAllocatedBytesForCurrentThread();
            M3uaError error = M3uaMessage.TryDecode(wire, out var message, out _, out _);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal((M3uaError.MessageLengthMismatch, 0L), (error, allocated));
            Assert.Null(message);

            // A stream framer with a 64 KiB ceiling waits for a plausible claim and refuses an absurd one outright.
            bool framed = M3uaHeader.TryGetMessageLength(wire, 1 << 16, out int framedLength, out M3uaError framing);
            Assert.Equal(length <= 1 << 16, framed);
            Assert.Equal(framed ? ((int)length, M3uaError.None) : (0, M3uaError.MessageLengthMismatch), (framedLength, framing));
        }));
    }

    [Fact]
    public void Damaged_valid_messages_never_throw_anything_but_our_format_exception()
    {
        var damaged = from seed in Gen.Elements(Seeds)
                      from edits in Gen.ListOf(Gen.Zip(Gen.Choose(0, 4), Gen.Zip(Gen.Choose(0, 400), MessageGenerators.Octet)))
                      select Damage(seed, edits);
        Check.One(Runs.WithMaxTest(6000), Prop.ForAll(damaged.ToArbitrary(), bytes => { DecodeSafely(bytes); }));
    }

    [Fact]
    public void A_damaged_message_that_still_decodes_reencodes_to_a_message_that_decodes_the_same()
    {
        var damaged = from seed in Gen.Elements(Seeds)
                      from edits in Gen.ListOf(Gen.Zip(Gen.Constant(0), Gen.Zip(Gen.Choose(0, 400), MessageGenerators.Octet)))
                      select Damage(seed, edits);
        Check.One(Runs, Prop.ForAll(damaged.ToArbitrary(), bytes =>
        {
            if (M3uaMessage.TryDecode(bytes, out var message) != M3uaError.None) return;
            Assert.Equal(message, M3uaMessage.Decode(message!.Encode()));
        }));
    }

    private static M3uaError DecodeSafely(byte[] bytes)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        M3uaError error = M3uaMessage.TryDecode(bytes, out var message, out int offset, out _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // One copy of the input, the message, its list: bounded by what was received, whatever the length fields say.
        Assert.True(allocated <= 2 * bytes.Length + 1024, $"{allocated} bytes allocated for {bytes.Length} received");
        Assert.Equal(error == M3uaError.None, message is not null);
        Assert.True(error == M3uaError.None || (offset >= 0 && offset <= bytes.Length), $"offset {offset} of {bytes.Length}");
        try
        {
            M3uaMessage.Decode(bytes);
            Assert.Equal(M3uaError.None, error);
        }
        catch (M3uaFormatException e)
        {
            Assert.Equal(error, e.Error);
            Assert.NotEqual(M3uaErrorCode.None, e.ErrorCode);
        }

        var reader = new M3uaReader(bytes);
        Assert.Equal(error, reader.Error);
        int count = 0;
        while (reader.Read())
        {
            count++;
            _ = reader.Value.Length;
        }

        Assert.Equal(reader.ParameterCount, count);
        reader.TryGetProtocolData(out _, out _);
        if (message is not null) ReadViews(message);
        M3uaErrorReply.TryWrite(new byte[600], M3uaErrors.ToErrorCode(error), bytes, out _);
        return error;
    }

    // Typed views never throw on what the decoder let through, and every known parameter parses.
    private static void ReadViews(M3uaMessage message)
    {
        foreach (var p in message.Parameters)
        {
            bool parsed = p.Tag switch
            {
                M3uaParameterTag.InfoString => p.TryGet(out InfoString _),
                M3uaParameterTag.RoutingContext => p.TryGet(out RoutingContext _),
                M3uaParameterTag.DiagnosticInformation => p.TryGet(out DiagnosticInformation _),
                M3uaParameterTag.HeartbeatData => p.TryGet(out HeartbeatData _),
                M3uaParameterTag.TrafficModeType => p.TryGet(out TrafficModeType _),
                M3uaParameterTag.ErrorCode => p.TryGet(out ErrorCode _),
                M3uaParameterTag.Status => p.TryGet(out NotifyStatus _),
                M3uaParameterTag.AspIdentifier => p.TryGet(out AspIdentifier _),
                M3uaParameterTag.AffectedPointCode => p.TryGet(out AffectedPointCode _),
                M3uaParameterTag.CorrelationId => p.TryGet(out CorrelationId _),
                M3uaParameterTag.NetworkAppearance => p.TryGet(out NetworkAppearance _),
                M3uaParameterTag.UserCause => p.TryGet(out UserCause _),
                M3uaParameterTag.CongestionIndications => p.TryGet(out CongestionIndications _),
                M3uaParameterTag.ConcernedDestination => p.TryGet(out ConcernedDestination _),
                M3uaParameterTag.RoutingKey => p.TryGet(out RoutingKey _),
                M3uaParameterTag.RegistrationResult => p.TryGet(out RegistrationResult _),
                M3uaParameterTag.DeregistrationResult => p.TryGet(out DeregistrationResult _),
                M3uaParameterTag.ProtocolData => p.TryGet(out ProtocolData _) && message.TryGetProtocolData(out _),
                _ => !p.IsKnown,
            };
            Assert.True(parsed, p.ToString());
        }
    }

    private static byte[] WithHeader(M3uaMessageType type, byte[] body)
    {
        byte[] wire = new byte[8 + body.Length];
        wire[0] = 1;
        wire[2] = (byte)type.GetClass();
        wire[3] = type.GetTypeOctet();
        BinaryPrimitives.WriteUInt32BigEndian(wire.AsSpan(4), (uint)wire.Length);
        body.CopyTo(wire, 8);
        return wire;
    }

    // Edit kinds: 0 overwrite, 1 insert, 2 delete, 3 truncate, 4 overwrite then fix the length field; each at a
    // position modulo the length.
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
                case 4 when bytes.Count >= 8:
                    bytes[at] = value;
                    byte[] length = new byte[4];
                    BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Count);
                    for (int i = 0; i < 4; i++) bytes[4 + i] = length[i];
                    break;
            }
        }
        return bytes.ToArray();
    }
}
