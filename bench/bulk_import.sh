#!/usr/bin/env bash
# Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
# Bulk import bench (issue 15): the same 2,000 users created against the local server by
#
#   bulk_import/corti_cli_c8    corti-admin users import --concurrency 8 (one process, one
#                               token, at most 8 pooled TLS connections)
#   bulk_import/curl_xargs_p8   xargs -P 8 curl, what users write today: one curl process,
#                               one TCP connection and one TLS handshake per user (the token
#                               fetched once beforehand, as a shell loop would)
#
# in one run, each into a fresh customer, alternating, BULK_REPETITIONS times (default 3);
# prints the medians in users per second and the ratio (goal >= 10), and writes
# bench/results/bulk_import.md.
#
#   bench/bulk_import.sh            configure + build build/bulk-import (Release, -O2 -DNDEBUG)
#
# Environment: BULK_BUILD_DIR (default build/bulk-import), BULK_ROWS (2000), BULK_JOBS (2),
# BULK_REPETITIONS (3), BULK_RESULTS (bench/results/bulk_import.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${BULK_BUILD_DIR:-$root/build/bulk-import}
rows=${BULK_ROWS:-2000}
reps=${BULK_REPETITIONS:-3}
results=${BULK_RESULTS:-$root/bench/results/bulk_import.md}

echo "=== build ($build)"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
    -DCORTI_ADMIN_BUILD_TESTS=OFF > "$build.configure.log" 2>&1 || { cat "$build.configure.log"; exit 1; }
cmake --build "$build" --target corti-admin corti-admin-local-server -j "${BULK_JOBS:-2}"
cli=$build/apps/corti-admin/corti-admin
server_bin=$build/examples/local-server/corti-admin-local-server

work=$(mktemp -d "${TMPDIR:-/tmp}/corti-bulk.XXXXXX")
server_pid=
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2> /dev/null && wait "$server_pid" 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

seeds=()
for i in $(seq "$reps"); do seeds+=(--seed-customer "cli$i" --seed-customer "curl$i"); done
"$server_bin" --port 0 --ready-file "$work/port" --ca-out "$work/ca.pem" "${seeds[@]}" \
    > /dev/null 2> "$work/server.log" &
server_pid=$!
for _ in $(seq 100); do [[ -s "$work/port" ]] && break; sleep 0.1; done
[[ -s "$work/port" ]] || { cat "$work/server.log"; exit 1; }
base=https://localhost:$(cat "$work/port")
export CORTI_ADMIN_BASE_URL=$base CORTI_ADMIN_CA_FILE=$work/ca.pem
export CORTI_ADMIN_EMAIL=admin@example.com CORTI_ADMIN_PASSWORD=local-dev-password

# The rows: a CSV for corti-admin, the same users as JSON bodies (one a line) for curl.
awk -v n="$rows" 'BEGIN { print "email,firstName,lastName,password";
    for(i = 0; i < n; ++i) printf "bulk%d@example.com,First%d,Last%d,bulk-password-%06d\n", i, i, i, i }' > "$work/users.csv"
awk -v n="$rows" 'BEGIN { for(i = 0; i < n; ++i)
    printf "{\"email\":\"bulk%d@example.com\",\"firstName\":\"First%d\",\"lastName\":\"Last%d\",\"password\":\"bulk-password-%06d\"}\n", i, i, i, i }' \
    > "$work/users.jsonl"
token=$(curl -sS --fail --cacert "$work/ca.pem" "$base/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$CORTI_ADMIN_EMAIL\",\"password\":\"$CORTI_ADMIN_PASSWORD\"}" | sed -nE 's/.*"accessToken":"([^"]*)".*/\1/p')
printf 'Authorization: Bearer %s\nContent-Type: application/json\n' "$token" > "$work/headers"

now() { date +%s.%N; }
rate() { awk -v n="$rows" -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", n / (b - a) }'; }
median() { tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

cli_rates=() curl_rates=()
for i in $(seq "$reps"); do
    t0=$(now)
    "$cli" users import consoleproject "cli$i" "$work/users.csv" --concurrency 8 > "$work/cli.out"
    t1=$(now)
    grep -q "^done: $rows rows, $rows created" "$work/cli.out" || { cat "$work/cli.out"; exit 1; }
    cli_rates+=("$(rate "$t0" "$t1")")

    t0=$(now)
    xargs -d '\n' -P 8 -n 1 curl -sS --fail -o /dev/null --cacert "$work/ca.pem" -H "@$work/headers" \
        "$base/projects/consoleproject/customers/curl$i/users" -d < "$work/users.jsonl"
    t1=$(now)
    curl_rates+=("$(rate "$t0" "$t1")")
    echo "repetition $i: corti_cli_c8 ${cli_rates[-1]} users/s, curl_xargs_p8 ${curl_rates[-1]} users/s"
done
stats=$(curl -sS --cacert "$work/ca.pem" "$base/_test/stats")
cli_median=$(median <<< "${cli_rates[*]}")
curl_median=$(median <<< "${curl_rates[*]}")
ratio=$(awk -v a="$cli_median" -v b="$curl_median" 'BEGIN { printf "%.1f", a / b }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r >= 10 ? "PASS" : "MISS") }')

mkdir -p "$(dirname "$results")"
{
    echo "Bulk import of $rows users against the local server, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs,"
    echo "load average $(cut -d' ' -f1 /proc/loadavg), git $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?')."
    echo "Wall time of the whole run (process start to exit), median of $reps."
    echo
    echo "| benchmark | users/s (median) | runs |"
    echo "|---|---:|---|"
    echo "| \`bulk_import/corti_cli_c8\` | $cli_median | ${cli_rates[*]} |"
    echo "| \`bulk_import/curl_xargs_p8\` | $curl_median | ${curl_rates[*]} |"
    echo
    echo "| goal | measured | result |"
    echo "|---|---:|---|"
    echo "| \`corti_cli_c8\` ≥ 10 × \`curl_xargs_p8\` | $ratio × | $verdict |"
    echo
    echo "Server stats at the end: \`$stats\`"
} > "$results"
cat "$results"
