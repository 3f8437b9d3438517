#!/usr/bin/env python3
# Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
"""Writes the seed corpora fuzz/corpus/<target>/ and the dictionaries fuzz/dict/<target>.dict.

Run from anywhere: python3 fuzz/seeds.py. It rewrites both folders from the
tables below (so edit here, not the files) and reads the date-time, uuid and
email cases of ../shared/peer-suites/JSON-Schema-Test-Suite/format/ when that
folder exists. The input layouts (configuration prefix bytes) are listed at
the top of fuzz/targets.hpp and described in each fuzz/targets/<name>.hpp.
"""

import hashlib
import json
import pathlib
import shutil

HERE = pathlib.Path(__file__).resolve().parent
PEER = HERE.parent.parent / "shared" / "peer-suites" / "JSON-Schema-Test-Suite" / "format"
SEP = b"\xff"

STATUSES = [200, 201, 400, 409, 500, 302, 204, 100]
TYPES = ["json", "json-charset", "json-odd-case", "text-html", "jsonx", "problem-json", "empty", "absent"]


def cfg(bits=0):
    """A configuration byte: '@' (0x40) plus the low 6 bits."""
    return bytes([0x40 | bits])


CLIENT_STATUSES = [200, 201, 400, 401, 500, 503, 302, 204]


def status_type(status=200, ctype="json", table=STATUSES):
    return cfg(table.index(status) | TYPES.index(ctype) << 3)


def j(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


DOC = {
    "id": "123e4567-e89b-12d3-a456-426614174000",
    "email": "user@example.com",
    "firstName": "John",
    "lastName": "Doe",
    "emailVerified": True,
    "enabled": True,
    "createdAt": "2023-10-01T12:00:00Z",
}
DOC_TEXT = j(DOC)


def peer_cases(name):
    path = PEER / name
    if not path.exists():
        return []
    return [t for group in json.loads(path.read_text()) for t in group["tests"] if isinstance(t["data"], str)]


def user_response_seeds():
    s = {}
    ok = cfg() + status_type()
    s["docs-example"] = ok + DOC_TEXT
    s["docs-example-201"] = cfg() + status_type(201) + DOC_TEXT
    s["docs-example-strict"] = cfg(1) + status_type() + DOC_TEXT
    s["docs-example-request-id"] = cfg(32) + status_type(201, "json-charset") + DOC_TEXT
    s["required-only"] = ok + j({k: DOC[k] for k in ("email", "firstName", "lastName", "enabled")})
    s["pretty-printed"] = ok + json.dumps(DOC, indent=2).encode()
    for k in DOC:
        s["missing-" + k] = ok + j({x: v for x, v in DOC.items() if x != k})
        s["null-" + k] = ok + j({**DOC, k: None})
        s["wrong-type-" + k] = ok + j({**DOC, k: 1 if isinstance(DOC[k], str) else "true"})
        s["object-" + k] = ok + j({**DOC, k: {"a": [1]}})
    s["duplicate-id"] = ok + DOC_TEXT[:-1] + b',"id":"123e4567-e89b-12d3-a456-426614174001"}'
    # A duplicate required key with another required key missing: a counter
    # of required keys would be fooled, the bit set must not be.
    s["duplicate-required-one-missing"] = ok + b'{"email":"a@b.co","email":"a@b.co","firstName":"A","lastName":"B"}'
    s["duplicate-unknown"] = ok + DOC_TEXT[:-1] + b',"x":1,"x":2}'
    s["duplicate-nested-unknown"] = ok + DOC_TEXT[:-1] + b',"x":{"a":1,"a":2}}'
    s["unknown-field"] = ok + DOC_TEXT[:-1] + b',"role":"admin","extra":{"a":[1,{"b":null}]}}'
    s["unknown-field-strict"] = cfg(1) + status_type() + DOC_TEXT[:-1] + b',"role":"admin"}'
    s["F3-unknown-long-key-strict"] = cfg(1) + status_type() + DOC_TEXT[:-1] + b',"' + b"k" * 70 + b'":1}'
    s["F3-duplicate-long-unknown-key"] = ok + DOC_TEXT[:-1] + (b',"' + b"k" * 70 + b'":1') * 2 + b"}"
    s["F3-long-key-cut-in-utf8-strict"] = cfg(1) + status_type() + b'{"' + b"k" * 63 + "é".encode() + b'":1}'
    s["unknown-key-64-strict"] = cfg(1) + status_type() + DOC_TEXT[:-1] + b',"' + b"k" * 64 + b'":1}'
    s["escaped-keys-and-values"] = ok + b'{"\\u0065mail":"us\\u0065r@example.com","firstName":"J\\u00f6hn \\ud83d\\ude00",' \
        b'"lastName":"D\\"o\\\\e","enabled":false}'
    s["deep-16"] = ok + DOC_TEXT[:-1] + b',"x":' + b"[" * 15 + b"]" * 15 + b"}"
    s["deep-17"] = ok + DOC_TEXT[:-1] + b',"x":' + b"[" * 16 + b"]" * 16 + b"}"
    s["deep-40-depth-64"] = cfg(6) + status_type() + DOC_TEXT[:-1] + b',"x":' + b'{"a":' * 39 + b"1" + b"}" * 39 + b"}"
    s["depth-1"] = cfg(2) + status_type() + DOC_TEXT
    s["too-deep-then-broken"] = cfg(2) + status_type() + b"[[[[[("
    s["broken-then-deep"] = cfg(2) + status_type() + b"[(" + b"[" * 20
    s["depth-3"] = cfg(4) + status_type() + DOC_TEXT[:-1] + b',"x":[[1]]}'
    s["small-strings"] = cfg(8) + status_type() + j({k: DOC[k] for k in ("email", "firstName", "lastName", "enabled")})
    s["small-strings-long-key"] = cfg(8) + status_type() + b'{"email":"a@b.co","firstNameIsLong":1}'
    s["small-body"] = cfg(16) + status_type() + DOC_TEXT
    s["bad-uuid"] = ok + j({**DOC, "id": "123e4567-e89b-12d3-a456-42661417400g"})
    s["uuid-uppercase"] = ok + j({**DOC, "id": "123E4567-E89B-12D3-A456-426614174000"})
    s["feb-30"] = ok + j({**DOC, "createdAt": "2023-02-30T12:00:00Z"})
    s["leap-second"] = ok + j({**DOC, "createdAt": "1998-12-31T15:59:60.123-08:00"})
    s["fraction-offset"] = ok + j({**DOC, "createdAt": "1985-04-12T00:59:59.999999999999999+05:30"})
    s["F8-date-time-fraction-over-64-bytes"] = ok + j({**DOC, "createdAt": "1985-04-12T00:59:59." + "9" * 60 + "Z"})
    s["bad-email"] = ok + j({**DOC, "email": "joe..bloggs@example.com"})
    s["email-ip-literal"] = ok + j({**DOC, "email": "joe@[IPv6:2001:db8::1]"})
    s["name-with-controls"] = ok + j({**DOC, "firstName": "a\u0000b\u001b[31m\u0085"})
    s["numbers"] = ok + DOC_TEXT[:-1] + b',"n":[1e400,-0,1.5e-7,18446744073709551616,-9223372036854775809]}'
    s["empty-body"] = ok
    s["empty-object"] = ok + b"{}"
    s["array-root"] = ok + b"[" + DOC_TEXT + b"]"
    s["null-root"] = ok + b"null"
    s["truncated"] = ok + DOC_TEXT[:-20]
    s["trailing-data"] = ok + DOC_TEXT + b"{}"
    s["trailing-comma"] = ok + DOC_TEXT[:-1] + b",}"
    s["comment"] = ok + b"/*c*/" + DOC_TEXT
    s["nan"] = ok + DOC_TEXT[:-1] + b',"x":NaN}'
    s["truncated-surrogate"] = ok + j({**DOC, "firstName": "x"}).replace(b'"x"', b'"\\ud83d"')
    s["invalid-utf8"] = ok + j({**DOC, "firstName": "x"}).replace(b'"x"', b'"\xc3\x28"')
    s["204-with-body"] = cfg() + status_type(204) + DOC_TEXT
    s["204-empty"] = cfg() + status_type(204)
    s["100"] = cfg() + status_type(100) + DOC_TEXT
    s["302"] = cfg() + status_type(302, "absent")
    s["400-error-object"] = cfg() + status_type(400) + b'{"error":{"code":"x","message":"y"}}'
    s["409-message"] = cfg(32) + status_type(409) + b'{"message":"User with this email already exists"}'
    s["500-html"] = cfg() + status_type(500, "text-html") + b"<html><body><h1>500 Internal Server Error</h1></body></html>"
    for t in TYPES[1:]:
        s["type-" + t] = cfg() + status_type(200, t) + DOC_TEXT
    # The third byte picks a parse_arena: none (most seeds), 16, 100 or 4096 bytes.
    s = {k: v[:2] + cfg(0) + v[2:] for k, v in s.items()}
    for bits, size in ((1, 16), (2, 100), (3, 4096)):
        s[f"arena-{size}"] = cfg() + status_type() + cfg(bits) + DOC_TEXT
        s[f"arena-{size}-unknown-keys"] = cfg() + status_type() + cfg(bits) + DOC_TEXT[:-1] + b"".join(
            b',"u%d":{"v%d":[%d]}' % (i, i, i) for i in range(12)) + b"}"
    s["arena-100-long-name"] = cfg() + status_type() + cfg(2) + j({**DOC, "firstName": "N" * 120})
    return s


def api_error_seeds():
    s = {}
    bodies = {
        "error-object": b'{"error":{"code":"x","message":"y"}}',
        "error-string": b'{"error":"invalid_request","error_description":"bad email"}',
        "message": b'{"message":"User with this email already exists"}',
        "msg": b'{"msg":"quota exceeded"}',
        "detail": b'{"type":"about:blank","title":"Conflict","status":409,"detail":"exists"}',
        "message-not-string": b'{"message":42,"detail":"d"}',
        "F4-error-nested-object-first": b'{"error":{"details":{"field":"email"},"message":"m"}}',
        "error-array": b'{"error":["a","b"]}',
        "empty-message": b'{"message":"","msg":"second"}',
        "html": b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
        "text-with-controls": b"line1\r\nline2\t\x1b[31mred\x1b[0m\x7f",
        "escaped-controls": b'{"message":"a\\u0000b\\r\\nc\\u001b[2J\\u007f"}',
        "F2-escaped-c1-controls": b'{"message":"nel\\u0085csi\\u009b[2J"}',
        "F2-c1-raw": b'{"message":"csi \xc2\x9b 31m"}',
        "invalid-utf8-text": b"bad \xc3\x28 \xff \xed",
        "F1-stray-continuation-byte": b"bad \x80 byte",
        "F1-truncated-sequence": b"cut \xf0\x9f\x98",
        "message-512": b'{"message":"' + b"a" * 512 + b'"}',
        "F6-long-message": b'{"message":"' + b"a" * 600 + b'"}',
        "F6-long-message-utf8-at-cut": b'{"message":"' + b"a" * 511 + "é€😀".encode() * 4 + b'"}',
        "long-text": b"x" * 1000,
        "whitespace": b"  \t padded \t ",
        "empty": b"",
        "array-root": b'[{"message":"m"}]',
        "string-root": b'"just a string"',
        "deep": b'{"a":' * 20 + b"1" + b"}" * 20,
        "truncated-json": b'{"message":"unterminated',
        "duplicate-message": b'{"message":"first","message":"second"}',
    }
    for name, body in bodies.items():
        s[name] = cfg() + body
    s["status-500"] = cfg(6) + bodies["html"]
    s["small-body"] = cfg(8) + bodies["message"]
    s["depth-1"] = cfg(16) + bodies["error-object"]
    s["depth-2"] = cfg(32) + bodies["error-object"]
    s["depth-64"] = cfg(48) + bodies["deep"]
    return s


def path_seeds():
    values = {
        "simple": b"contosohospital",
        "uuid": b"123e4567-e89b-12d3-a456-426614174000",
        "slash": b"a/b",
        "dotdot": b"..",
        "dot": b".",
        "empty": b"",
        "query": b"?x",
        "fragment": b"#x",
        "pct-2F": b"%2F",
        "plus": b"a+b",
        "space": b"a b",
        "matrix": b";x=y",
        "non-ascii": "Ærø-医院-😀".encode(),
        "nul": b"a\x00b",
        "del": b"a\x7fb",
        "invalid-utf8": b"a\xc3\x28",
        "overlong-slash": b"\xc0\xaf",
        "unreserved": b"AZaz09-._~",
        "sub-delims": b"!$&'()*+,;=:@",
        "backslash": b"..\\..\\admin",
        "dot-dot-slash": b"../users",
    }
    s = {}
    for name, v in values.items():
        s["project-" + name] = cfg(0) + v
    s["customer-dotdot-base-empty"] = cfg(1 | 2) + b".."
    s["customer-64"] = cfg(1) + b"c" * 64
    s["customer-65"] = cfg(1) + b"c" * 65
    s["customer-64-non-ascii"] = cfg(1) + "é".encode() * 64
    s["customer-65-non-ascii"] = cfg(1) + "é".encode() * 65
    s["project-256"] = cfg(0) + b"p" * 256
    s["project-257"] = cfg(0) + b"p" * 257
    s["base-encoded-slash"] = cfg(4) + b"a/b"
    s["base-trailing-slash"] = cfg(6) + b"x y"
    return s


def request_body_seeds():
    def rec(*fields):
        return SEP.join(f.encode() if isinstance(f, str) else f for f in fields)

    s = {
        "valid": rec("ada@example.com", "Ada", "Lovelace"),
        "valid-password": rec("ada@example.com", "Ada", "Lovelace", "Correct-Horse-Battery-42"),
        "escapes": rec('"q\\uote"@example.com', 'An"na \\ "B"', "L\u2028S\u2029", "pass\"word\\with\tcontrols\x01\x7f"),
        "non-ascii": rec("用户@例子.广告", "Zoë", "Łukasz 😀", "pässwörd-Sékret-77"),
        "password-15": rec("a@b.co", "A", "B", "p" * 15),
        "password-16": rec("a@b.co", "A", "B", "p" * 16),
        "password-64": rec("a@b.co", "A", "B", "é" * 64),
        "password-65": rec("a@b.co", "A", "B", "p" * 65),
        "password-invalid-utf8": rec("a@b.co", "A", "B", b"p" * 16 + b"\xed\xa0\x80"),
        "password-empty": rec("a@b.co", "A", "B", ""),
        "name-empty": rec("a@b.co", "", "B"),
        "name-255": rec("a@b.co", "n" * 255, "B"),
        "name-256": rec("a@b.co", "n" * 256, "B"),
        "name-control": rec("a@b.co", "A\nB", "C"),
        "name-invalid-utf8": rec("a@b.co", b"\xc0\x80", "C"),
        "last-invalid": rec("a@b.co", "A", "\x1b[31m"),
        "email-empty": rec("", "A", "B"),
        "email-only": rec("a@b.co"),
        "two-fields": rec("a@b.co", "A"),
        "token-text-in-last-name": rec("a@b.co", "A", "B tok-Q9xK2mV7pL4sR8wZ"),
        "email-254": rec("a" * 64 + "@" + ".".join(["b" * 63, "c" * 63, "d" * 61]), "A", "B"),
    }
    for t in peer_cases("email.json"):
        name = "peer-email-" + hashlib.sha1(t["data"].encode()).hexdigest()[:8]
        s[name] = rec(t["data"], "A", "B")
    return s


def client_seeds():
    def c(status=200, ctype="json", password=0, transport=False, code=0, strict=False, request_id=False,
          location=False, credentials=False, retry=False):
        return (status_type(status, ctype, CLIENT_STATUSES) + cfg(password | (4 if transport else 0) | code << 3 | (32 if strict else 0))
                + cfg((1 if request_id else 0) | (2 if location else 0) | (4 if credentials else 0) | (8 if retry else 0)))

    token = b"tok-Q9xK2mV7pL4sR8wZ"
    pw = b"Correct-Horse-Battery-42"
    tab_pw = b"Tab\tInside-Passw0rd-9"
    s = {
        "created": c(201) + DOC_TEXT,
        "created-password": c(201, password=1) + DOC_TEXT,
        "ok-request-id": c(200, request_id=True) + b"req-1" + SEP + DOC_TEXT,
        "custom-content-type": c(201, "absent") + b"application/json; charset=UTF-8" + SEP + DOC_TEXT,
        "echo-token": c(401) + b'{"message":"invalid token ' + token + b'"}',
        "echo-password": c(400, password=1) + b'{"message":"password ' + pw + b' is too weak"}',
        "echo-password-non-ascii": c(400, password=2) + '{"message":"pässwörd-Sékret-77"}'.encode(),
        "echo-password-escaped": c(400, password=1) + b'{"message":"\\u0043orrect-Horse-Battery-42"}',
        # The secret straddles the 512-byte cut of the message.
        "F5-echo-password-at-cut": c(400, password=1) + b'{"message":"' + b"x" * 500 + pw + b'"}',
        "F5-echo-token-at-cut": c(500, "text-html") + b"y" * 500 + token,
        # The sanitizer turns the tab into a space before the redaction looks.
        "F5-echo-tab-password": c(400, "text-html", password=3) + b"bad password " + tab_pw,
        # Header values are cut too: Location at 256 bytes, Content-Type at 128.
        "F9-location-token-at-cut": c(302, "text-html", location=True) + b"https://x.example/" + b"l" * 230 + token + SEP,
        "F9-content-type-token-at-cut": c(201, "absent") + b"text/plain; x=" + b"c" * 100 + token + SEP + DOC_TEXT,
        "echo-in-request-id": c(400, request_id=True) + token + SEP + b'{"error":{"message":"conflict"}}',
        "redirect-location": c(302, "text-html", location=True) + b"https://evil.example/?t=" + token + SEP,
        "strict-unknown-key-token": c(201, strict=True) + DOC_TEXT[:-1] + b',"' + token + b'":1}',
        "transport-timeout": c(transport=True, code=0) + b"deadline exceeded after 30 s",
        "transport-echo-token": c(transport=True, code=1) + b"TLS failed for Bearer " + token,
        "html-500": c(500, "text-html") + b"<html>oops</html>",
        "204": c(204) + b"",
        "bad-json": c(201) + b'{"email":',
        "credentials-created": c(201, credentials=True) + DOC_TEXT,
        "credentials-401-refresh": c(401, credentials=True) + b'{"message":"token expired"}',
        "F7-credentials-401-echo-old-token": c(401, credentials=True) + b'{"message":"ftA-Q7w2Lk9Xp3Rv expired"}',
        "F7-credentials-echo-console-password": c(400, credentials=True) + b'{"message":"Console-Pa55word-Secret"}',
        "retry-503-post": c(503, retry=True) + b'{"message":"unavailable"}',
        "retry-connection-failed": c(transport=True, code=1, retry=True) + b"connection refused",
    }
    return s


def validator_seeds():
    s = {
        "uuid": b"123e4567-e89b-12d3-a456-426614174000",
        "uuid-nil": b"00000000-0000-0000-0000-000000000000",
        "uuid-upper": b"123E4567-E89B-12D3-A456-426614174000",
        "uuid-braces": b"{123e4567-e89b-12d3-a456-426614174000}",
        "date-time": b"2023-10-01T12:00:00Z",
        "date-time-fraction-offset": b"2023-10-01T12:00:00.000000001-00:00",
        "date-time-year-0": b"0000-01-01T00:00:00+23:59",
        "date-time-feb-29": b"2000-02-29T23:59:60Z",
        "date-time-feb-29-1900": b"1900-02-29T00:00:00Z",
        "email": b"user@example.com",
        "email-quoted": b'"a\\"b"@example.com',
        "email-ipv6": b"x@[IPv6:::ffff:1.2.3.4]",
        "name": "Zoë Łukasz".encode(),
        "password": b"Correct-Horse-Battery-42",
        "password-64-4byte": "😀".encode() * 64,
        "invalid-utf8": b"\xf4\x90\x80\x80",
        "surrogate": b"\xed\xbf\xbf",
    }
    for f in ("date-time.json", "uuid.json", "email.json"):
        for t in peer_cases(f):
            s["peer-" + f.split(".")[0] + "-" + hashlib.sha1(t["data"].encode()).hexdigest()[:8]] = t["data"].encode()
    return s


JSON_SUITE = HERE.parent.parent / "shared" / "peer-suites" / "JSONTestSuite" / "test_parsing"


def json_parser_seeds():
    """[config] [reject-at] text: config '@' is depth 64; bits 0-4 another
    depth; bit 5 (0x60) makes the handler reject at the event in the next byte."""
    d = cfg()
    texts = {
        "user": DOC_TEXT,
        "nested": b'{"a":[1,{"b":[true,false,null]},[]],"c":{}}',
        "whitespace": b' \t\r\n[ 1 , "x" ] \n',
        "escapes": b'["\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20ac\\ud83d\\ude00\\u0000"]',
        "escapes-long": b'"' + b"abc\\n" * 40 + "é€😀".encode() * 10 + b'"',
        "escape-then-utf8": '{"k\\u00e9y":"x\\ty€😀z"}'.encode(),
        "utf8": '["é","€","😀","\u007f"]'.encode(),
        "numbers": b"[0,-0,1,-1,0.5,-0.5e-3,1E+2,1e400,123456789012345678901234567890,9223372036854775808]",
        "number-exponent-beyond-int": b"[1e2147483648]",
        "scalar-string": b'"just a string"',
        "scalar-number": b"  42  ",
        "leading-zero": b"01",
        "dot-end": b"1.",
        "minus": b"-",
        "dot-start": b".5",
        "plus": b"+1",
        "exp-empty": b"1e+",
        "trailing-comma-array": b"[1,]",
        "trailing-comma-object": b'{"a":1,}',
        "single-quotes": b"{'a':1}",
        "missing-comma": b"[1 2]",
        "missing-colon": b'{"a" 1}',
        "key-not-string": b"{1:2}",
        "literal-cut": b"tru",
        "literal-wrong": b"nul1",
        "bad-escape": b'"\\x"',
        "control-char": b'"a\x01b"',
        "lone-high": b'"\\ud800"',
        "lone-low": b'"\\udc00"',
        "high-then-other": b'"\\ud800\\u0041"',
        "short-hex": b'"\\u12"',
        "invalid-utf8": b'"\xc0\xaf"',
        "surrogate-utf8": b'"\xed\xa0\x80"',
        "extra-data": b"[] x",
        "two-documents": b"{} {}",
        "empty": b"",
        "blank": b"   ",
        "unclosed": b'{"a":[1,2',
        "mismatched": b"[1}",
        "nan": b"[NaN]",
        "comment": b"[1/*c*/]",
        "deep-64": b"[" * 64 + b"]" * 64,
        "deep-65": b"[" * 65 + b"]" * 65,
    }
    s = {"json-" + k: d + v for k, v in texts.items()}
    s["json-depth-1-ok"] = cfg(1) + b"[1,2]"
    s["json-depth-1-too-deep"] = cfg(1) + b"[[1]]"
    s["json-depth-2-too-deep-then-broken"] = cfg(2) + b"[[[1]]"
    s["json-reject-first"] = cfg(32) + b"\x00" + DOC_TEXT
    s["json-reject-key"] = cfg(32) + b"\x03" + DOC_TEXT
    s["json-reject-then-broken"] = cfg(32) + b"\x01" + b'{"a":1,'
    s["json-reject-then-too-deep"] = cfg(32 | 2) + b"\x01" + b'{"a":[[1]]}'
    s["json-reject-in-escaped"] = cfg(32) + b"\x01" + b'["' + b"\\n" * 100 + b'"]'
    if JSON_SUITE.exists():
        for f in sorted(JSON_SUITE.glob("*.json")):
            data = f.read_bytes()
            if len(data) <= 2048:
                s["suite-" + f.stem] = d + data
    return s


# ---------------------------------------------------------------------------
# Dictionaries: tokens libFuzzer splices into inputs.

JSON_TOKENS = ['{', '}', '[', ']', ':', ',', '"', 'true', 'false', 'null', '-0', '1e400', '0.5', '\\u', '\\ud83d',
               '\\ude00', '\\u0000', '\\"', '\\\\', '\\/', '\\n', '\xc2\x85', '\xc2\x9b', '\x80', '\xed\xa0\x80']
USER_KEYS = ['"id"', '"email"', '"firstName"', '"lastName"', '"emailVerified"', '"enabled"', '"createdAt"']
USER_VALUES = ['"123e4567-e89b-12d3-a456-426614174000"', '"user@example.com"', '"2023-10-01T12:00:00Z"',
               '"1998-12-31T23:59:60Z"', '"2024-02-29T00:00:00.5+01:00"']
ERROR_KEYS = ['"error"', '"message"', '"msg"', '"error_description"', '"detail"', '"code"']


def dictionaries():
    d = {
        "fuzz_create_user_response": JSON_TOKENS + USER_KEYS + USER_VALUES + ERROR_KEYS,
        "fuzz_api_error": JSON_TOKENS + ERROR_KEYS + ['<html>', '\r\n', '\x1b[', '\t'],
        "fuzz_path_segment": ['/', '.', '..', '%', '%2F', '%2f', '?', '#', ';', '=', '+', ' ', '\\', '\x00', '\xc3\xa9',
                              '\xf0\x9f\x98\x80', '\xc0\xaf', '\xed\xa0\x80', '~', '@'],
        "fuzz_request_body": ['\xff', '@', '.', '"', '\\', '[', ']', 'IPv6:', '::', '127.0.0.1', 'example.com',
                              '\x00', '\t', '\x7f', '\xc2\x85', '\xe2\x80\xa8', '\xf0\x9f\x98\x80', '\xed\xa0\x80',
                              'Correct-Horse-Battery-42'],
        "fuzz_client": JSON_TOKENS + USER_KEYS + ERROR_KEYS + ['\xff', 'application/json', 'tok-Q9xK2mV7pL4sR8wZ',
                                                               'Correct-Horse-Battery-42', 'Tab\tInside-Passw0rd-9',
                                                               'Tab Inside-Passw0rd-9', 'p\xc3\xa4ssw\xc3\xb6rd-S\xc3\xa9kret-77',
                                                               'Console-Pa55word-Secret', 'ftA-Q7w2Lk9Xp3Rv',
                                                               'ftB-m4Nz8Tc1Yh6J', '"accessToken"', 'Location'],
        "fuzz_json_parser": JSON_TOKENS + ['1e', '.0', 'E-', '\\b', '\\f', '\\r', '\\t', '\\uD800\\uDC00',
                                            '\xf0\x9f\x98\x80', '\xe2\x82\xac', '\xc3\xa9', '\xf4\x90\x80\x80', ' ',
                                            '\t', '\r\n', '\x00'],
        "fuzz_validators": ['-', 'T', 't', 'Z', 'z', ':', '.', '+', '00:00', '23:59:60', '02-29', '12-31', '@', '"',
                            '[IPv6:', ']', '\xc2\x85', '\xf4\x8f\xbf\xbf', '\xed\xa0\x80'],
    }
    return d


def dict_entry(token):
    """One dictionary line: a quoted string, backslash and quote escaped, other bytes as \\xNN."""
    out = []
    for b in token.encode("latin-1") if isinstance(token, str) else token:
        if b == 0x5C:
            out.append("\\\\")
        elif b == 0x22:
            out.append('\\"')
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append("\\x%02X" % b)
    return '"' + "".join(out) + '"'


def main():
    corpora = {
        "fuzz_create_user_response": user_response_seeds(),
        "fuzz_api_error": api_error_seeds(),
        "fuzz_path_segment": path_seeds(),
        "fuzz_request_body": request_body_seeds(),
        "fuzz_client": client_seeds(),
        "fuzz_validators": validator_seeds(),
        "fuzz_json_parser": json_parser_seeds(),
    }
    for target, seeds in corpora.items():
        # Seeds named after a finding ("F3-...") reproduce a known core bug:
        # they go to regressions/ (replayed as tests, failing until the fix),
        # not to corpus/, where they would stop every fuzzing run at once.
        folder = HERE / "corpus" / target
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        regressions = HERE / "regressions" / target
        regressions.mkdir(parents=True, exist_ok=True)
        known = 0
        for name, data in seeds.items():
            is_finding = name[0] == "F" and name.split("-")[0][1:].isdigit()
            known += is_finding
            ((regressions if is_finding else folder) / name).write_bytes(data)
        print(f"{target}: {len(seeds) - known} seeds, {known} regressions")
    (HERE / "dict").mkdir(exist_ok=True)
    for target, tokens in dictionaries().items():
        lines = [f"# {target}: tokens libFuzzer splices into inputs (written by fuzz/seeds.py)"]
        lines += [dict_entry(t) for t in dict.fromkeys(tokens)]
        (HERE / "dict" / f"{target}.dict").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
