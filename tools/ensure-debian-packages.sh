#!/usr/bin/env bash
# Install the Debian packages the tests need, if missing.
# As root it uses apt-get; otherwise it says what to run.
# The web servers among them are only run by the tests, on their own ports:
# Debian would start them as system services on port 80 when installed, so a
# policy-rc.d that refuses every start is in place while apt-get runs
# (unless the machine already has one, as container images do).
set -euo pipefail
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get install ${missing[*]}" >&2
  echo "(Debian starts nginx, apache2 and caddy on port 80 when installed; the tests do not need that:" >&2
  echo " sudo systemctl disable --now nginx apache2 caddy)" >&2
  exit 1
fi
