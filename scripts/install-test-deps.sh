#!/usr/bin/env bash
# Installs the system packages the test suite needs: chromium (HTML report screenshot test)
# and graphviz (scenario graph rendering). Idempotent: installs only what is missing.
# When not run as root (and sudo is unavailable), prints what is missing and exits non-zero.
set -euo pipefail

declare -A probe=( [chromium]=/usr/bin/chromium [graphviz]=/usr/bin/dot )
missing=()
for pkg in chromium graphviz; do
  if [[ ! -x "${probe[$pkg]}" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-test-deps: chromium and graphviz already installed."
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  runner=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  runner=(sudo -n)
else
  echo "install-test-deps: missing packages: ${missing[*]}" >&2
  echo "install-test-deps: run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "install-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${runner[@]}" apt-get update
"${runner[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
echo "install-test-deps: done."
