#!/usr/bin/env bash
# The README's two commands on a fresh Debian, as a new user runs them, then
# the GitHub Pages workflow's own `run:` steps for the same Debian version.
#
#   sudo tools/fresh-debian.sh trixie      # Debian 13, Python 3.13
#   sudo tools/fresh-debian.sh bookworm    # Debian 12, Python 3.11
#
# It builds a root with debootstrap (installed with apt-get if missing; only
# Debian's mirror is used) holding nothing but what the README asks of a bare
# machine: make, git, python3, python3-venv, ca-certificates. It clones this
# repository's committed HEAD into /root/course there, and in a chroot runs
#   1. make serve: waits for an answer on 127.0.0.1, then stops it;
#   2. the workflow's steps for the matching image (tools/workflow_steps.py:
#      `make test`, then `make build` where the workflow publishes from),
# timing each, as root (as in the workflow's container; `make test` installs
# Debian packages with apt-get). The log of each command is kept in
# $FRESH_DEBIAN_DIR/<suite>/ (default /var/tmp/fresh-debian); the root is
# removed afterwards unless KEEP_ROOT=1. Runs at nice 10 (NICE=0 to change).
# A full run takes 30-60 minutes on two cores; the summary comes last.
set -euo pipefail

SUITE=${1:?usage: tools/fresh-debian.sh bookworm|trixie}
case "$SUITE" in
  bookworm) IMAGE=python:3.11-bookworm ;;
  trixie) IMAGE=python:3.13-trixie ;;
  *) echo "unknown suite $SUITE: bookworm (Debian 12) or trixie (Debian 13)" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "debootstrap and chroot need root: sudo $0 $*" >&2; exit 1; }

REPO=$(cd "$(dirname "$0")/.." && pwd)
MIRROR=${MIRROR:-http://deb.debian.org/debian}
BASE=${FRESH_DEBIAN_DIR:-/var/tmp/fresh-debian}
OUT=$BASE/$SUITE
ROOT=$OUT/root
NICE=${NICE:-10}
SERVE_WAIT=${SERVE_WAIT:-600}
mkdir -p "$OUT"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/summary.txt"; }

mounted() { awk -v r="$ROOT" '$2 == r || index($2, r "/") == 1 {print $2}' /proc/mounts | sort -r; }

# Stops what still runs in the root, unmounts it, and only then removes it:
# rm never crosses into a mounted file system (--one-file-system).
cleanup() {
  local pid
  for pid in /proc/[0-9]*; do
    [ "$(readlink "$pid/root" 2>/dev/null)" = "$ROOT" ] && kill -KILL "${pid#/proc/}" 2>/dev/null || true
  done
  sleep 1
  local m
  for m in $(mounted); do umount -l "$m" 2>/dev/null || true; done
  if [ -n "$(mounted)" ]; then
    echo "still mounted under $ROOT; not removing it" >&2
    return
  fi
  if [ "${KEEP_ROOT:-0}" != 1 ] && [ -d "$ROOT" ]; then
    rm -rf --one-file-system "$ROOT"
  fi
}
trap cleanup EXIT
trap "exit 130" INT TERM HUP

# A machine behind a proxy that inspects TLS trusts its certificate authority
# through /usr/local/share/ca-certificates; the root gets the same ones (none
# on most machines), and pip and Node.js are told to use the system's list.
CA_ENV=()
in_root() {  # in_root COMMAND...: a login-like environment in the root, as root
  chroot "$ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    "${CA_ENV[@]}" nice -n "$NICE" "$@"
}

seconds_since() { echo $(( $(date +%s) - $1 )); }

: > "$OUT/summary.txt"
HEAD=$(git -C "$REPO" rev-parse --short HEAD)
log "fresh Debian $SUITE, repository $REPO at $HEAD (committed HEAD; uncommitted changes are not in the clone)"

# 1. The root: debootstrap, with the README's packages for a bare machine.
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
[ -z "$(mounted)" ] || { echo "something is mounted under $ROOT: unmount it first" >&2; trap - EXIT; exit 1; }
rm -rf --one-file-system "$ROOT"
mkdir -p "$BASE/debs-$SUITE"
start=$(date +%s)
nice -n "$NICE" debootstrap --variant=minbase --cache-dir="$BASE/debs-$SUITE" \
  --include=make,git,python3,python3-venv,ca-certificates \
  "$SUITE" "$ROOT" "$MIRROR" > "$OUT/debootstrap.log" 2>&1 \
  || { tail -20 "$OUT/debootstrap.log"; exit 1; }
log "debootstrap $SUITE: $(seconds_since "$start") s"

# As an installed system has them: the suite's updates and security sources.
cat > "$ROOT/etc/apt/sources.list" <<SOURCES
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb http://deb.debian.org/debian-security $SUITE-security main
SOURCES
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
grep -qs localhost "$ROOT/etc/hosts" || printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$ROOT/etc/hosts"
mount -t proc proc "$ROOT/proc"
mount --rbind /sys "$ROOT/sys" && mount --make-rslave "$ROOT/sys"
mount --rbind /dev "$ROOT/dev" && mount --make-rslave "$ROOT/dev"   # with /dev/pts and /dev/shm (Chromium)
log "$(in_root python3 --version), $(in_root git --version), $(in_root make --version | head -1)"
if compgen -G "/usr/local/share/ca-certificates/*.crt" > /dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
  in_root update-ca-certificates > /dev/null 2>&1
  CA_ENV=(PIP_CERT=/etc/ssl/certs/ca-certificates.crt NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt)
  log "this machine's local certificate authorities copied into the root: $(cd /usr/local/share/ca-certificates && echo *.crt)"
fi

# 2. The clone, as a new user makes it (from a bundle of the committed HEAD).
git -C "$REPO" bundle create "$ROOT/tmp/course.bundle" HEAD > /dev/null 2>&1
in_root git -c init.defaultBranch=main -c advice.detachedHead=false clone --quiet /tmp/course.bundle /root/course
in_root git -C /root/course log --oneline -1 | sed 's/^/clone at /' | tee -a "$OUT/summary.txt"

# 3. make serve: the first answer on 127.0.0.1, then stop it.
PORT=8000
if (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  SERVE_ARGS="SERVE_ADDR=127.0.0.1:$PORT"
  log "port 8000 is taken on this machine (the root shares its network): make serve $SERVE_ARGS"
else
  SERVE_ARGS=""
fi
start=$(date +%s)
setsid chroot "$ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  "${CA_ENV[@]}" nice -n "$NICE" bash -c "cd /root/course && exec make serve $SERVE_ARGS" > "$OUT/make-serve.log" 2>&1 &
serve_pid=$!
status=""
while [ "$(seconds_since "$start")" -lt "$SERVE_WAIT" ] && kill -0 "$serve_pid" 2>/dev/null; do
  status=$(python3 - "$PORT" <<'PY' 2>/dev/null || true
import sys, urllib.request
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=5) as r:
        print(r.status, "sv" if 'lang="sv"' in r.read().decode() else "?")
except Exception:
    pass
PY
)
  [ -n "$status" ] && break
  sleep 1
done
serve_seconds=$(seconds_since "$start")
kill -TERM -- "-$serve_pid" 2>/dev/null || true
wait "$serve_pid" 2>/dev/null || true
if [ "$status" = "200 sv" ]; then
  log "make serve: first answer (HTTP 200, the Swedish start page) after $serve_seconds s; stopped"
  serve_ok=1
else
  log "make serve: FAILED, no answer on 127.0.0.1:$PORT after $serve_seconds s (log: $OUT/make-serve.log)"
  tail -20 "$OUT/make-serve.log"
  serve_ok=0
fi

# 4. The workflow's run: steps for this Debian version, the first being make test.
{ in_root /root/course/.venv/bin/python /root/course/tools/workflow_steps.py --image "$IMAGE" || true; } | sed 's/^/workflow step: /' | tee -a "$OUT/summary.txt"
start=$(date +%s)
set +e
in_root bash -c "cd /root/course && .venv/bin/python tools/workflow_steps.py --image $IMAGE --run" > "$OUT/workflow.log" 2>&1
steps_rc=$?
set -e
grep '^== .*: [0-9]* s, exit' "$OUT/workflow.log" | sed 's/^== /workflow step /' | tee -a "$OUT/summary.txt"
grep -E '^=+ .*(passed|failed|error).* in [0-9.]+s' "$OUT/workflow.log" | tail -1 | sed 's/^/pytest: /' | tee -a "$OUT/summary.txt" || true
log "workflow steps ($IMAGE): $(seconds_since "$start") s, exit $steps_rc (log: $OUT/workflow.log)"
log "in the root after make test: $(in_root bash -c 'echo node $(node --version 2>/dev/null), npm $(npm --version 2>/dev/null), chromium $(chromium --version 2>/dev/null | cut -d" " -f2)')"

[ "$serve_ok" = 1 ] && [ "$steps_rc" = 0 ] && log "$SUITE: both commands passed" && exit 0
log "$SUITE: FAILED"
exit 1
