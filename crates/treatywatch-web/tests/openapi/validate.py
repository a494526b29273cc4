"""Validates the server's OpenAPI document against the OpenAPI 3.1 schema, then checks
real responses of every endpoint against what the document gives for them: JSON bodies
against their schemas, downloads by their content types and headers, and the article
check's request bodies against the request schema.

    python3 validate.py http://127.0.0.1:18080

Prints one line per check and "N passed, M failed"; exits 1 on any failure.
"""

import json
import sys
import urllib.error
import urllib.request

from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

base = sys.argv[1].rstrip("/")
passed = failed = 0


def check(what, fn):
    global passed, failed
    try:
        fn()
        passed += 1
        print(f"ok   {what}")
    except Exception as e:  # noqa: BLE001 - report every failure and go on
        failed += 1
        print(f"FAIL {what}: {str(e)[:2000]}")


def send(path, method="GET", body=None, content_type=None):
    """Status, headers and raw body of one request."""
    req = urllib.request.Request(base + path, data=body, method=method)
    if content_type is not None:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def fetch(path):
    status, _, body = send(path)
    return status, json.loads(body)


status, spec = fetch("/api/v1/openapi.json")
check("the document validates against the OpenAPI 3.1 schema", lambda: validate(spec))


def with_components(schema):
    # Resolve "#/components/..." references against the document.
    return {**schema, "components": spec["components"]}


def response_content(path, code, method="get"):
    return spec["paths"][path][method]["responses"][str(code)]["content"]


def response_schema(path, code, method="get"):
    return with_components(response_content(path, code, method)["application/json"]["schema"])


def assert_valid(schema, value):
    errors = sorted(OAS31Validator(schema).iter_errors(value), key=str)
    assert not errors, "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


cases = [
    ("/api/v1/treaties", "/api/v1/treaties", 200),
    ("/api/v1/status", "/api/v1/status?treaty=apmbc&on=2026-03-01", 200),
    ("/api/v1/status", "/api/v1/status?on=2025-06-01", 200),
    ("/api/v1/status", "/api/v1/status?on=2026-03-01&known_on=2025-07-05", 200),
    ("/api/v1/status", "/api/v1/status?on=2026-02-30", 400),
    ("/api/v1/status", "/api/v1/status?known_on=2026-02-30", 400),
    ("/api/v1/status", "/api/v1/status?treaty=nope", 400),
    ("/api/v1/states/{state}", "/api/v1/states/FIN?on=2026-03-01", 200),
    ("/api/v1/states/{state}", "/api/v1/states/FIN?known_on=2025-07-05", 200),
    ("/api/v1/states/{state}", "/api/v1/states/ukraine", 200),
    ("/api/v1/states/{state}", "/api/v1/states/Finlnd", 404),
    ("/api/v1/states/{state}/timeline", "/api/v1/states/SSD/timeline", 200),
    ("/api/v1/changes", "/api/v1/changes?from=2025-01-01&to=2026-03-01", 200),
    ("/api/v1/changes", "/api/v1/changes?to=2026-03-01", 400),
    ("/api/v1/histories", "/api/v1/histories?treaty=apmbc", 200),
    ("/api/v1/deadlines", "/api/v1/deadlines?overdue=true&on=2020-01-01", 200),
    ("/api/v1/deadlines", "/api/v1/deadlines?state=UKR&on=2026-03-01", 200),
    ("/api/v1/deadlines", "/api/v1/deadlines?known_on=2020-01-01", 200),
    ("/api/v1/deadlines", "/api/v1/deadlines?on=2020-13-01", 400),
    ("/api/v1/deadlines", "/api/v1/deadlines?state=Atlantis", 400),
    ("/api/v1/deadlines", "/api/v1/deadlines?from=2030-01-01&to=2020-01-01", 400),
    ("/api/v1/exports/panel", "/api/v1/exports/panel?treaty=all&from=1900&to=2026&granularity=day", 400),
    ("/api/v1/exports/panel", "/api/v1/exports/panel?to=2026", 400),
    ("/api/v1/exports/panel", "/api/v1/exports/panel?from=2020&to=2026&format=xlsx", 400),
]
for template, url, code in cases:

    def run(template=template, url=url, code=code):
        got, body = fetch(url)
        assert got == code, f"status {got}, expected {code}"
        assert_valid(response_schema(template, code), body)

    check(f"GET {url} -> {code} matches the document", run)

# Downloads: a documented content type, a file name, and the file's own signature.
signatures = {"csv": b"state,state_name,iso3n,ccode,gwcode,treaty,", "parquet": b"PAR1", "sqlite": b"SQLite format 3\0"}
for fmt, magic in signatures.items():
    url = f"/api/v1/exports/panel?treaty=apmbc,ccm&from=2020&to=2026&format={fmt}"

    def run(url=url, fmt=fmt, magic=magic):
        got, headers, body = send(url)
        assert got == 200, f"status {got}: {body[:300]!r}"
        documented = response_content("/api/v1/exports/panel", 200)
        ctype = headers["Content-Type"]
        assert ctype in documented, f"{ctype} is not one of {sorted(documented)}"
        disposition = headers["Content-Disposition"]
        assert disposition.startswith("attachment; filename=") and disposition.endswith(f'.{fmt}"'), disposition
        assert body.startswith(magic), body[:40]

    check(f"GET {url} -> 200 is a documented download", run)

# The article check: the request bodies match the request schema, the answers theirs.
article = (
    "Helsinki, 10 July 2025. Finland has notified the UN Secretary-General of its withdrawal "
    "from the Ottawa Convention. Finland joined the Ottawa Convention in 2011. More than 160 "
    "countries have joined it."
)
request_content = spec["paths"]["/api/v1/annotate"]["post"]["requestBody"]["content"]
json_body = {"text": article, "date": "2025-07-10", "treaty": "apmbc"}
check(
    "the JSON article matches the documented request body",
    lambda: assert_valid(with_components(request_content["application/json"]["schema"]), json_body),
)
check(
    "text/plain is a documented request body",
    lambda: assert_valid(with_components(request_content["text/plain"]["schema"]), article),
)
posts = [
    ("/api/v1/annotate", json.dumps(json_body).encode(), "application/json", 200),
    ("/api/v1/annotate?date=2025-07-10", article.encode(), "text/plain; charset=utf-8", 200),
    ("/api/v1/annotate", b'{"text": ""}', "application/json", 400),
    ("/api/v1/annotate", b'{"text": "x", "date": "2025-02-30"}', "application/json", 400),
    ("/api/v1/annotate", b"Finland \xff", "text/plain", 400),
    ("/api/v1/annotate", b"a" * (2 * 1024 * 1024 + 1), "text/plain", 413),
    ("/api/v1/annotate", article.encode(), "text/html", 415),
]
for url, body, ctype, code in posts:

    def run(url=url, body=body, ctype=ctype, code=code):
        got, headers, raw = send(url, "POST", body, ctype)
        assert got == code, f"status {got}, expected {code}: {raw[:300]!r}"
        assert headers["Content-Type"] == "application/json", headers["Content-Type"]
        assert_valid(response_schema("/api/v1/annotate", code, "post"), json.loads(raw))

    check(f"POST {url} ({ctype}, {len(body)} bytes) -> {code} matches the document", run)


def annotation_has_verdicts():
    _, _, raw = send("/api/v1/annotate", "POST", json.dumps(json_body).encode(), "application/json")
    verdicts = {c["verdict"] for c in json.loads(raw)["claims"]}
    assert {"supported", "contradicted"} <= verdicts, verdicts


check("the short article gets supported and contradicted claims", annotation_has_verdicts)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
