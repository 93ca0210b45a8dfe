using Gateway.M3ua.Tests.Samples;
using Xunit.Abstractions;

namespace Gateway.M3ua.Tests.Tshark;

/// <summary>
/// Wireshark, an independent decoder, reads every message we encode — one of each class and type, carried in SCTP DATA
/// chunks with PPID 3 — as the class and type we meant, with the parameters we wrote, without finding it malformed
/// or raising an expert warning or error. A missing tshark fails the test (`make test` installs it).
/// </summary>
public sealed class TsharkRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_message_we_encode_is_decoded_by_tshark_without_defect()
    {
        var samples = M3uaSamples.All();
        var frames = Gateway.Testing.Tshark.DecodeM3uaOverSctp(samples.Select(m => m.Encode()).ToList(),
            "m3ua.message_class", "m3ua.message_type", "m3ua.message_length", "m3ua.parameter_tag", "m3ua.parameter_length");
        output.WriteLine(Gateway.Testing.Tshark.Version());

        Assert.Equal(samples.Count, frames.Count);
        var problems = new List<string>();
        for (int i = 0; i < samples.Count; i++)
        {
            var m = samples[i];
            var frame = frames[i];
            output.WriteLine($"{M3uaMessageNames.GetAcronym(m.Type)}: {frame}");

            // Wireshark lists nested parameters too (a Routing Key's content), after their group's tag and length.
            var expectedTags = new List<string>();
            var expectedLengths = new List<string>();
            foreach (var p in m.Parameters)
            {
                expectedTags.Add(((int)p.Tag).ToString());
                expectedLengths.Add((p.Value.Length + 4).ToString());
                if (p.IsGroup && p.TryGetGroup(out var inner))
                {
                    expectedTags.AddRange(inner.Select(q => ((int)q.Tag).ToString()));
                    expectedLengths.AddRange(inner.Select(q => (q.Value.Length + 4).ToString()));
                }
            }

            bool same = frame.Fields[0] == ((int)m.Class).ToString() && frame.Fields[1] == m.Type.GetTypeOctet().ToString()
                && frame.Fields[2] == m.GetEncodedLength().ToString()
                && frame.Fields[3] == string.Join("|", expectedTags) && frame.Fields[4] == string.Join("|", expectedLengths);
            if (!same || frame.Malformed || frame.MaxSeverity >= Gateway.Testing.Tshark.Warning)
            {
                problems.Add($"{m} ({Convert.ToHexStringLower(m.Encode())}): {frame}");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void Tshark_reads_the_fields_of_every_typed_parameter_as_we_wrote_them()
    {
        var samples = M3uaSamples.All();
        string[] fields =
        [
            "m3ua.routing_context", "m3ua.network_appearance", "m3ua.info_string", "m3ua.error_code", "m3ua.status_type", "m3ua.status_info",
            "m3ua.asp_identifier", "m3ua.affected_point_code_mask", "m3ua.affected_point_code_pc", "m3ua.unavailability_cause", "m3ua.user_identity",
            "m3ua.traffic_mode_type", "m3ua.congestion_level", "m3ua.concerned_dpc", "m3ua.protocol_data_opc", "m3ua.protocol_data_dpc",
            "m3ua.protocol_data_si", "m3ua.protocol_data_ni", "m3ua.protocol_data_mp", "m3ua.protocol_data_sls", "m3ua.heartbeat_data",
            "m3ua.local_rk_identifier", "m3ua.dpc_pc", "m3ua.si", "m3ua.opc_list_pc", "m3ua.registration_status",
            "m3ua.deregistration_status", "isup.message_type", "isup.cic",
        ];
        var frames = Gateway.Testing.Tshark.DecodeM3uaOverSctp(samples.Select(m => m.Encode()).ToList(), fields);
        string Field(M3uaMessageType type, string name) => frames[samples.ToList().FindIndex(m => m.Type == type)].Fields[Array.IndexOf(fields, name)];

        Assert.Equal("7", Field(M3uaMessageType.Err, "m3ua.routing_context"));
        Assert.Equal("25", Field(M3uaMessageType.Err, "m3ua.error_code"));
        Assert.Equal(("1", "3", "42", "AS up"), (Field(M3uaMessageType.Ntfy, "m3ua.status_type"), Field(M3uaMessageType.Ntfy, "m3ua.status_info"), Field(M3uaMessageType.Ntfy, "m3ua.asp_identifier"), Field(M3uaMessageType.Ntfy, "m3ua.info_string")));
        Assert.Equal(("0|8", "1001|8704"), (Field(M3uaMessageType.Duna, "m3ua.affected_point_code_mask"), Field(M3uaMessageType.Duna, "m3ua.affected_point_code_pc")));
        Assert.Equal(("8", "SG-1"), (Field(M3uaMessageType.Drst, "m3ua.network_appearance"), Field(M3uaMessageType.Drst, "m3ua.info_string")));
        Assert.Equal(("2", "3003"), (Field(M3uaMessageType.Scon, "m3ua.congestion_level"), Field(M3uaMessageType.Scon, "m3ua.concerned_dpc")));
        Assert.Equal(("2", "5"), (Field(M3uaMessageType.Dupu, "m3ua.unavailability_cause"), Field(M3uaMessageType.Dupu, "m3ua.user_identity")));
        Assert.Equal(("2", "10|11"), (Field(M3uaMessageType.AspAc, "m3ua.traffic_mode_type"), Field(M3uaMessageType.AspAc, "m3ua.routing_context")));
        Assert.Equal("00000001deadbeef01", Field(M3uaMessageType.Beat, "m3ua.heartbeat_data").Replace(":", ""));
        Assert.Equal(("1|2", "2002|2003", "5|5", "1001|1001"),
            (Field(M3uaMessageType.RegReq, "m3ua.local_rk_identifier"), Field(M3uaMessageType.RegReq, "m3ua.dpc_pc"), Field(M3uaMessageType.RegReq, "m3ua.si"), Field(M3uaMessageType.RegReq, "m3ua.opc_list_pc")));
        // Wireshark dissects a result's content with the same fields as the parameters at the top level.
        Assert.Equal(("1|2", "0|12", "100|0"),
            (Field(M3uaMessageType.RegRsp, "m3ua.local_rk_identifier"), Field(M3uaMessageType.RegRsp, "m3ua.registration_status"), Field(M3uaMessageType.RegRsp, "m3ua.routing_context")));
        Assert.Equal("100|101", Field(M3uaMessageType.DeregReq, "m3ua.routing_context"));
        Assert.Equal(("100|101", "0|4"), (Field(M3uaMessageType.DeregRsp, "m3ua.routing_context"), Field(M3uaMessageType.DeregRsp, "m3ua.deregistration_status")));

        // DATA: the label, then the ISUP IAM inside it, which Wireshark hands to its own ISUP dissector.
        Assert.Equal(("1001", "2002", "5", "2", "0", "5"),
            (Field(M3uaMessageType.Data, "m3ua.protocol_data_opc"), Field(M3uaMessageType.Data, "m3ua.protocol_data_dpc"), Field(M3uaMessageType.Data, "m3ua.protocol_data_si"),
             Field(M3uaMessageType.Data, "m3ua.protocol_data_ni"), Field(M3uaMessageType.Data, "m3ua.protocol_data_mp"), Field(M3uaMessageType.Data, "m3ua.protocol_data_sls")));
        Assert.Equal(("1", "21"), (Field(M3uaMessageType.Data, "isup.message_type"), Field(M3uaMessageType.Data, "isup.cic")));
    }

    [Fact]
    public void The_tshark_harness_sees_a_malformed_message_as_malformed()
    {
        // gom3ua_header_has_all: a parameter length of 0xbeef in a 12-octet message. If this passed as clean, the
        // tests above would prove nothing.
        var frames = Gateway.Testing.Tshark.DecodeM3uaOverSctp([Convert.FromHexString("010010100000000cdeadbeef")], "m3ua.message_class");
        Assert.True(frames.Single().Malformed);
        Assert.True(frames.Single().MaxSeverity >= Gateway.Testing.Tshark.Error);
    }

    [Fact]
    public void The_sctp_checksum_is_crc32c()
    {
        // RFC 3720 B.4's check value for CRC32c over "123456789".
        Assert.Equal(0xE3069283u, Gateway.Testing.Tshark.Crc32C("123456789"u8));
    }
}
