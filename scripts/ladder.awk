# Renders the call lines of the back-to-back pair's logs as a ladder: one line per call event, oldest first, each
# saying which message came in and which went out, with causes. Input: "A <log line>" or "B <log line>" lines
# (gateway A faces the PBX, gateway B the callee), already in time order. Used by scripts/demo.sh.
function field(name,   i, n, parts) {
  n = split($0, parts, " ")
  for (i = 1; i <= n; i++) if (index(parts[i], name "=") == 1) return substr(parts[i], length(name) + 2)
  return ""
}
/ event=/ && / dir=(sip-to-isup|isup-to-sip) / {
  gw = $1; time = $2; ev = field("event"); st = field("state"); cause = field("cause"); why = field("reason"); cic = field("cic")
  c = (cause == "-" || cause == "") ? "" : " cause=" cause
  sipEnd = (why == "cancelled") ? "CANCEL" : (why == "remote-hangup") ? "BYE" : (why ~ /^rejected-/) ? substr(why, 10) : why
  if (gw == "A") {
    if (ev == "start")                 what = "INVITE from the PBX => IAM to B"
    else if (ev == "acm")              what = "ACM from B (cic=" cic ") => 18x to the PBX"
    else if (ev == "answer")           what = "ANM from B => 200 to the PBX"
    else if (ev == "cpg")              what = "CPG from B => 18x to the PBX"
    else if (ev == "info")             what = "INFO from the PBX (200) => USR to B"
    else if (ev == "usr")              what = "USR from B => INFO to the PBX"
    else if (ev == "circuit-refused")  what = "no circuit => 503 to the PBX, Reason: Q.850" c
    else if (ev == "isup-ended")       what = "REL from B (" why ") => final response or BYE to the PBX, Reason: Q.850" c
    else if (ev == "sip-ended")        what = sipEnd " from the PBX => REL to B" c
    else                               what = ev
  } else {
    if (ev == "start")                 what = "IAM from A (cic=" cic ") => INVITE to the callee"
    else if (ev == "sip-progress" && st == "early" && seen[gw, field("call")]++) what = "18x from the callee => CPG to A"
    else if (ev == "sip-progress")     what = "18x from the callee => ACM to A"
    else if (ev == "address-complete-due") what = "T11, nothing from the callee => ACM to A"
    else if (ev == "sip-answered")     what = "200 from the callee (ACKed) => ANM to A"
    else if (ev == "info")             what = "INFO from the callee (200) => USR to A"
    else if (ev == "usr")              what = "USR from A => INFO to the callee (application/ISUP body, User-to-User header)"
    else if (ev == "isup-ended")       what = "REL from A" c " => CANCEL or BYE to the callee, Reason: Q.850" c
    else if (ev == "sip-ended" && c == "") what = "the callee's side is over (" why ")"
    else if (ev == "sip-ended")        what = sipEnd " from the callee => REL to A" c
    else                               what = ev
  }
  printf "  %s  gateway %s  %-80s [%s]\n", time, gw, what, st
}
