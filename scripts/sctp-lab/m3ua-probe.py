#!/usr/bin/env python3
"""Proves osmo-stp.cfg inside the lab: two M3UA ASPs join osmo-stp on 127.0.0.1:2905 and one's DATA reaches the other.

usage (from the repository root):
  scripts/sctp-lab/run-in-uml.sh -- scripts/sctp-lab/with-osmo-stp.sh -- scripts/sctp-lab/m3ua-probe.py [static|rkm]

static: the ASPs connect from SCTP ports 2906 and 2907, which osmo-stp.cfg names as ASPs lab-a and lab-b (ASes with
        routing contexts 1 and 2, point codes 0.0.1 and 0.0.2); they send ASP ACTIVE with their routing context.
rkm:    the ASPs connect from any port and register their point codes (11 and 12) with REG REQ; osmo-stp allocates
        the routing contexts (RFC 4666 3.6.1).
Then A sends an ISUP-like DATA (SI 5) from its point code to B's, and B must receive it unchanged.

This is a tool for people changing the lab, not part of `make test-sctp` (it needs python3, which CI's machines need
not have). It only needs the standard library: Linux sockets speak SCTP through socket.IPPROTO_SCTP.
"""
import socket
import struct
import sys

SOL_SCTP = 132
SCTP_DEFAULT_SEND_PARAM = 10
M3UA_PPID = 3  # osmo-stp ignores DATA chunks with any other payload protocol identifier

# RFC 4666 3.1.2 message classes and types, 3.2 and 3.3 parameter tags.
MGMT, TRANSFER, ASPSM, ASPTM, RKM = 0, 1, 3, 4, 9
ERR, NTFY, DATA = (MGMT, 0), (MGMT, 1), (TRANSFER, 1)
ASPUP, ASPUP_ACK = (ASPSM, 1), (ASPSM, 4)
ASPAC, ASPAC_ACK = (ASPTM, 1), (ASPTM, 3)
REG_REQ, REG_RSP = (RKM, 1), (RKM, 2)
TAG_ROUTING_CONTEXT, TAG_TRAFFIC_MODE, TAG_ERROR_CODE = 0x0006, 0x000B, 0x000C
TAG_ROUTING_KEY, TAG_REGISTRATION_RESULT, TAG_LOCAL_RK_ID = 0x0207, 0x0208, 0x020A
TAG_DPC, TAG_PROTOCOL_DATA, TAG_REGISTRATION_STATUS = 0x020B, 0x0210, 0x0212


def tlv(tag, value):
    length = 4 + len(value)
    return struct.pack("!HH", tag, length) + value + b"\0" * (-length % 4)


def u32(value):
    return struct.pack("!I", value)


def encode(kind, params=b""):
    cls, typ = kind
    return struct.pack("!BBBBI", 1, 0, cls, typ, 8 + len(params)) + params


def decode_params(data):
    params, offset = {}, 0
    while offset + 4 <= len(data):
        tag, length = struct.unpack("!HH", data[offset:offset + 4])
        params.setdefault(tag, []).append(data[offset + 4:offset + length])
        offset += length + (-length % 4)
    return params


class Asp:
    def __init__(self, name, source_port=0):
        self.name = name
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SCTP)
        self.sock.settimeout(5)
        self.sock.bind(("127.0.0.1", source_port))
        self.stream(0)
        self.sock.connect(("127.0.0.1", 2905))

    def stream(self, number):
        # struct sctp_sndrcvinfo: stream, ssn, flags, (pad), ppid (as sent: network order), context, ttl, tsn,
        # cumtsn, assoc_id.
        info = struct.pack("=HHH2x", number, 0, 0) + u32(M3UA_PPID) + struct.pack("=IIIIi", 0, 0, 0, 0, 0)
        self.sock.setsockopt(SOL_SCTP, SCTP_DEFAULT_SEND_PARAM, info)

    def send(self, kind, params=b""):
        self.sock.send(encode(kind, params))

    def expect(self, kind):
        """Reads messages until one of `kind` arrives; NTFY on the way is fine, ERR is not."""
        while True:
            data = self.sock.recv(65536)
            if not data:
                raise SystemExit(f"{self.name}: osmo-stp closed the association")
            _, _, cls, typ, length = struct.unpack("!BBBBI", data[:8])
            params = decode_params(data[8:length])
            if (cls, typ) == kind:
                return params
            if (cls, typ) == ERR:
                code = struct.unpack("!I", params[TAG_ERROR_CODE][0])[0] if TAG_ERROR_CODE in params else None
                raise SystemExit(f"{self.name}: osmo-stp answered ERR (error code {code}) instead of {kind}")
            if (cls, typ) != NTFY:
                raise SystemExit(f"{self.name}: unexpected message class {cls} type {typ} while waiting for {kind}")

    def register(self, point_code):
        key = tlv(TAG_LOCAL_RK_ID, u32(1)) + tlv(TAG_DPC, u32(point_code))
        self.send(REG_REQ, tlv(TAG_ROUTING_KEY, key))
        result = decode_params(self.expect(REG_RSP)[TAG_REGISTRATION_RESULT][0])
        status = struct.unpack("!I", result[TAG_REGISTRATION_STATUS][0])[0]
        if status != 0:
            raise SystemExit(f"{self.name}: registration of point code {point_code} refused (status {status})")
        return struct.unpack("!I", result[TAG_ROUTING_CONTEXT][0])[0]

    def activate(self, routing_context):
        self.send(ASPAC, tlv(TAG_TRAFFIC_MODE, u32(1)) + tlv(TAG_ROUTING_CONTEXT, u32(routing_context)))
        self.expect(ASPAC_ACK)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "static"
    if mode == "static":
        a, b = Asp("A", 2906), Asp("B", 2907)
        pc_a, pc_b = 1, 2
    elif mode == "rkm":
        a, b = Asp("A"), Asp("B")
        pc_a, pc_b = 11, 12
    else:
        raise SystemExit(__doc__)
    for asp in (a, b):
        asp.send(ASPUP)
        asp.expect(ASPUP_ACK)
    rc_a = 1 if mode == "static" else a.register(pc_a)
    rc_b = 2 if mode == "static" else b.register(pc_b)
    a.activate(rc_a)
    b.activate(rc_b)

    # DATA travels on a stream other than 0, which M3UA keeps for management: osmo-stp drops DATA on stream 0.
    a.stream(1)
    user_part = b"\x01\x00\x01" + b"an ISUP message would be here"
    label = struct.pack("!IIBBBB", pc_a, pc_b, 5, 2, 0, 1)  # OPC, DPC, SI 5 (ISUP), NI 2 (national), MP, SLS
    a.send(DATA, tlv(TAG_ROUTING_CONTEXT, u32(rc_a)) + tlv(TAG_PROTOCOL_DATA, label + user_part))
    try:
        received = b.expect(DATA)[TAG_PROTOCOL_DATA][0]
    except TimeoutError:
        raise SystemExit("B received no DATA within 5 s (see osmo-stp's log)")
    if received != label + user_part:
        raise SystemExit(f"B received different DATA: {received.hex()}")
    print(f"m3ua-probe: {mode}: DATA from point code {pc_a} reached point code {pc_b} through osmo-stp "
          f"(routing contexts {rc_a} and {rc_b})")


if __name__ == "__main__":
    main()
