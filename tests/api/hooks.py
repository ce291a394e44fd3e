"""Schemathesis hooks for tests/api/run.py (SCHEMATHESIS_HOOKS=hooks): every answer is
counted by status, and every request body POST /responses answered 2xx is kept, one JSON
line each, in $RILEVA_API_RECORD, so run.py can check what the database holds afterwards."""

import json
import os

import schemathesis


@schemathesis.hook
def after_call(context, case, response):
    record = os.environ["RILEVA_API_RECORD"]
    entry = {"method": case.method.upper(), "path": case.path, "status": response.status_code}
    if case.method.upper() == "POST" and case.path == "/responses" and 200 <= response.status_code < 300:
        body = response.request.body
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        entry["body"] = body
        entry["response_id"] = json.loads(response.content)["response_id"]
    with open(record, "a", encoding="utf-8") as out:
        out.write(json.dumps(entry) + "\n")
