#!/usr/bin/env bash
# Checks tests/run_suite.sh on the skip probe (skip_probe.cpp): a skip is "Skipped" (77), not a pass; under
# CARBONSCOPE_REQUIRE_ALL=1 it is a failure; a failure beside a skip stays a failure; --missing is skipped (77),
# or a failure under CARBONSCOPE_REQUIRE_ALL=1.
#   check_run_suite.sh RUN_SUITE PROBE
set -u
runSuite="$1"
probe="$2"
status=0
expect() {
    local want="$1" what="$2"
    shift 2
    "$@" >/dev/null 2>&1
    local got=$?
    if [ "$got" != "$want" ]; then
        echo "FAIL: $what: exit $got, expected $want"
        status=1
    else
        echo "ok: $what: exit $got"
    fi
}
expect 77 "a skip shows as skipped" env -u CARBONSCOPE_REQUIRE_ALL "$runSuite" "$probe"
expect 1 "a skip fails under CARBONSCOPE_REQUIRE_ALL=1" env CARBONSCOPE_REQUIRE_ALL=1 "$runSuite" "$probe"
expect 1 "a failure beside a skip is a failure" env -u CARBONSCOPE_REQUIRE_ALL PROBE_FAIL=1 "$runSuite" "$probe"
expect 0 "a suite without skips passes" env -u CARBONSCOPE_REQUIRE_ALL "$runSuite" "$probe" passes
expect 77 "a missing suite shows as skipped" env -u CARBONSCOPE_REQUIRE_ALL "$runSuite" --missing "why"
expect 1 "a missing suite fails under CARBONSCOPE_REQUIRE_ALL=1" env CARBONSCOPE_REQUIRE_ALL=1 "$runSuite" --missing "why"
exit $status
