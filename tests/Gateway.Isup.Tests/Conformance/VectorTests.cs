using System.Security.Cryptography;

namespace Gateway.Isup.Tests.Conformance;

/// <summary>
/// Every independent vector decodes to what Wireshark shows for it and re-encodes to the same octets; the ones Wireshark
/// finds malformed are refused, each for a reason Q.763 gives.
/// </summary>
public sealed class VectorTests
{
    private static readonly IsupParameterCode[] NumberCodes =
    [
        IsupParameterCode.CalledPartyNumber, IsupParameterCode.CallingPartyNumber, IsupParameterCode.RedirectingNumber,
        IsupParameterCode.RedirectionNumber, IsupParameterCode.ConnectedNumber, IsupParameterCode.OriginalCalledNumber,
        IsupParameterCode.LocationNumber, IsupParameterCode.CallTransferNumber, IsupParameterCode.CalledInNumber,
        IsupParameterCode.OriginalCalledInNumber, IsupParameterCode.GenericNumber,
    ];

    public static TheoryData<string> Valid => IsupVectors.Names(malformed: false);

    public static TheoryData<string> Malformed => IsupVectors.Names(malformed: true);

    [Fact]
    public void The_copies_are_the_shared_vectors_byte_for_byte()
    {
        Assert.Equal(51, IsupVectors.All.Count);
        Assert.Equal(4, IsupVectors.All.Count(v => v.IsMalformed));
        byte[] tsv = File.ReadAllBytes(Path.Combine(IsupVectors.Directory, "vectors.tsv"));
        Assert.Equal("5b985f30e1abb0448278ad14cdaf4d2c33916896def066113049ba9de5fe85c0", Convert.ToHexStringLower(SHA256.HashData(tsv)));
        foreach (var v in IsupVectors.All) Assert.True(File.Exists(Path.Combine(IsupVectors.Directory, "decoded", v.Name + ".txt")), v.Name);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Decodes_to_what_wireshark_shows_and_reencodes_byte_exact(string name)
    {
        var vector = IsupVectors.Get(name);
        var wireshark = IsupVectors.Decoded(name);
        var message = IsupMessage.Decode(vector.Bytes, vector.Form);

        Assert.Equal(wireshark.MessageType, (int)message.Type);
        Assert.Equal(wireshark.Cic, message.Cic);
        Assert.Equal(vector.Bytes, message.Encode());

        // The zero-allocation path sees the same parameters as the message value.
        var reader = new IsupReader(vector.Bytes, vector.Form);
        int index = 0;
        while (reader.Read())
        {
            Assert.Equal(message.Parameters[index].Code, reader.ParameterCode);
            Assert.True(message.Parameters[index++].Value.Span.SequenceEqual(reader.ParameterValue));
        }
        Assert.Equal(message.Parameters.Count, index);

        if (wireshark.FormatIsNationalMatter)
        {
            // Wireshark 4.0 does not dissect SDN's content; Q.763 gives it an optional part only, which is how it reads.
            Assert.Equal(IsupMessageType.SDN, message.Type);
            return;
        }

        Assert.Equal(wireshark.Mandatory, message.Parameters.Where(p => p.Kind != IsupParameterKind.Optional).Select(p => (int)p.Code));
        Assert.Equal(wireshark.Optional, message.Parameters.Where(p => p.Kind == IsupParameterKind.Optional).Select(p => ((int)p.Code, p.Value.Length)));
        AssertTypedFields(message, wireshark);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Is_refused_as_wireshark_refuses_it(string name)
    {
        var vector = IsupVectors.Get(name);
        IsupError error = IsupMessage.TryDecode(vector.Bytes, vector.Form, out var message, out int offset, out var parameter);
        Assert.Null(message);
        var expected = name switch
        {
            // CFN and SAM have one mandatory variable parameter and an optional part, so two pointer octets; the first
            // pointer is 1, which designates the second pointer octet itself. Q.763 §1.7 puts the mandatory variable
            // part after all the pointers: the jSS7 encoder forgot the optional part's pointer.
            "jss7_CNF" or "jss7_SAM" => (IsupError.PointerOutOfRange, 3, (IsupParameterCode?)(name == "jss7_CNF" ? IsupParameterCode.CauseIndicators : IsupParameterCode.SubsequentNumber)),
            // The application transport value 05 02 45 86 has the extension bit 0 in its first three octets, so the
            // application context identifier group (Q.763 §3.82 octets 1/1a) swallows all four and the instruction
            // indicators and segmentation octets are missing: the parameter is shorter than its own structure says.
            "jss7_APT" or "jss7_PRI" => (IsupError.InvalidParameterContent, 10, (IsupParameterCode?)IsupParameterCode.ApplicationTransport),
            _ => throw new InvalidOperationException($"no expectation for {name}"),
        };
        Assert.Equal(expected, (error, offset, parameter));
        Assert.Throws<IsupFormatException>(() => IsupMessage.Decode(vector.Bytes, vector.Form));
    }

    [Fact]
    public void The_release_in_a_sip_t_bye_is_cause_31_in_the_transit_network()
    {
        var rel = IsupMessage.Decode(IsupVectors.Get("nmusco_REL_inBYE").Bytes, IsupBodyForm.ApplicationIsup);
        Assert.Equal(IsupMessageType.REL, rel.Type);
        Assert.Null(rel.Cic);
        Assert.True(rel.TryGet(out CauseIndicators cause));
        Assert.Equal((31, CauseLocation.TransitNetwork, CauseCodingStandard.ItuT), (cause.CauseValue, cause.Location, cause.CodingStandard));
        Assert.True(cause.Diagnostics.IsEmpty);
    }

    [Fact]
    public void A_cause_in_another_coding_standard_is_read_all_the_same()
    {
        var frj = IsupMessage.Decode(IsupVectors.Get("jss7_FRJ").Bytes, IsupBodyForm.Mtp3UserData);
        Assert.True(frj.TryGet(out CauseIndicators cause));
        Assert.Equal((CauseCodingStandard.SpecificToLocation, CauseLocation.PublicNetworkRemoteUser, 12), (cause.CodingStandard, cause.Location, (int)cause.CauseValue));
    }

    [Fact]
    public void A_sip_i_iam_yields_its_numbers_and_redirection()
    {
        var iam = IsupMessage.Decode(IsupVectors.Get("nmusco_IAM_b").Bytes, IsupBodyForm.ApplicationIsup);
        Assert.True(iam.TryGet(out CalledPartyNumber called));
        Assert.Equal(("15495", NatureOfAddress.NationalNumber, NumberingPlan.Isdn, false), (called.Digits, called.NatureOfAddress, called.NumberingPlan, called.HasEndOfPulsing));
        Assert.True(iam.TryGet(out CallingPartyNumber calling));
        Assert.Equal(("4191947763", AddressPresentation.Allowed, ScreeningIndicator.NetworkProvided), (calling.Digits, calling.Presentation, calling.Screening));
        Assert.True(iam.TryGet(out RedirectionInformation redirection));
        Assert.Equal((RedirectingIndicator.DivertedAllRestricted, RedirectingReason.NoReply, 1), (redirection.Indicator, redirection.Reason, (int)redirection.Counter));
        Assert.True(iam.TryGet(out RedirectingNumber redirecting));
        Assert.Equal(("4199220720", AddressPresentation.Restricted), (redirecting.Digits, redirecting.Presentation));
        Assert.True(iam.TryGet(out CallingPartysCategory category));
        Assert.Equal(0xE0, (int)category.Value); // national-use value: carried as it came
        Assert.True(iam.TryGet(out UserServiceInformation usi));
        Assert.Equal((0, 0x10, (byte?)3), ((int)usi.TransferCapability, (int)usi.TransferRate, usi.Layer1Protocol));
    }

    private static void AssertTypedFields(IsupMessage message, WiresharkDecode wireshark)
    {
        List<T> All<T>()
            where T : struct, IIsupParameter<T>
        {
            var list = new List<T>();
            foreach (var p in message.Parameters)
            {
                if (p.TryGet(out T view)) list.Add(view);
                else Assert.NotEqual(T.Code, p.Code); // every parameter of a typed code parses
            }
            return list;
        }

        // Wireshark dissects the fields of ITU-T coded causes only (jss7_FRJ's is coded "specific to the location").
        var causes = All<CauseIndicators>().Where(c => c.CodingStandard == CauseCodingStandard.ItuT).ToList();
        Assert.Equal(wireshark.Values("Cause indicator"), causes.Select(c => (int)c.CauseValue));
        Assert.Equal(wireshark.Values("Cause location"), causes.Select(c => (int)c.Location));
        Assert.Equal(wireshark.Values("Event indicator"), All<EventInformation>().Select(e => (int)e.Indicator));
        Assert.Equal(wireshark.Values("Charge indicator"), All<BackwardCallIndicators>().Select(b => (int)b.Charge));
        Assert.Equal(wireshark.Values("Called party's status indicator"), All<BackwardCallIndicators>().Select(b => (int)b.CalledPartyStatus));
        Assert.Equal(wireshark.Values("Called party's category indicator"), All<BackwardCallIndicators>().Select(b => (int)b.CalledPartyCategory));
        Assert.Equal(wireshark.Values("Circuit group supervision message type"), All<CircuitGroupSupervisionMessageType>().Select(t => (int)t.Type));
        // Wireshark prints the number of circuits, the range code plus one.
        Assert.Equal(wireshark.Texts("Range").Select(int.Parse), All<RangeAndStatus>().Select(r => r.CircuitCount));
        Assert.Equal(wireshark.Values("Satellite Indicator"), All<NatureOfConnectionIndicators>().Select(n => n.SatelliteCircuits));
        Assert.Equal(wireshark.Values("Continuity Check Indicator"), All<NatureOfConnectionIndicators>().Select(n => (int)n.ContinuityCheck));
        Assert.Equal(wireshark.Values("ISDN user part preference indicator"), All<ForwardCallIndicators>().Select(f => (int)f.IsupPreference));
        Assert.Equal(wireshark.Values("Calling Party's category"), All<CallingPartysCategory>().Select(c => (int)c.Value));
        Assert.Equal(wireshark.Values("Transmission medium requirement"), All<TransmissionMediumRequirement>().Select(t => (int)t.Value));
        Assert.Equal(wireshark.Values("Redirection indicator"), All<RedirectionInformation>().Select(r => (int)r.Indicator));
        Assert.Equal(wireshark.Values("Redirection reason"), All<RedirectionInformation>().Select(r => (int)r.Reason));
        Assert.Equal(wireshark.Values("Original redirection reason"), All<RedirectionInformation>().Select(r => (int)r.OriginalReason));
                Assert.Equal(wireshark.CounterTexts(), All<RedirectionInformation>().Select(r => (int)r.Counter));
        Assert.Equal(wireshark.Values("Information transfer capability"), All<UserServiceInformation>().Select(u => (int)u.TransferCapability));
        Assert.Equal(wireshark.Values("Information transfer rate"), All<UserServiceInformation>().Select(u => (int)u.TransferRate));
        Assert.Equal(wireshark.Values("User information layer 1 protocol"), All<UserServiceInformation>().Where(u => u.Layer1Protocol.HasValue).Select(u => (int)u.Layer1Protocol!.Value));

        // Number parameters: nature of address and numbering plan of each, in wire order, and the digits.
        var numbers = message.Parameters.Where(p => NumberCodes.Contains(p.Code)).ToList();
        int Octet(IsupParameter p, int i) => p.Value.Span[(p.Code == IsupParameterCode.GenericNumber ? 1 : 0) + i];
        Assert.Equal(wireshark.Values("Nature of address indicator"), numbers.Select(p => Octet(p, 0) & 0x7F));
        Assert.Equal(wireshark.Values("Numbering plan indicator"), numbers.Select(p => (Octet(p, 1) >> 4) & 0x07));
        var screened = numbers.Where(p => p.Code is IsupParameterCode.CallingPartyNumber or IsupParameterCode.ConnectedNumber
            or IsupParameterCode.LocationNumber or IsupParameterCode.CallTransferNumber or IsupParameterCode.GenericNumber);
        Assert.Equal(wireshark.Values("Screening indicator"), screened.Select(p => Octet(p, 1) & 0x03));
        Assert.Equal(wireshark.Values("Address presentation restricted indicator"),
            numbers.Where(p => p.Code is not (IsupParameterCode.CalledPartyNumber or IsupParameterCode.RedirectionNumber)).Select(p => (Octet(p, 1) >> 2) & 0x03));

        foreach (var (label, digits) in (IEnumerable<(string, string)>)[
            ("Called Party Number", string.Join("|", All<CalledPartyNumber>().Select(n => n.Digits))),
            ("Calling Party Number", string.Join("|", All<CallingPartyNumber>().Select(n => n.Digits))),
            ("Redirecting Number", string.Join("|", All<RedirectingNumber>().Select(n => n.Digits))),
            ("Original Called Number", string.Join("|", All<OriginalCalledNumber>().Select(n => n.Digits))),
        ])
        {
            Assert.Equal(string.Join("|", wireshark.Texts(label).Distinct()), digits);
        }
    }
}
