/* The floor under the gateways' CPU per call (make bench-floor, docs/performance.md): a relay that does the same
 * socket work as a gateway of the pair and nothing else. No parsing, no state, no allocation: each SIP datagram is
 * passed on as it came, framed over one TCP connection between the two relays, which stands for the M3UA
 * association. Like a gateway, each relay blocks one thread on its UDP socket and one on its TCP socket, and sends
 * from the thread that received. What it costs per call on a machine is what the kernel and the scheduler cost
 * there for that many datagrams, segments and wake-ups.
 *
 *   floor-relay a SIP_ADDR SIP_PORT LINK_PORT    listens for the PBX on SIP_ADDR:SIP_PORT, connects to relay b
 *   floor-relay b LINK_PORT CALLEE_ADDR CALLEE_PORT   accepts relay a, sends everything to the callee
 *
 * Relay a answers whichever PBX address it heard from last: one PBX, as in `BENCH_SOURCES=1 make bench-e2e`. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int udp, link_fd;
static struct sockaddr_in pbx;           /* relay a: where replies go */
static volatile int have_pbx;

static void die(const char *what) { perror(what); exit(1); }

static struct sockaddr_in address(const char *ip, int port) {
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  if (inet_pton(AF_INET, ip, &a.sin_addr) != 1) die(ip);
  return a;
}

static void write_all(int fd, const uint8_t *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w <= 0) die("write");
    p += w;
    n -= (size_t)w;
  }
}

/* Datagrams in, frames out: a 2-byte length, then the datagram, in one write as a gateway writes one M3UA message. */
static void *udp_to_link(void *arg) {
  (void)arg;
  uint8_t buffer[2 + 65536];
  for (;;) {
    struct sockaddr_in from;
    socklen_t from_len = sizeof from;
    ssize_t n = recvfrom(udp, buffer + 2, 65535, 0, (struct sockaddr *)&from, &from_len);
    if (n < 0) die("recvfrom");
    if (!have_pbx || from.sin_addr.s_addr != pbx.sin_addr.s_addr || from.sin_port != pbx.sin_port) {
      pbx = from;
      have_pbx = 1;
    }
    buffer[0] = (uint8_t)(n >> 8);
    buffer[1] = (uint8_t)n;
    write_all(link_fd, buffer, (size_t)n + 2);
  }
  return NULL;
}

/* Frames in, datagrams out. Reads as much as the stream holds, as the M3UA receive loop does, and sends every whole
 * frame in it. */
static void *link_to_udp(void *arg) {
  int to_pbx = *(int *)arg;
  static uint8_t buffer[1 << 20];
  size_t have = 0;
  for (;;) {
    ssize_t n = read(link_fd, buffer + have, sizeof buffer - have);
    if (n <= 0) exit(0);           /* the other relay went: the run is over */
    have += (size_t)n;
    size_t at = 0;
    while (have - at >= 2) {
      size_t len = ((size_t)buffer[at] << 8) | buffer[at + 1];
      if (have - at < 2 + len) break;
      ssize_t s = to_pbx ? (have_pbx ? sendto(udp, buffer + at + 2, len, 0, (struct sockaddr *)&pbx, sizeof pbx) : 0)
                         : send(udp, buffer + at + 2, len, 0);
      (void)s;                     /* a datagram lost on loopback is SIPp's to retransmit, as for the gateways */
      at += 2 + len;
    }
    memmove(buffer, buffer + at, have - at);
    have -= at;
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 5 || (strcmp(argv[1], "a") && strcmp(argv[1], "b"))) {
    fprintf(stderr, "usage: floor-relay a SIP_ADDR SIP_PORT LINK_PORT | floor-relay b LINK_PORT CALLEE_ADDR CALLEE_PORT\n");
    return 2;
  }
  int one = 1, a = argv[1][0] == 'a';
  udp = socket(AF_INET, SOCK_DGRAM, 0);
  if (udp < 0) die("socket");
  int size = 8 << 20;              /* what the gateways ask for their SIP socket (SipUdpListener) */
  setsockopt(udp, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
  if (a) {
    struct sockaddr_in sip = address(argv[2], atoi(argv[3])), peer = address("127.0.0.1", atoi(argv[4]));
    if (bind(udp, (struct sockaddr *)&sip, sizeof sip)) die("bind");
    link_fd = socket(AF_INET, SOCK_STREAM, 0);
    while (connect(link_fd, (struct sockaddr *)&peer, sizeof peer)) {
      close(link_fd);
      usleep(100000);
      link_fd = socket(AF_INET, SOCK_STREAM, 0);
    }
  } else {
    struct sockaddr_in listen_on = address("127.0.0.1", atoi(argv[2])), callee = address(argv[3], atoi(argv[4]));
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(listener, (struct sockaddr *)&listen_on, sizeof listen_on) || listen(listener, 1)) die("listen");
    if (connect(udp, (struct sockaddr *)&callee, sizeof callee)) die("connect");
    link_fd = accept(listener, NULL, NULL);
    if (link_fd < 0) die("accept");
    close(listener);
  }
  setsockopt(link_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  pthread_t up, down;
  static int to_pbx;
  to_pbx = a;
  if (pthread_create(&up, NULL, udp_to_link, NULL) || pthread_create(&down, NULL, link_to_udp, &to_pbx)) die("thread");
  pthread_join(down, NULL);
  return 0;
}
