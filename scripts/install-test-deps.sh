#!/usr/bin/env bash
# Installs the system packages the test suite needs, only when missing (idempotent):
#   chromium  - the HTML report test opens the report in headless Chromium (/usr/bin/chromium)
#   graphviz  - scenario graph rendering (/usr/bin/dot)
# As root (or with passwordless sudo) it runs apt-get; otherwise it prints what is missing and how to install it,
# and exits 0 so the rest of the test run goes ahead (the browser test then fails with a pointer back here).
# Pass --check to only report, exiting 1 when something is missing.
set -euo pipefail

check_only=false
if [[ "${1:-}" == "--check" ]]; then
  check_only=true
fi

declare -A probe=([chromium]=/usr/bin/chromium [graphviz]=/usr/bin/dot)
missing=()
for pkg in chromium graphviz; do
  if [[ ! -x "${probe[$pkg]}" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-test-deps: chromium and graphviz are installed."
  exit 0
fi

if $check_only; then
  echo "install-test-deps: missing: ${missing[*]}" >&2
  exit 1
fi

if [[ $(id -u) -eq 0 ]]; then
  runner=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  runner=(sudo -n)
else
  echo "install-test-deps: WARNING: missing ${missing[*]} and not running as root." >&2
  echo "install-test-deps: install with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 0
fi

echo "install-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${runner[@]}" apt-get update
"${runner[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
echo "install-test-deps: done."
