#!/usr/bin/env bash
# The README's test command: sets up the machine (eng/setup.sh), builds everything with warnings as errors, runs
# every test project, and ends with one plain line "N passed, N failed" computed from the test results.
# Exit code: 0 only when every test passed and no test run crashed.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

bash "$here/setup.sh" || { echo "eng/test.sh: machine set-up failed" >&2; echo "0 passed, 1 failed"; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "=== build" >&2
if ! dotnet build Polycrate.Build.sln -c Release -nologo -v q; then
  echo "eng/test.sh: the build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

echo "=== test" >&2
# One results folder per test project, so no two TRX files can collide.
test_exit=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "=== test $name" >&2
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results/$name" -- RunConfiguration.TreatNoTestsAsError=true || test_exit=$?
done

# Count from the TRX files (one per test project): the real results, not dotnet test's console summary.
read -r passed failed trx_count < <(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = files = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    files += 1
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
print(passed, failed, files)
PY
)

projects=$(ls tests/*/*.csproj | wc -l)
if [ "$trx_count" -lt "$projects" ]; then
  echo "eng/test.sh: only $trx_count of $projects test projects reported results (a test host crashed?)" >&2
  failed=$((failed + projects - trx_count))
fi
if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "eng/test.sh: dotnet test exited $test_exit without a failed test; counting it as a failure" >&2
  failed=1
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
