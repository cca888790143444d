#!/usr/bin/env bash
# The large fuzzing run: the suite's OpenAPI fuzzing property (tests/Forewarn.Server.Tests/Hardening)
# with many more cases per operation, on SQLite and, when FOREWARN_TEST_POSTGRES is set, PostgreSQL.
#   bench/fuzz/run.sh [cases-per-operation (default 400)]
# Same seed as the suite, so a failure found here is found again by the same command.
set -euo pipefail
cd "$(dirname "$0")/../.."
cases="${1:-400}"
dotnet build tests/Forewarn.Server.Tests -c Release 2>&1 | tail -1
run() {
  FOREWARN_FUZZ_CASES="$cases" dotnet test tests/Forewarn.Server.Tests -c Release --no-build \
    --filter "FullyQualifiedName~OpenApiFuzzTests" --logger "console;verbosity=detailed" 2>&1 \
    | grep -E "cases over|Refused by Kestrel|broke the property|answered [0-9]|refused with|no answer|without a type|Test Run|Total time" | grep -v "^\[xUnit"
}
echo "== SQLite, $cases cases per operation"
FOREWARN_TEST_POSTGRES= run
if [ -n "${FOREWARN_TEST_POSTGRES:-}" ]; then
  echo "== PostgreSQL, $cases cases per operation"
  run
fi
