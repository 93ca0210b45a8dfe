# The latency one gateway adds, from its own trace (`sip-isup-gateway trace`), read by tshark as '|'-separated fields:
#   1 frame.time_epoch  2 udp.srcport  3 udp.dstport  4 sctp.srcport  5 sctp.dstport  6 sip.Method
#   7 sip.Status-Code   8 sip.CSeq.method  9 sip.Call-ID  10 sip.r-uri.user  11 isup.message_type  12 isup.cic
#   13 isup.called
# Variables: side=a|b, sipport (the gateway's SIP port), m3uaport (the M3UA server's port), m3uain=src|dst (which
# sctp port is m3uaport when a message comes in: src for the client A, dst for the server B).
# Calls run concurrently, so a SIP dialog and its circuit are matched by the called number, unique per call
# (uac-load.xml dials [service][call_number]): the INVITE's Request-URI user and the IAM's called party number.
# Prints one line per measured interval: "setup MS" (A: INVITE in -> IAM out; B: IAM in -> INVITE out) and
# "answer MS" (A: ANM in -> 200 out; B: 200 in -> ANM out). Retransmissions are ignored (first copy only).
BEGIN { FS = "|" }
function digits(s) { gsub(/[^0-9]/, "", s); return s }
{
  t = $1 + 0
  sip = ($6 != "" || $7 != "")
  if (sip) {
    dir = ($3 == sipport) ? "in" : (($2 == sipport) ? "out" : "")
  } else if ($11 != "") {
    port = (m3uain == "src") ? $4 : $5
    dir = (port == m3uaport) ? "in" : "out"
  } else next
  if (side == "a") {
    if (sip && dir == "in" && $6 == "INVITE") {
      n = digits($10); if (n == "" || (n in inv)) next
      inv[n] = t; callid[n] = $9
    } else if (!sip && dir == "out" && $11 == 1) {            # IAM
      n = digits($13); if (!(n in inv) || (n in iam)) next
      iam[n] = t; printf "setup %.6f\n", (t - inv[n]) * 1000
      oncic[$12] = callid[n]; waitanm[$12] = 1
    } else if (!sip && dir == "in" && $11 == 9) {             # ANM
      if (!waitanm[$12]) next
      waitanm[$12] = 0; anm[oncic[$12]] = t
    } else if (sip && dir == "out" && $7 == 200 && $8 == "INVITE") {
      if (!($9 in anm) || ($9 in ok)) next
      ok[$9] = t; printf "answer %.6f\n", (t - anm[$9]) * 1000
    }
  } else {
    if (!sip && dir == "in" && $11 == 1) {                    # IAM
      n = digits($13); if (n == "" || (n in iam)) next
      iam[n] = t; cicof[n] = $12
    } else if (sip && dir == "out" && $6 == "INVITE") {
      n = digits($10); if (!(n in iam) || (n in inv)) next
      inv[n] = t; printf "setup %.6f\n", (t - iam[n]) * 1000
      cicofcall[$9] = cicof[n]
    } else if (sip && dir == "in" && $7 == 200 && $8 == "INVITE") {
      if (!($9 in cicofcall) || ($9 in ok)) next
      ok[$9] = t; c = cicofcall[$9]; okt[c] = t; waitanm[c] = 1
    } else if (!sip && dir == "out" && $11 == 9) {            # ANM
      if (!waitanm[$12]) next
      waitanm[$12] = 0; printf "answer %.6f\n", (t - okt[$12]) * 1000
    }
  }
}
