using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gateway.M3ua.Transport.Tests;

/// <summary>
/// The interop structs against linux/sctp.h and bits/socket.h on 64-bit Linux. The expected numbers were written from
/// the headers (field by field, with the padding the C rules add); where a C compiler and the header are on the
/// machine, a second test compiles the same table with offsetof/sizeof so the numbers are checked, not just copied.
/// </summary>
public sealed class SctpLayoutTests
{
    /// <summary>The anonymous struct every notification starts with, named the way gcc can measure it.</summary>
    private const string SnHeader = "__typeof__(((union sctp_notification *)0)->sn_header)";

    /// <summary>(C# type, C# field or null for the size, C type, C field, expected octets).</summary>
    public static readonly TheoryData<Type, string?, string, string?, int> Layout = new()
    {
        // struct sctp_initmsg { __u16 sinit_num_ostreams, sinit_max_instreams, sinit_max_attempts, sinit_max_init_timeo; }
        { typeof(SctpInitMsg), null, "struct sctp_initmsg", null, 8 },
        { typeof(SctpInitMsg), nameof(SctpInitMsg.NumOstreams), "struct sctp_initmsg", "sinit_num_ostreams", 0 },
        { typeof(SctpInitMsg), nameof(SctpInitMsg.MaxInstreams), "struct sctp_initmsg", "sinit_max_instreams", 2 },
        { typeof(SctpInitMsg), nameof(SctpInitMsg.MaxAttempts), "struct sctp_initmsg", "sinit_max_attempts", 4 },
        { typeof(SctpInitMsg), nameof(SctpInitMsg.MaxInitTimeo), "struct sctp_initmsg", "sinit_max_init_timeo", 6 },

        // struct sctp_sndinfo { __u16 snd_sid; __u16 snd_flags; __u32 snd_ppid; __u32 snd_context; sctp_assoc_t snd_assoc_id; }
        { typeof(SctpSndInfo), null, "struct sctp_sndinfo", null, 16 },
        { typeof(SctpSndInfo), nameof(SctpSndInfo.Sid), "struct sctp_sndinfo", "snd_sid", 0 },
        { typeof(SctpSndInfo), nameof(SctpSndInfo.Flags), "struct sctp_sndinfo", "snd_flags", 2 },
        { typeof(SctpSndInfo), nameof(SctpSndInfo.Ppid), "struct sctp_sndinfo", "snd_ppid", 4 },
        { typeof(SctpSndInfo), nameof(SctpSndInfo.Context), "struct sctp_sndinfo", "snd_context", 8 },
        { typeof(SctpSndInfo), nameof(SctpSndInfo.AssocId), "struct sctp_sndinfo", "snd_assoc_id", 12 },

        // struct sctp_rcvinfo { __u16 rcv_sid, rcv_ssn, rcv_flags; (2 padding) __u32 rcv_ppid, rcv_tsn, rcv_cumtsn, rcv_context; sctp_assoc_t rcv_assoc_id; }
        { typeof(SctpRcvInfo), null, "struct sctp_rcvinfo", null, 28 },
        { typeof(SctpRcvInfo), nameof(SctpRcvInfo.Sid), "struct sctp_rcvinfo", "rcv_sid", 0 },
        { typeof(SctpRcvInfo), nameof(SctpRcvInfo.Ssn), "struct sctp_rcvinfo", "rcv_ssn", 2 },
        { typeof(SctpRcvInfo), nameof(SctpRcvInfo.Flags), "struct sctp_rcvinfo", "rcv_flags", 4 },
        { typeof(SctpRcvInfo), nameof(SctpRcvInfo.Ppid), "struct sctp_rcvinfo", "rcv_ppid", 8 },
        { typeof(SctpRcvInfo), nameof(SctpRcvInfo.Tsn), "struct sctp_rcvinfo", "rcv_tsn", 12 },
        { typeof(SctpRcvInfo), nameof(SctpRcvInfo.CumTsn), "struct sctp_rcvinfo", "rcv_cumtsn", 16 },
        { typeof(SctpRcvInfo), nameof(SctpRcvInfo.Context), "struct sctp_rcvinfo", "rcv_context", 20 },
        { typeof(SctpRcvInfo), nameof(SctpRcvInfo.AssocId), "struct sctp_rcvinfo", "rcv_assoc_id", 24 },

        // struct sctp_event { sctp_assoc_t se_assoc_id; __u16 se_type; __u8 se_on; (1 padding) }
        { typeof(SctpEvent), null, "struct sctp_event", null, 8 },
        { typeof(SctpEvent), nameof(SctpEvent.AssocId), "struct sctp_event", "se_assoc_id", 0 },
        { typeof(SctpEvent), nameof(SctpEvent.Type), "struct sctp_event", "se_type", 4 },
        { typeof(SctpEvent), nameof(SctpEvent.On), "struct sctp_event", "se_on", 6 },

        // struct sctp_event_subscribe: fourteen __u8 flags, sctp_data_io_event first.
        { typeof(SctpEventSubscribe), null, "struct sctp_event_subscribe", null, 14 },
        { typeof(SctpEventSubscribe), nameof(SctpEventSubscribe.Association), "struct sctp_event_subscribe", "sctp_association_event", 1 },
        { typeof(SctpEventSubscribe), nameof(SctpEventSubscribe.Address), "struct sctp_event_subscribe", "sctp_address_event", 2 },
        { typeof(SctpEventSubscribe), nameof(SctpEventSubscribe.PeerError), "struct sctp_event_subscribe", "sctp_peer_error_event", 4 },
        { typeof(SctpEventSubscribe), nameof(SctpEventSubscribe.Shutdown), "struct sctp_event_subscribe", "sctp_shutdown_event", 5 },
        { typeof(SctpEventSubscribe), nameof(SctpEventSubscribe.SendFailureEvent), "struct sctp_event_subscribe", "sctp_send_failure_event_event", 13 },

        // union sctp_notification { struct { __u16 sn_type; __u16 sn_flags; __u32 sn_length; } sn_header; ... }
        { typeof(SctpNotificationHeader), null, SnHeader, null, 8 },
        { typeof(SctpNotificationHeader), nameof(SctpNotificationHeader.Type), SnHeader, "sn_type", 0 },
        { typeof(SctpNotificationHeader), nameof(SctpNotificationHeader.Length), SnHeader, "sn_length", 4 },

        // struct sctp_assoc_change { __u16 sac_type, sac_flags; __u32 sac_length; __u16 sac_state, sac_error,
        //   sac_outbound_streams, sac_inbound_streams; sctp_assoc_t sac_assoc_id; __u8 sac_info[]; }
        { typeof(SctpAssocChange), null, "struct sctp_assoc_change", null, 20 },
        { typeof(SctpAssocChange), nameof(SctpAssocChange.Type), "struct sctp_assoc_change", "sac_type", 0 },
        { typeof(SctpAssocChange), nameof(SctpAssocChange.Flags), "struct sctp_assoc_change", "sac_flags", 2 },
        { typeof(SctpAssocChange), nameof(SctpAssocChange.Length), "struct sctp_assoc_change", "sac_length", 4 },
        { typeof(SctpAssocChange), nameof(SctpAssocChange.State), "struct sctp_assoc_change", "sac_state", 8 },
        { typeof(SctpAssocChange), nameof(SctpAssocChange.Error), "struct sctp_assoc_change", "sac_error", 10 },
        { typeof(SctpAssocChange), nameof(SctpAssocChange.OutboundStreams), "struct sctp_assoc_change", "sac_outbound_streams", 12 },
        { typeof(SctpAssocChange), nameof(SctpAssocChange.InboundStreams), "struct sctp_assoc_change", "sac_inbound_streams", 14 },
        { typeof(SctpAssocChange), nameof(SctpAssocChange.AssocId), "struct sctp_assoc_change", "sac_assoc_id", 16 },

        // struct sctp_paddr_change { __u16 spc_type, spc_flags; __u32 spc_length; struct sockaddr_storage spc_aaddr (128);
        //   int spc_state; int spc_error; sctp_assoc_t spc_assoc_id; } __attribute__((packed, aligned(4)))
        { typeof(SctpPaddrChange), null, "struct sctp_paddr_change", null, 148 },
        { typeof(SctpPaddrChange), nameof(SctpPaddrChange.Type), "struct sctp_paddr_change", "spc_type", 0 },
        { typeof(SctpPaddrChange), nameof(SctpPaddrChange.Length), "struct sctp_paddr_change", "spc_length", 4 },
        { typeof(SctpPaddrChange), nameof(SctpPaddrChange.Address), "struct sctp_paddr_change", "spc_aaddr", 8 },
        { typeof(SctpPaddrChange), nameof(SctpPaddrChange.State), "struct sctp_paddr_change", "spc_state", 136 },
        { typeof(SctpPaddrChange), nameof(SctpPaddrChange.Error), "struct sctp_paddr_change", "spc_error", 140 },
        { typeof(SctpPaddrChange), nameof(SctpPaddrChange.AssocId), "struct sctp_paddr_change", "spc_assoc_id", 144 },

        // struct sctp_shutdown_event { __u16 sse_type, sse_flags; __u32 sse_length; sctp_assoc_t sse_assoc_id; }
        { typeof(SctpShutdownEvent), null, "struct sctp_shutdown_event", null, 12 },
        { typeof(SctpShutdownEvent), nameof(SctpShutdownEvent.Type), "struct sctp_shutdown_event", "sse_type", 0 },
        { typeof(SctpShutdownEvent), nameof(SctpShutdownEvent.Length), "struct sctp_shutdown_event", "sse_length", 4 },
        { typeof(SctpShutdownEvent), nameof(SctpShutdownEvent.AssocId), "struct sctp_shutdown_event", "sse_assoc_id", 8 },

        // struct sctp_status { sctp_assoc_t sstat_assoc_id; __s32 sstat_state; __u32 sstat_rwnd; __u16 sstat_unackdata,
        //   sstat_penddata, sstat_instrms, sstat_outstrms; __u32 sstat_fragmentation_point; struct sctp_paddrinfo sstat_primary; }
        { typeof(SctpStatus), null, "struct sctp_status", null, 176 },
        { typeof(SctpStatus), nameof(SctpStatus.State), "struct sctp_status", "sstat_state", 4 },
        { typeof(SctpStatus), nameof(SctpStatus.InStreams), "struct sctp_status", "sstat_instrms", 16 },
        { typeof(SctpStatus), nameof(SctpStatus.OutStreams), "struct sctp_status", "sstat_outstrms", 18 },
        { typeof(SctpStatus), nameof(SctpStatus.FragmentationPoint), "struct sctp_status", "sstat_fragmentation_point", 20 },

        // struct msghdr { void *msg_name; socklen_t msg_namelen; (4 padding) struct iovec *msg_iov; size_t msg_iovlen;
        //   void *msg_control; size_t msg_controllen; int msg_flags; (4 padding) }
        { typeof(MsgHdr), null, "struct msghdr", null, 56 },
        { typeof(MsgHdr), nameof(MsgHdr.Name), "struct msghdr", "msg_name", 0 },
        { typeof(MsgHdr), nameof(MsgHdr.NameLen), "struct msghdr", "msg_namelen", 8 },
        { typeof(MsgHdr), nameof(MsgHdr.Iov), "struct msghdr", "msg_iov", 16 },
        { typeof(MsgHdr), nameof(MsgHdr.IovLen), "struct msghdr", "msg_iovlen", 24 },
        { typeof(MsgHdr), nameof(MsgHdr.Control), "struct msghdr", "msg_control", 32 },
        { typeof(MsgHdr), nameof(MsgHdr.ControlLen), "struct msghdr", "msg_controllen", 40 },
        { typeof(MsgHdr), nameof(MsgHdr.Flags), "struct msghdr", "msg_flags", 48 },

        // struct iovec { void *iov_base; size_t iov_len; }
        { typeof(IoVec), null, "struct iovec", null, 16 },
        { typeof(IoVec), nameof(IoVec.Length), "struct iovec", "iov_len", 8 },

        // struct cmsghdr { size_t cmsg_len; int cmsg_level; int cmsg_type; }
        { typeof(CMsgHdr), null, "struct cmsghdr", null, 16 },
        { typeof(CMsgHdr), nameof(CMsgHdr.Level), "struct cmsghdr", "cmsg_level", 8 },
        { typeof(CMsgHdr), nameof(CMsgHdr.Type), "struct cmsghdr", "cmsg_type", 12 },
    };

    private static int Measure(Type type, string? field) =>
        field is null
            ? (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!
            : (int)Marshal.OffsetOf(type, field);

    [Theory]
    [MemberData(nameof(Layout))]
    public void Interop_structs_match_the_linux_headers(Type type, string? field, string cStruct, string? cField, int expected)
    {
        Assert.True(expected == Measure(type, field), $"{cStruct}.{cField ?? "sizeof"}: header says {expected}, {type.Name}.{field} is {Measure(type, field)}");
    }

    [Fact]
    public void Control_message_sizes_follow_CMSG_SPACE_and_CMSG_LEN()
    {
        // CMSG_LEN(sizeof(struct sctp_sndinfo)) = 16 + 16; CMSG_SPACE(sizeof(struct sctp_rcvinfo)) = 16 + CMSG_ALIGN(28) = 48.
        Assert.Equal(32, CMsgHdr.Length(Unsafe.SizeOf<SctpSndInfo>()));
        Assert.Equal(32, CMsgHdr.Space(Unsafe.SizeOf<SctpSndInfo>()));
        Assert.Equal(44, CMsgHdr.Length(Unsafe.SizeOf<SctpRcvInfo>()));
        Assert.Equal(48, CMsgHdr.Space(Unsafe.SizeOf<SctpRcvInfo>()));
    }

    [Fact]
    public void The_table_agrees_with_a_C_compiler_reading_the_headers_when_one_is_installed()
    {
        // Optional: a machine without gcc or the kernel headers relies on the numbers above alone.
        if (!File.Exists("/usr/include/linux/sctp.h") || FindOnPath("gcc") is not { } gcc) return;

        string dir = Directory.CreateTempSubdirectory("sctp-layout-").FullName;
        try
        {
            var program = new System.Text.StringBuilder("""
                #include <stdint.h>
                #include <stdio.h>
                #include <stddef.h>
                #include <sys/socket.h>
                #include <sys/uio.h>
                #include <linux/sctp.h>
                int main(void) {

                """);
            foreach (object[] row in Layout)
            {
                string cType = (string)row[2];
                program.AppendLine(row[3] is string cField
                    ? $"  printf(\"%zu\\n\", offsetof({cType}, {cField}));"
                    : $"  printf(\"%zu\\n\", sizeof({cType}));");
            }
            program.AppendLine("  return 0;\n}");
            File.WriteAllText(Path.Combine(dir, "layout.c"), program.ToString());

            Run(gcc, $"-o {dir}/layout {dir}/layout.c");
            string[] measured = Run(Path.Combine(dir, "layout"), "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var rows = Layout.Select(r => ((string)r[2], (string?)r[3], (int)r[4])).ToList();
            Assert.Equal(rows.Count, measured.Length);
            for (int i = 0; i < rows.Count; i++)
            {
                Assert.True(rows[i].Item3 == int.Parse(measured[i]), $"{rows[i].Item1}.{rows[i].Item2 ?? "sizeof"}: table says {rows[i].Item3}, gcc says {measured[i]}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static string Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), $"{file} did not finish");
        Assert.True(process.ExitCode == 0, $"{file} {arguments} failed: {error}");
        return output;
    }
}
