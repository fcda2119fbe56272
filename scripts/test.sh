#!/usr/bin/env bash
# The test command (README, CI): installs what the tests need, checks formatting, builds with warnings as errors,
# runs every test project, and prints one closing line "Tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore RolePlay.sln --nologo -v quiet
dotnet build RolePlay.sln --no-restore --nologo -v quiet -c Release
dotnet format RolePlay.sln --no-restore --verify-no-changes

log=$(mktemp)
status=0
dotnet test RolePlay.sln --no-build -c Release --nologo 2>&1 | tee "$log" || status=$?

# Sum the per-project lines ("Passed!  - Failed: 0, Passed: 42, Skipped: 0, Total: 42, ...").
awk '
  /(Passed|Failed)!  *- *Failed:/ {
    gsub(",", ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
    }
    projects++
  }
  END { if (projects == 0) { print "Tests: no test results found"; exit 1 } printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log" || status=1
rm -f "$log"
exit "$status"
