"""Validates the server's OpenAPI document against the OpenAPI 3.1 schema, then checks
real responses of every endpoint against the schemas the document gives for them.

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


def fetch(path):
    try:
        with urllib.request.urlopen(base + path) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


status, spec = fetch("/api/v1/openapi.json")
check("the document validates against the OpenAPI 3.1 schema", lambda: validate(spec))


def response_schema(path, code):
    responses = spec["paths"][path]["get"]["responses"]
    schema = responses[str(code)]["content"]["application/json"]["schema"]
    # Resolve "#/components/..." references against the document.
    return {**schema, "components": spec["components"]}


cases = [
    ("/api/v1/treaties", "/api/v1/treaties", 200),
    ("/api/v1/status", "/api/v1/status?treaty=apmbc&on=2026-03-01", 200),
    ("/api/v1/status", "/api/v1/status?on=2025-06-01", 200),
    ("/api/v1/status", "/api/v1/status?on=2026-02-30", 400),
    ("/api/v1/status", "/api/v1/status?treaty=nope", 400),
    ("/api/v1/states/{state}", "/api/v1/states/FIN?on=2026-03-01", 200),
    ("/api/v1/states/{state}", "/api/v1/states/ukraine", 200),
    ("/api/v1/states/{state}", "/api/v1/states/Finlnd", 404),
    ("/api/v1/states/{state}/timeline", "/api/v1/states/SSD/timeline", 200),
    ("/api/v1/changes", "/api/v1/changes?from=2025-01-01&to=2026-03-01", 200),
    ("/api/v1/changes", "/api/v1/changes?to=2026-03-01", 400),
    ("/api/v1/histories", "/api/v1/histories?treaty=apmbc", 200),
]
for template, url, code in cases:

    def run(template=template, url=url, code=code):
        got, body = fetch(url)
        assert got == code, f"status {got}, expected {code}"
        errors = sorted(OAS31Validator(response_schema(template, code)).iter_errors(body), key=str)
        assert not errors, "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])

    check(f"GET {url} -> {code} matches the document", run)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
