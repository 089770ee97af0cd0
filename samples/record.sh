#!/usr/bin/env bash
# Records the sample captures http.pcap, ssh.pcap and dns.pcap from real programs talking across a veth
# pair between two network namespaces. Run as root; traffic never leaves the two namespaces, and both are
# deleted at the end. Usage: sudo samples/record.sh [OUTPUT_DIR]   (default: the folder of this script)
set -euo pipefail

OUT=$(cd "${1:-$(dirname "$0")}" && pwd)

CLIENT_NS=dbz-client
SERVER_NS=dbz-server
CLIENT_IF=dbz-c
SERVER_IF=dbz-s
# Locally administered MACs (second-lowest bit of the first byte set), so no vendor prefix appears.
CLIENT_MAC=02:00:00:00:00:0a
SERVER_MAC=02:00:00:00:00:01
# Documentation range TEST-NET-1 only; one server address per service keeps the flow lists readable.
CLIENT_IP=192.0.2.10
HTTP_IP=192.0.2.80
SSH_IP=192.0.2.22
DNS_IP=192.0.2.53

WORK=""
PIDS=()

in_client() { ip netns exec "$CLIENT_NS" "$@"; }
in_server() { ip netns exec "$SERVER_NS" "$@"; }

say() { printf '== %s\n' "$*" >&2; }

install_tools() {
  local missing=()
  command -v sshd >/dev/null 2>&1 || [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  command -v ssh >/dev/null 2>&1 || missing+=(openssh-client)
  command -v dnsmasq >/dev/null 2>&1 || [ -x /usr/sbin/dnsmasq ] || missing+=(dnsmasq-base)
  command -v dig >/dev/null 2>&1 || missing+=(dnsutils)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v tcpdump >/dev/null 2>&1 || missing+=(tcpdump)
  command -v ethtool >/dev/null 2>&1 || [ -x /usr/sbin/ethtool ] || missing+=(ethtool)
  [ -x /usr/bin/python3 ] || missing+=(python3)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  ip netns del "$CLIENT_NS" 2>/dev/null || true
  ip netns del "$SERVER_NS" 2>/dev/null || true
  [ -n "$WORK" ] && rm -rf "$WORK"
}

make_link() {
  say "namespaces $CLIENT_NS ($CLIENT_IP) and $SERVER_NS ($HTTP_IP $SSH_IP $DNS_IP)"
  ip netns add "$CLIENT_NS"
  ip netns add "$SERVER_NS"
  ip link add "$CLIENT_IF" netns "$CLIENT_NS" address "$CLIENT_MAC" mtu 1500 type veth \
    peer name "$SERVER_IF" netns "$SERVER_NS" address "$SERVER_MAC" mtu 1500

  # No IPv6 at all: otherwise link-local addresses and router/neighbour solicitations leak into the captures.
  # Offloads off: with them on, the kernel hands tcpdump 64 KB super-segments instead of wire-sized packets,
  # and checksums stay unfilled.
  local ns dev
  for ns in "$CLIENT_NS" "$SERVER_NS"; do
    [ "$ns" = "$CLIENT_NS" ] && dev=$CLIENT_IF || dev=$SERVER_IF
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 \
      "net.ipv6.conf.$dev.disable_ipv6=1"
    ip netns exec "$ns" ethtool -K "$dev" tso off gso off gro off tx off rx off >/dev/null
    ip -n "$ns" link set lo up
    ip -n "$ns" link set "$dev" up
  done

  ip -n "$CLIENT_NS" addr add "$CLIENT_IP/24" dev "$CLIENT_IF"
  ip -n "$SERVER_NS" addr add "$HTTP_IP/24" dev "$SERVER_IF"
  ip -n "$SERVER_NS" addr add "$SSH_IP/24" dev "$SERVER_IF"
  ip -n "$SERVER_NS" addr add "$DNS_IP/24" dev "$SERVER_IF"
}

# Runs a command in the background and remembers it for cleanup; the pid is left in STARTED.
start() {
  "$@" &
  STARTED=$!
  PIDS+=("$STARTED")
}

# Polls a command until it succeeds (a server is up), at most about ten seconds.
wait_until() {
  local i
  for i in $(seq 50); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  say "gave up waiting for: $*"
  return 1
}

# tcpdump on the server's end of the veth, IPv4 only (ARP stays out), full packets.
start_capture() {
  local file=$1 precision=$2 log="$WORK/tcpdump-$(basename "$1").log"
  start ip netns exec "$SERVER_NS" tcpdump -i "$SERVER_IF" -n -U -s 0 -Z root --time-stamp-precision="$precision" \
    -w "$file" ip 2>"$log"
  CAPTURE_PID=$STARTED
  wait_until grep -q 'listening on' "$log"
}

stop_capture() {
  sleep 1
  kill -INT "$CAPTURE_PID"
  wait "$CAPTURE_PID" || true
}

record_http() {
  say "http: python3 http.server on $HTTP_IP:80, curl downloads"
  mkdir -p "$WORK/www"
  head -c 900 /dev/urandom >"$WORK/www/small.bin"
  head -c 24000 /dev/urandom >"$WORK/www/page.bin"
  head -c 64000 /dev/urandom >"$WORK/www/image.bin"
  head -c 150000 /dev/urandom >"$WORK/www/archive.bin"
  start ip netns exec "$SERVER_NS" /usr/bin/python3 -m http.server 80 --bind "$HTTP_IP" --directory "$WORK/www" \
    >"$WORK/http.log" 2>&1
  wait_until in_client curl -sf -o /dev/null "http://$HTTP_IP/small.bin"

  start_capture "$WORK/http.pcap" micro
  local name
  for name in page image small archive page image archive page small image page archive page; do
    in_client curl -sf -o /dev/null "http://$HTTP_IP/$name.bin"
    sleep 0.3
  done
  stop_capture
}

# Types lines one key at a time with human-like pauses, then logs out: ssh -tt sends each key as it comes.
type_slowly() {
  local line i
  sleep 1.5
  for line in "$@" exit; do
    for ((i = 0; i < ${#line}; i++)); do
      printf '%s' "${line:i:1}"
      sleep "0.$(printf '%02d' $((RANDOM % 22 + 8)))"
    done
    printf '\r'
    sleep 1
  done
}

record_ssh() {
  say "ssh: sshd on $SSH_IP:22 with throwaway keys, interactive sessions"
  ssh-keygen -q -t ed25519 -N '' -C sample-host -f "$WORK/host_ed25519"
  ssh-keygen -q -t ed25519 -N '' -C sample-client -f "$WORK/client_ed25519"
  cp "$WORK/client_ed25519.pub" "$WORK/authorized_keys"
  cat >"$WORK/sshd_config" <<EOF
ListenAddress $SSH_IP
HostKey $WORK/host_ed25519
PidFile $WORK/sshd.pid
AuthorizedKeysFile $WORK/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
PrintLastLog no
EOF
  mkdir -p /run/sshd
  start ip netns exec "$SERVER_NS" /usr/sbin/sshd -D -e -f "$WORK/sshd_config" 2>"$WORK/sshd.log"
  wait_until in_client bash -c "exec 3<>/dev/tcp/$SSH_IP/22"

  local ssh_cmd=(ssh -F /dev/null -q -tt -i "$WORK/client_ed25519" -o BatchMode=yes
    -o UserKnownHostsFile="$WORK/known_hosts" -o StrictHostKeyChecking=accept-new "root@$SSH_IP")
  start_capture "$WORK/ssh.pcap" nano
  type_slowly 'date' 'uptime' | in_client "${ssh_cmd[@]}" >/dev/null
  type_slowly 'ls /' 'df -h /' | in_client "${ssh_cmd[@]}" >/dev/null
  type_slowly 'whoami' 'echo $SHELL' 'date -u' | in_client "${ssh_cmd[@]}" >/dev/null
  type_slowly 'ps aux | head -5' | in_client "${ssh_cmd[@]}" >/dev/null
  type_slowly 'cd /etc' 'ls | wc -l' 'cd' | in_client "${ssh_cmd[@]}" >/dev/null
  type_slowly 'free -m' 'uptime' | in_client "${ssh_cmd[@]}" >/dev/null
  type_slowly 'id' 'hostname -s' | in_client "${ssh_cmd[@]}" >/dev/null
  type_slowly 'ls -la' 'pwd' | in_client "${ssh_cmd[@]}" >/dev/null
  stop_capture
}

record_dns() {
  say "dns: dnsmasq answering for example.com on $DNS_IP:53, dig over TCP and UDP"
  # Two 240-character strings make one answer of about 500 bytes, long enough to matter over TCP.
  local key_a key_b
  key_a=$(head -c 180 /dev/urandom | base64 -w0)
  key_b=$(head -c 180 /dev/urandom | base64 -w0)
  start ip netns exec "$SERVER_NS" dnsmasq --keep-in-foreground --no-resolv --no-hosts --no-poll --bind-interfaces \
    --listen-address="$DNS_IP" --pid-file="$WORK/dnsmasq.pid" --local=/example.com/ \
    --host-record=www.example.com,"$HTTP_IP",2001:db8::80 \
    --host-record=ssh.example.com,"$SSH_IP" \
    --host-record=ns.example.com,"$DNS_IP" \
    --host-record=mail.example.com,192.0.2.25,2001:db8::25 \
    --cname=web.example.com,www.example.com \
    --mx-host=example.com,mail.example.com,10 \
    --srv-host=_http._tcp.example.com,www.example.com,80 \
    --txt-record=example.com,"v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all" \
    --txt-record=keys.example.com,"$key_a","$key_b" \
    2>"$WORK/dnsmasq.log"
  wait_until in_client dig +short +tries=1 +time=1 "@$DNS_IP" ns.example.com A

  local dig_cmd=(dig +tries=1 +time=2 "@$DNS_IP")
  start_capture "$WORK/dns.pcap" micro
  local query
  for query in 'www.example.com A' 'www.example.com AAAA' 'web.example.com A' 'example.com MX' \
    'example.com TXT' 'keys.example.com TXT' '_http._tcp.example.com SRV' 'mail.example.com ANY' \
    'ssh.example.com A' 'nothing.example.com A' 'ns.example.com A'; do
    # shellcheck disable=SC2086 # name and type are two words on purpose
    in_client "${dig_cmd[@]}" +tcp $query >/dev/null
    sleep 0.4
  done
  for query in 'www.example.com A' 'mail.example.com AAAA' 'example.com MX' 'ssh.example.com A' \
    'missing.example.com A'; do
    # shellcheck disable=SC2086
    in_client "${dig_cmd[@]}" +notcp $query >/dev/null
    sleep 0.4
  done
  stop_capture
}

main() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "record.sh needs root (network namespaces, tcpdump)" >&2
    exit 1
  fi
  install_tools
  ip netns del "$CLIENT_NS" 2>/dev/null || true
  ip netns del "$SERVER_NS" 2>/dev/null || true
  WORK=$(mktemp -d)
  trap cleanup EXIT

  make_link
  record_http
  record_ssh
  record_dns

  local name
  for name in http ssh dns; do
    cp "$WORK/$name.pcap" "$OUT/$name.pcap"
    chmod 644 "$OUT/$name.pcap"
  done
  say "written: $(cd "$OUT" && ls -l http.pcap ssh.pcap dns.pcap | awk '{print $NF, $5}' | paste -sd' ')"
}

main "$@"
