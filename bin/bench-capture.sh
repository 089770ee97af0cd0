# Sourced by the benchmark commands: the 1 GB capture built from the shared real50.pcap, kept in a cache folder.
# shellcheck shell=bash

BENCH_SHARED="$PROJECT_ROOT/../shared/bench"
BENCH_CACHE="${DISTRIBOOZE_BENCH_CACHE:-$PROJECT_ROOT/target/bench-cache}"
# As ../shared/bench/README.md gives it.
REAL1G_SHA256=1f016ee52203c4f9176c00e7eae900d0dc3e233c54b6833e3c0d7a7da1c658f7

# Installs what make_1g.sh needs, when missing and when running as root.
bench_install_tools() {
  local packages=()
  command -v tcprewrite >/dev/null || packages+=(tcpreplay)
  { command -v editcap >/dev/null && command -v mergecap >/dev/null; } || packages+=(wireshark-common)
  command -v bc >/dev/null || packages+=(bc)
  /usr/bin/python3 -c 'import scapy' 2>/dev/null || packages+=(python3-scapy)
  [ ${#packages[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${packages[*]} (run as root, or apt-get install them)" >&2
    return 1
  fi
  echo "installing ${packages[*]}..." >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" >&2
}

# Prints the 1 GB capture's path: $DISTRIBOOZE_REAL1G when set, else the cached one, built first when missing.
bench_real1g() {
  if [ -n "${DISTRIBOOZE_REAL1G:-}" ]; then
    echo "$DISTRIBOOZE_REAL1G"
    return 0
  fi
  local target="$BENCH_CACHE/real1g.pcap"
  if [ ! -f "$target" ] || [ "$(sha256sum "$target" | cut -d' ' -f1)" != "$REAL1G_SHA256" ]; then
    bench_install_tools
    mkdir -p "$BENCH_CACHE"
    echo "building the 1 GB capture into $BENCH_CACHE (a few minutes, once)..." >&2
    bash "$BENCH_SHARED/make_1g.sh" "$target.part" >&2
    if [ "$(sha256sum "$target.part" | cut -d' ' -f1)" != "$REAL1G_SHA256" ]; then
      echo "the 1 GB capture built differs from the one ../shared/bench/README.md describes (sha256)" >&2
      return 1
    fi
    mv "$target.part" "$target"
  fi
  echo "$target"
}
