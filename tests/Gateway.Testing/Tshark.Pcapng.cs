using System.Buffers.Binary;
using System.Globalization;

namespace Gateway.Testing;

public static partial class Tshark
{
    /// <summary>The UDP port HEP collectors listen on, where <see cref="DecodeHep"/> puts its datagrams.</summary>
    public const ushort HepPort = 9060;

    /// <summary>
    /// A HEPv3 dissector for tshark, written from the HEP specification: Debian's Wireshark 4.0 has none. It adds each
    /// chunk as a field, hands the payload to the SIP (protocol type 1) or M3UA (9) dissector, and reports anything
    /// that does not add up (id, total length, a chunk length) in <c>hep3.error</c>.
    /// </summary>
    private const string Hep3Lua = """
        local hep3 = Proto("hep3", "HEPv3 (test dissector)")
        local f = {
          family = ProtoField.uint8("hep3.ip_family", "IP family"),
          proto = ProtoField.uint8("hep3.ip_proto", "IP protocol"),
          src4 = ProtoField.ipv4("hep3.src_ip4", "Source IPv4"),
          dst4 = ProtoField.ipv4("hep3.dst_ip4", "Destination IPv4"),
          src6 = ProtoField.ipv6("hep3.src_ip6", "Source IPv6"),
          dst6 = ProtoField.ipv6("hep3.dst_ip6", "Destination IPv6"),
          sport = ProtoField.uint16("hep3.src_port", "Source port"),
          dport = ProtoField.uint16("hep3.dst_port", "Destination port"),
          sec = ProtoField.uint32("hep3.ts_sec", "Seconds"),
          usec = ProtoField.uint32("hep3.ts_usec", "Microseconds"),
          ptype = ProtoField.uint8("hep3.proto_type", "Protocol type"),
          capid = ProtoField.uint32("hep3.capture_id", "Capture agent id"),
          auth = ProtoField.string("hep3.auth_key", "Authentication key"),
          payload = ProtoField.bytes("hep3.payload", "Payload"),
          error = ProtoField.string("hep3.error", "Error"),
        }
        hep3.fields = { f.family, f.proto, f.src4, f.dst4, f.src6, f.dst6, f.sport, f.dport, f.sec, f.usec, f.ptype, f.capid, f.auth, f.payload, f.error }
        local by_type = { [1] = f.family, [2] = f.proto, [3] = f.src4, [4] = f.dst4, [5] = f.src6, [6] = f.dst6, [7] = f.sport,
          [8] = f.dport, [9] = f.sec, [10] = f.usec, [11] = f.ptype, [12] = f.capid, [14] = f.auth, [15] = f.payload }
        local sip = Dissector.get("sip")
        local m3ua = Dissector.get("m3ua")
        function hep3.dissector(tvb, pinfo, tree)
          local t = tree:add(hep3, tvb())
          if tvb:len() < 6 or tvb(0, 4):string() ~= "HEP3" then t:add(f.error, "no HEP3 id") return end
          if tvb(4, 2):uint() ~= tvb:len() then t:add(f.error, "total length " .. tvb(4, 2):uint() .. " ~= " .. tvb:len()) end
          local off = 6
          local ptype = nil
          local payload = nil
          while off + 6 <= tvb:len() do
            local vendor = tvb(off, 2):uint()
            local typ = tvb(off + 2, 2):uint()
            local len = tvb(off + 4, 2):uint()
            if vendor ~= 0 then t:add(f.error, "vendor " .. vendor) end
            if len < 7 or off + len > tvb:len() then t:add(f.error, "chunk " .. typ .. " length " .. len) return end
            local value = tvb(off + 6, len - 6)
            local field = by_type[typ]
            if field == nil then t:add(f.error, "unknown chunk " .. typ) else t:add(field, value) end
            if typ == 11 then ptype = value:uint() end
            if typ == 15 then payload = value end
            off = off + len
          end
          if off ~= tvb:len() then t:add(f.error, "trailing octets") end
          if payload ~= nil and ptype == 1 then sip:call(payload:tvb(), pinfo, tree) end
          if payload ~= nil and ptype == 9 then m3ua:call(payload:tvb(), pinfo, tree) end
        end
        DissectorTable.get("udp.port"):add(9060, hep3)
        """;

    /// <summary>
    /// Decodes a capture file as it is, with extra tshark <paramref name="options"/> (say <c>-o</c> preferences),
    /// reporting per frame the <paramref name="fields"/>, the expert findings and whether it was malformed.
    /// </summary>
    public static IReadOnlyList<Frame> DecodeFile(string path, IReadOnlyList<string> options, params string[] fields)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException("tshark is not installed: run `make test`, or apt-get install tshark");
        }

        var arguments = new List<string>(options) { "-n", "-r", path, "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=|", "-e", "frame.number" };
        foreach (var field in fields)
        {
            arguments.Add("-e");
            arguments.Add(field);
        }

        arguments.AddRange(["-e", "_ws.expert.severity", "-e", "_ws.expert.message", "-e", "_ws.malformed"]);
        var (exit, output, errors) = Run(arguments);
        if (exit != 0)
        {
            throw new InvalidOperationException($"tshark exit {exit} on {path}: {errors}");
        }

        var result = new List<Frame>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] cells = line.TrimEnd('\r').Split('\t');
            int n = fields.Length;
            string Cell(int i) => i < cells.Length ? cells[i] : "";
            var severities = new List<int>();
            foreach (var s in Cell(n + 1).Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                severities.Add(int.Parse(s, CultureInfo.InvariantCulture));
            }

            var values = new string[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = Cell(i + 1);
            }

            result.Add(new Frame(int.Parse(Cell(0), CultureInfo.InvariantCulture), values, severities, Cell(n + 2).Split('|', StringSplitOptions.RemoveEmptyEntries), Cell(n + 3).Length > 0));
        }

        return result;
    }

    /// <summary>
    /// Decodes HEP datagrams as they reached a collector: each in an Ethernet/IPv4/UDP frame to port 9060, dissected
    /// by <see cref="Hep3Lua"/>. Fields are <c>hep3.*</c> and whatever the SIP or M3UA dissector adds.
    /// </summary>
    public static IReadOnlyList<Frame> DecodeHep(IReadOnlyList<byte[]> datagrams, params string[] fields)
    {
        using var work = new TempDirectory("gw-tshark-");
        string pcap = work.Combine("hep.pcap");
        string lua = work.Combine("hep3.lua");
        File.WriteAllText(lua, Hep3Lua);
        var frames = new List<byte[]>(datagrams.Count);
        foreach (byte[] datagram in datagrams)
        {
            frames.Add(EthernetIpv4UdpFrame(datagram, 40000, HepPort));
        }

        WritePcap(pcap, frames, linkType: 1);
        return DecodeFile(pcap, ["-X", "lua_script:" + lua], fields);
    }

    /// <summary>One Ethernet frame carrying an IPv4 packet (127.0.0.1 to 127.0.0.2) carrying a UDP datagram without checksum.</summary>
    public static byte[] EthernetIpv4UdpFrame(ReadOnlySpan<byte> payload, ushort sourcePort, ushort destinationPort)
    {
        int udpLength = 8 + payload.Length;
        byte[] frame = EthernetIpv4Frame(udpLength, protocol: 17, identification: 0);
        Span<byte> f = frame;
        Span<byte> udp = f[34..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)udpLength);
        payload.CopyTo(udp[8..]);
        return frame;
    }
}
