#!/usr/bin/env bash
# Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
# End-to-end tests of the corti-admin command line against corti-admin-local-server
# (issue 15's "Tests and figures"). Each part starts its own server on a free port.
#
#   test-cli.sh PART CORTI_ADMIN LOCAL_SERVER
#
# PART: commands | import_1000 | journal_rerun | sigint_resume | bad_rows | faults | progress_tty | all
# ctest runs one part per test (apps/corti-admin/CMakeLists.txt). Needs bash, curl, awk, and
# script(1) from util-linux for progress_tty.
set -euo pipefail

part=${1:?part}
cli=${2:?corti-admin}
server_bin=${3:?corti-admin-local-server}

work=$(mktemp -d)
server_pid=
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

project=consoleproject
customer=clinic
fail() { echo "FAIL [$part]: $*" >&2; exit 1; }
ok() { echo "ok [$part]: $*"; }

start_server() {
    "$server_bin" --port 0 --ready-file "$work/port" --ca-out "$work/ca.pem" --project "$project" \
        --seed-customer "$customer" "$@" > /dev/null 2> "$work/server.log" &
    server_pid=$!
    for _ in $(seq 100); do
        [[ -s "$work/port" ]] && break
        kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; fail "the server did not start"; }
        sleep 0.1
    done
    [[ -s "$work/port" ]] || fail "the server did not start in time"
    port=$(cat "$work/port")
    base=https://localhost:$port
    export CORTI_ADMIN_BASE_URL=$base CORTI_ADMIN_CA_FILE=$work/ca.pem
    export CORTI_ADMIN_EMAIL=admin@example.com CORTI_ADMIN_PASSWORD=local-dev-password
    unset CORTI_ADMIN_TOKEN
}

hook() { curl -sS --fail --cacert "$work/ca.pem" "$base/_test/$1" "${@:2}"; }
stats() { hook stats; }
stat_field() { sed -nE "s/.*\"$1\":([0-9]+).*/\1/p" <<< "$2"; }
fault() { hook fault -H 'Content-Type: application/json' -d "$1" > /dev/null; }
reset_counters() { hook reset -X POST > /dev/null; }

# make_csv FILE N [FIRST]: a header and N users user<i>@example.com with passwords.
make_csv() {
    awk -v n="$2" -v first="${3:-0}" 'BEGIN {
        print "email,firstName,lastName,password";
        for(i = first; i < first + n; ++i) printf "user%d@example.com,First%d,Last%d,pw-secret-%06d-xyzzy\n", i, i, i, i;
    }' > "$1"
}

# Every password of the CSVs (pw-secret-...) and the Console password: never in any output.
no_secrets() {
    if grep -l -e 'pw-secret-' -e 'local-dev-password' -e 'wrong-password-for-sure' "$@" 2>/dev/null; then
        fail "a password appears in the files above"
    fi
}

# The server's users of the customer, one email per line.
server_emails() { "$cli" --json users list "$project" "$customer" | sed -nE 's/.*"email":"([^"]*)".*/\1/p'; }

check_each_once() { # check_each_once N: the server has N users, no email twice
    local emails
    emails=$(server_emails)
    local count dups
    count=$(grep -c . <<< "$emails" || true)
    dups=$(sort <<< "$emails" | uniq -d | wc -l)
    [[ $count == "$1" ]] || fail "the server has $count users, expected $1"
    [[ $dups == 0 ]] || fail "$dups emails twice on the server"
}

part_commands() {
    start_server
    local out=$work/out err=$work/err
    "$cli" token > "$out" 2> "$err" || fail "token"
    grep -q 'token type: bearer' "$out" && grep -q 'expires in: 3600 s' "$out" || fail "token output: $(cat "$out")"
    "$cli" --json token > "$out.json" || fail "token --json"
    grep -q '"tokenType":"bearer"' "$out.json" && ! grep -q accessToken "$out.json" || fail "token --json: $(cat "$out.json")"
    ok "token"
    "$cli" customers create "$project" acme --display-name "Acme Clinic" --region us > "$out" || fail "customers create"
    grep -q 'Acme Clinic' "$out" || fail "customers create output"
    "$cli" customers list "$project" > "$out" || fail "customers list"
    grep -q '^CUSTOMER ID' "$out" && grep -q '^acme  *Acme Clinic  *base  *us' "$out" || fail "customers list table: $(cat "$out")"
    [[ $("$cli" customers list "$project" --json | grep -c '"customerId"') == 2 ]] || fail "customers list --json"
    "$cli" customers update "$project" acme --display-name "Acme Hospital" --nfr true > "$out" || fail "customers update"
    grep -q 'Acme Hospital' "$out" || fail "customers update output"
    "$cli" customers quotas "$project" acme > "$out" || fail "customers quotas"
    grep -q '^users  *unlimited  *0' "$out" || fail "customers quotas: $(cat "$out")"
    "$cli" quotas "$project" > "$out" || fail "quotas"
    grep -q '^TENANT' "$out" && grep -q '^base' "$out" || fail "quotas: $(cat "$out")"
    ok "customers create|list|update|quotas, quotas"
    echo 'pw-secret-000000-typed-in' | "$cli" --json users create "$project" acme --email ada@example.com \
        --first-name Ada --last-name Lovelace --password-stdin > "$out" 2> "$err" || fail "users create"
    local id
    id=$(sed -nE 's/.*"id":"([^"]*)".*/\1/p' "$out")
    [[ -n $id ]] || fail "users create: no id in $(cat "$out")"
    "$cli" users list "$project" acme > "$out" || fail "users list"
    grep -q "^$id  *ada@example.com  *Ada  *Lovelace  *yes" "$out" || fail "users list table: $(cat "$out")"
    "$cli" users update "$project" acme "$id" --first-name Augusta --enabled false > "$out" || fail "users update"
    grep -q 'Augusta.*no' "$out" || fail "users update output: $(cat "$out")"
    "$cli" users consumption "$project" acme "$id" --from 2026-01-01T00:00:00Z --to 2026-01-01T10:00:00Z \
        > "$out" || fail "users consumption"
    grep -q 'consumption: 5 credits' "$out" || fail "users consumption: $(cat "$out")"
    "$cli" users delete "$project" acme "$id" > "$out" || fail "users delete"
    [[ $("$cli" --json users list "$project" acme | wc -l) == 0 ]] || fail "the user is still there"
    "$cli" customers delete "$project" acme > "$out" || fail "customers delete"
    [[ $("$cli" --json customers list "$project" | wc -l) == 1 ]] || fail "the customer is still there"
    ok "users create|list|update|consumption|delete, customers delete"
    # Exit codes: 2 usage, 3 credentials refused (Console or fixed token), 1 other failures.
    set +e
    "$cli" users frobnicate > /dev/null 2>&1; [[ $? == 2 ]] || fail "usage error: not exit 2"
    "$cli" users list "$project" 2> /dev/null; [[ $? == 2 ]] || fail "missing argument: not exit 2"
    CORTI_ADMIN_PASSWORD=wrong-password-for-sure "$cli" customers list "$project" > /dev/null 2> "$err"
    [[ $? == 3 ]] || fail "wrong password: not exit 3"
    (unset CORTI_ADMIN_EMAIL CORTI_ADMIN_PASSWORD; CORTI_ADMIN_TOKEN=not-a-token-of-this-server \
        "$cli" customers list "$project" > /dev/null 2>> "$err"); [[ $? == 3 ]] || fail "bad token: not exit 3"
    "$cli" customers delete "$project" nosuchcustomer > /dev/null 2>> "$err"; [[ $? == 1 ]] || fail "404: not exit 1"
    set -e
    grep -q 'HTTP 404' "$err" || fail "the 404 is not reported: $(cat "$err")"
    no_secrets "$out" "$out.json" "$err"
    ok "exit codes 2, 3, 1"
}

part_import_1000() {
    start_server
    make_csv "$work/users.csv" 1000
    "$cli" users import "$project" "$customer" "$work/users.csv" --concurrency 8 --journal "$work/journal" \
        > "$work/out" 2> "$work/err" || fail "import: exit $? $(cat "$work/err")"
    local s
    s=$(stats)
    echo "server stats after the import: $s"
    grep -q '^done: 1000 rows, 1000 created, 0 exists, 0 failed' "$work/out" || fail "summary: $(cat "$work/out")"
    [[ ! -s "$work/err" ]] || fail "stderr is not empty (no tty: no progress line): $(cat "$work/err")"
    # The stats request's own connection counts in accepts.
    (($(stat_field accepts "$s") <= 9)) || fail "more than 8 connections: $s"
    if [[ -n $(stat_field peak_connections "$s") ]]; then
        (($(stat_field peak_connections "$s") <= 9)) || fail "peak connections over 8: $s"
    fi
    if [[ -n $(stat_field token_requests "$s") ]]; then
        [[ $(stat_field token_requests "$s") == 1 ]] || fail "not one token request: $s"
    fi
    # One /auth/token and 1,000 creates: every POST.
    [[ $(stat_field POST "$s") == 1001 && $(stat_field requests "$s") == 1001 ]] || fail "not 1001 POSTs: $s"
    ok "1000 rows, concurrency 8: $(stat_field accepts "$s") accepts (with the stats request's), $(stat_field POST "$s") POSTs"
    [[ $(grep -c '"outcome":"created"' "$work/journal") == 1000 ]] || fail "journal"
    check_each_once 1000
    ok "each user created once"
    # --json: one outcome per row on stdout.
    make_csv "$work/more.csv" 10 1000
    "$cli" --json users import "$project" "$customer" "$work/more.csv" > "$work/json" 2> "$work/json.err" || fail "--json"
    [[ $(grep -c '^{"line":[0-9]*,"email":"user10[0-9][0-9]@example.com","outcome":"created","id":"[0-9a-f-]*"}$' \
        "$work/json") == 10 ]] || fail "--json lines: $(cat "$work/json")"
    grep -q '^done: 10 rows, 10 created' "$work/json.err" || fail "--json summary on stderr"
    no_secrets "$work/out" "$work/err" "$work/journal" "$work/json" "$work/json.err" "$work/server.log"
    ok "--json lines, no password anywhere"
}

part_journal_rerun() {
    start_server
    make_csv "$work/users.csv" 300
    "$cli" users import "$project" "$customer" "$work/users.csv" --concurrency 8 --journal "$work/journal" \
        > "$work/out1" || fail "first import"
    reset_counters
    "$cli" users import "$project" "$customer" "$work/users.csv" --concurrency 8 --journal "$work/journal" \
        > "$work/out2" || fail "rerun"
    grep -q '^done: 300 rows, 0 created, 0 exists, 0 failed, 300 skipped (journal), 0 not sent' "$work/out2" \
        || fail "rerun summary: $(cat "$work/out2")"
    local s
    s=$(stats)
    [[ $(stat_field requests "$s") == 0 ]] || fail "the rerun sent requests: $s"
    [[ $(wc -l < "$work/journal") == 300 ]] || fail "the rerun wrote to the journal"
    # Without the journal the same file finds every user there: 300 exists, exit 0.
    "$cli" users import "$project" "$customer" "$work/users.csv" > "$work/out3" || fail "import without the journal"
    grep -q '^done: 300 rows, 0 created, 300 exists, 0 failed' "$work/out3" || fail "exists: $(cat "$work/out3")"
    check_each_once 300
    # Refused credentials: exit 3 after the one token request, no row sent.
    reset_counters
    local rc=0
    CORTI_ADMIN_PASSWORD=wrong-password-for-sure "$cli" users import "$project" "$customer" "$work/users.csv" \
        > "$work/out4" 2> "$work/err4" || rc=$?
    [[ $rc == 3 ]] || fail "refused credentials: exit $rc, not 3"
    grep -q '^token: .*HTTP 401' "$work/err4" || fail "the refusal is not reported: $(cat "$work/err4")"
    grep -q '^done: 300 rows, 0 created, 0 exists, 0 failed, 0 skipped (journal), 300 not sent' "$work/out4" \
        || fail "refused summary: $(cat "$work/out4")"
    [[ $(stat_field requests "$(stats)") == 1 ]] || fail "more than the token request: $(stats)"
    no_secrets "$work"/out* "$work"/err* "$work/journal"
    ok "a rerun with the journal sends nothing; without it, 300 exists; refused credentials: exit 3"
}

part_sigint_resume() {
    start_server
    make_csv "$work/users.csv" 1000
    # Slow every create down (20 ms each, 8 at once: about 2.5 s for all) so that SIGINT lands mid-import.
    fault '{"kind":"delay","ms":20,"times":2000}'
    set -m # the import gets its own process group, and SIGINT its default disposition
    "$cli" users import "$project" "$customer" "$work/users.csv" --concurrency 8 --journal "$work/journal" \
        > "$work/out1" 2> "$work/err1" &
    local pid=$!
    set +m
    # SIGINT once 50 rows are in the journal: the rest take over 2 s more.
    for _ in $(seq 300); do
        [[ -s "$work/journal" && $(wc -l < "$work/journal") -ge 50 ]] && break
        sleep 0.1
    done
    kill -INT "$pid"
    local rc=0
    wait "$pid" || rc=$?
    [[ $rc == 130 ]] || fail "interrupted import: exit $rc, not 130 ($(cat "$work/err1"))"
    grep -q '^interrupted: 1000 rows, [0-9]* created, 0 exists, 0 failed, 0 skipped (journal), [0-9]* not sent' \
        "$work/out1" || fail "interrupted summary: $(cat "$work/out1")"
    local first
    first=$(grep -c '"outcome":"created"' "$work/journal")
    ((first > 0 && first < 1000)) || fail "$first rows created before the interruption"
    grep -q "^interrupted: 1000 rows, $first created" "$work/out1" || fail "the journal and the summary disagree"
    reset_counters # and the faults
    "$cli" users import "$project" "$customer" "$work/users.csv" --concurrency 8 --journal "$work/journal" \
        > "$work/out2" || fail "resumed import"
    grep -q "^done: 1000 rows, $((1000 - first)) created, 0 exists, 0 failed, $first skipped (journal), 0 not sent" \
        "$work/out2" || fail "resumed summary: $(cat "$work/out2")"
    local s
    s=$(stats)
    [[ $(stat_field POST "$s") == $((1000 - first + 1)) ]] || fail "the resumed run sent other than the rest: $s"
    check_each_once 1000
    no_secrets "$work"/out* "$work"/err* "$work/journal"
    ok "SIGINT after $first rows: exit 130; resumed: $((1000 - first)) more, each user once"
}

part_bad_rows() {
    start_server
    local f=$work/bad.csv
    # A BOM and CRLF line ends, columns in another order with an extra one, a quoted field over
    # two lines (its record starts on the line of the quote), and 20 bad rows among good ones.
    {
        printf '\xef\xbb\xbflastName,note,email,password,firstName\r\n'
        local line=2 i
        : > "$work/expected"
        bad() { echo "$f:$line: $1" >> "$work/expected"; }
        for i in $(seq 0 59); do
            case $i in
            3) printf 'Last,"a note\r\nover two lines",bad-email,,First\r\n'; bad "email: not a valid email address"; line=$((line + 2)); continue ;;
            5) printf 'Last,,,,First\r\n'; bad "email: required" ;;
            8) printf 'Last,,u8@example.com,short,First\r\n'; bad "password: must be 16 to 64 characters" ;;
            11) printf ',,u11@example.com,,First\r\n'; bad "lastName: required" ;;
            14) printf 'Last,,u14@example.com,,\r\n'; bad "firstName: required" ;;
            17) printf 'L\xe9vy,,u17@example.com,,First\r\n'; bad "lastName: not valid UTF-8 (byte 2 of the field)" ;;
            20) printf 'Last,,U0@Example.com,,First\r\n'; bad "email: the same address as line 2" ;;
            23) printf 'Last,,u23@example.com,,Fir\x01st\r\n'; bad "firstName: must be 1 to 255 characters without control characters" ;;
            26) printf 'Last,,u26@exa_mple.com,,First\r\n'; bad "email: not a valid email address" ;;
            29) printf 'Last,,u29@example.com\r\n'; bad "firstName: missing (the record has 3 fields)" ;;
            32) printf 'Last,\xff,u32@example.com,,First\r\n'; bad "note: not valid UTF-8 (byte 1 of the field)" ;;
            35) printf 'Last,,u35@example.com,%s,First\r\n' "$(printf 'x%.0s' $(seq 65))"; bad "password: must be 16 to 64 characters" ;;
            38) printf 'Last,,"two@@example.com",,First\r\n'; bad "email: not a valid email address" ;;
            41) printf 'Last,,u41@example.com,,"Fir\tst"\r\n'; bad "firstName: must be 1 to 255 characters without control characters" ;;
            44) printf 'Last,,u44@,,First\r\n'; bad "email: not a valid email address" ;;
            47) printf 'Last,,u47@example.com,,"Fir\nst"\r\n'; bad "firstName: must be 1 to 255 characters without control characters"; line=$((line + 2)); continue ;;
            50) printf 'Last,,u0@example.com,,First\r\n'; bad "email: the same address as line 2" ;;
            53) printf 'Last,,\xc3\x28@example.com,,First\r\n'; bad "email: not valid UTF-8 (byte 1 of the field)" ;;
            56) printf 'Last,,u56@example.com,pw-secret-%s,First\r\n' "$(printf 'é%.0s' $(seq 60))"; bad "password: must be 16 to 64 characters" ;;
            59) printf 'Last,,u59@example.com,,%s\r\n' "$(printf 'a%.0s' $(seq 256))"; bad "firstName: must be 1 to 255 characters without control characters" ;;
            *) printf 'Last%d,"x, ""quoted""",u%d@example.com,pw-secret-%06d-xyzzy,First%d\r\n' "$i" "$i" "$i" "$i" ;;
            esac
            line=$((line + 1))
        done
    } > "$f"
    [[ $(wc -l < "$work/expected") == 20 ]] || fail "the test file has $(wc -l < "$work/expected") bad rows"
    reset_counters
    local rc=0
    "$cli" users import "$project" "$customer" "$f" --concurrency 8 > "$work/out" 2> "$work/err" || rc=$?
    [[ $rc == 2 ]] || fail "bad rows: exit $rc, not 2"
    grep -v '^20 problems; nothing was sent$' "$work/err" > "$work/reported" || true
    diff "$work/expected" "$work/reported" || fail "the reports differ from the expected ones (above)"
    grep -q '^20 problems; nothing was sent$' "$work/err" || fail "no count"
    [[ $(stat_field requests "$(stats)") == 0 ]] || fail "requests were sent: $(stats)"
    # --check: the same reports, exit 2; and a good file passes without a request.
    rc=0
    "$cli" users import "$project" "$customer" "$f" --check > /dev/null 2> "$work/err2" || rc=$?
    [[ $rc == 2 ]] && diff -q "$work/err" "$work/err2" > /dev/null || fail "--check on the bad file"
    { head -n 1 "$f"; grep -a -E '^Last[0-9]+,' "$f"; } > "$work/good.csv"
    "$cli" users import "$project" "$customer" "$work/good.csv" --check > "$work/out3" || fail "--check on the good rows"
    grep -q 'good.csv: 40 rows, all valid' "$work/out3" || fail "--check: $(cat "$work/out3")"
    [[ $(stat_field requests "$(stats)") == 0 ]] || fail "--check sent requests"
    # The same rows through the import: 40 created (BOM, CRLF, quotes, another column order).
    "$cli" users import "$project" "$customer" "$work/good.csv" > "$work/out4" || fail "import of the good rows"
    grep -q '^done: 40 rows, 40 created' "$work/out4" || fail "good rows: $(cat "$work/out4")"
    "$cli" --json users list "$project" "$customer" > "$work/list" || fail "users list"
    grep -q '"email":"u1@example.com","firstName":"First1","lastName":"Last1"' "$work/list" \
        || fail "a row's fields are not as in the file"
    no_secrets "$work/out" "$work/err" "$work/err2" "$work/out3" "$work/out4"
    ok "20 bad rows reported as FILE:LINE: field: reason, exit 2, 0 requests; --check; BOM, CRLF, quoting"
}

part_faults() {
    start_server
    make_csv "$work/users.csv" 200
    # A fixed token, so that the faults hit creates only; they queue: 40 slow ones, three 503s, two cuts.
    local token
    token=$(hook ../auth/token -H 'Content-Type: application/json' \
        -d '{"email":"admin@example.com","password":"local-dev-password"}' | sed -nE 's/.*"accessToken":"([^"]*)".*/\1/p')
    [[ -n $token ]] || fail "no token"
    fault '{"kind":"delay","ms":1,"times":40}'
    fault '{"kind":"status","status":503,"times":3}'
    fault '{"kind":"close_mid_body","times":2}'
    local rc=0
    (unset CORTI_ADMIN_EMAIL CORTI_ADMIN_PASSWORD; export CORTI_ADMIN_TOKEN=$token
     "$cli" users import "$project" "$customer" "$work/users.csv" --concurrency 8 --journal "$work/journal" \
        > "$work/out" 2> "$work/err") || rc=$?
    [[ $rc == 1 ]] || fail "faults: exit $rc, not 1"
    grep -q '^done: 200 rows, 195 created, 0 exists, 5 failed' "$work/out" || fail "summary: $(cat "$work/out")"
    [[ $(grep -c 'users.csv:[0-9]*: user[0-9]*@example.com: failed: .*HTTP 503' "$work/err") == 3 ]] \
        || fail "the 503s are not reported per row: $(cat "$work/err")"
    [[ $(grep -c 'users.csv:[0-9]*: user[0-9]*@example.com: failed: .*truncated' "$work/err") == 2 ]] \
        || fail "the cuts are not reported per row: $(cat "$work/err")"
    [[ $(grep -c '"outcome":"failed"' "$work/journal") == 5 ]] || fail "journal"
    # The cut responses came after the server had created the user: 197 on the server, none twice.
    check_each_once 197
    rc=0
    (unset CORTI_ADMIN_EMAIL CORTI_ADMIN_PASSWORD; export CORTI_ADMIN_TOKEN=$token
     "$cli" users import "$project" "$customer" "$work/users.csv" --concurrency 8 --journal "$work/journal" \
        > "$work/out2" 2> "$work/err2") || rc=$?
    [[ $rc == 0 ]] || fail "rerun: exit $rc $(cat "$work/err2")"
    grep -q '^done: 200 rows, 3 created, 2 exists, 0 failed, 195 skipped (journal)' "$work/out2" \
        || fail "rerun summary: $(cat "$work/out2")"
    check_each_once 200
    no_secrets "$work"/out* "$work"/err* "$work/journal"
    ok "503s and cut connections reported per row; rerun: 3 created, 2 exists, no duplicate"
}

part_progress_tty() {
    command -v script > /dev/null || fail "script(1) (util-linux) is needed"
    start_server
    make_csv "$work/a.csv" 300
    make_csv "$work/b.csv" 300 300
    fault '{"kind":"delay","ms":5,"times":400}' # long enough for a few redraws
    script -qec "'$cli' users import $project $customer '$work/a.csv' --concurrency 4" "$work/tty.log" > /dev/null \
        || fail "import under a pseudo-terminal"
    grep -q $'\r300/300  created 300  exists 0  failed 0  [0-9]* users/s  ETA' "$work/tty.log" \
        || fail "no final progress line: $(cat -v "$work/tty.log")"
    local redraws
    redraws=$(tr '\r' '\n' < "$work/tty.log" | grep -c 'users/s  ETA' || true)
    ((redraws >= 2)) || fail "the progress line was drawn $redraws times"
    grep -q 'done: 300 rows, 300 created' "$work/tty.log" || fail "no summary under the pty"
    "$cli" users import "$project" "$customer" "$work/b.csv" --concurrency 4 > "$work/out" 2> "$work/err" \
        || fail "import without a terminal"
    [[ ! -s "$work/err" ]] && ! grep -q 'ETA' "$work/out" || fail "a progress line without a terminal"
    no_secrets "$work/tty.log" "$work/out" "$work/err"
    ok "progress line under a pty ($redraws draws), none without one"
}

case $part in
all) for p in commands import_1000 journal_rerun sigint_resume bad_rows faults progress_tty; do
         "$0" "$p" "$cli" "$server_bin"
     done ;;
*) "part_$part" ;;
esac
