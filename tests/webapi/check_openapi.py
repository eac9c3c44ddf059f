#!/usr/bin/env python3
"""Checks a running stockline-server's web API against sync/openapi.json.

Usage: check_openapi.py OPENAPI_JSON BASE_URL CHANNEL_TOKEN POS_TOKEN

Walks the whole checkout (hold, order, refund, release, levels, the stream) and the refusals
(400, 401, 403, 409, 413, 422) with Python's own HTTP client over one keep-alive connection,
and checks every answer: its status is one the document lists for the operation, and its body
matches the schema given for that status, with no field the schema does not name. Every
operation must have been seen answering with its success status. Standard library only.
Prints one line per problem; exit status 1 if there is any.
"""

import http.client
import json
import re
import sys
import urllib.parse
import uuid

DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$")


class Checker:
    def __init__(self, document, base, token, pos_token):
        self.doc = document
        self.base = urllib.parse.urlsplit(base)
        self.token = token
        self.pos_token = pos_token
        self.problems = []
        self.seen = set()  # (operationId, status)
        self.connection = self.connect()

    def connect(self):
        kind = (http.client.HTTPSConnection if self.base.scheme == "https"
                else http.client.HTTPConnection)
        return kind(self.base.hostname, self.base.port, timeout=20)

    # ---- the schema check
    def resolve(self, schema):
        while "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            schema = self.doc["components"]["schemas"][name]
        return schema

    def validate(self, value, schema, where):
        schema = self.resolve(schema)
        kind = schema.get("type")
        checks = {
            "object": lambda v: isinstance(v, dict),
            "array": lambda v: isinstance(v, list),
            "string": lambda v: isinstance(v, str),
            "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "boolean": lambda v: isinstance(v, bool),
        }
        if kind and not checks[kind](value):
            self.problems.append(f"{where}: {json.dumps(value)} is not {kind}")
            return
        if "enum" in schema and value not in schema["enum"]:
            self.problems.append(f"{where}: {value!r} is not one of {schema['enum']}")
        if schema.get("format") == "date-time" and not DATE_TIME.match(value):
            self.problems.append(f"{where}: {value!r} is not an ISO-8601 UTC time")
        if kind == "integer":
            if "minimum" in schema and value < schema["minimum"]:
                self.problems.append(f"{where}: {value} < {schema['minimum']}")
            if "maximum" in schema and value > schema["maximum"]:
                self.problems.append(f"{where}: {value} > {schema['maximum']}")
        if kind == "object":
            properties = schema.get("properties", {})
            for name in schema.get("required", []):
                if name not in value:
                    self.problems.append(f"{where}: required field {name!r} is missing")
            for name, item in value.items():
                if name not in properties:
                    self.problems.append(f"{where}: field {name!r} is not in the document")
                else:
                    self.validate(item, properties[name], f"{where}.{name}")
        if kind == "array":
            for i, item in enumerate(value):
                self.validate(item, schema.get("items", {}), f"{where}[{i}]")

    def operation(self, method, path):
        for template, item in self.doc["paths"].items():
            pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
            if re.match(pattern, path) and method.lower() in item:
                return item[method.lower()]
        return None

    def check(self, method, path, status, body, content_type):
        op = self.operation(method, path)
        if op is None:
            self.problems.append(f"{method} {path}: not in the document")
            return
        name = op["operationId"]
        response = op["responses"].get(str(status))
        if response is None:
            self.problems.append(f"{name}: status {status} is not in the document")
            return
        self.seen.add((name, status))
        content = response.get("content", {})
        if content_type not in content:
            self.problems.append(f"{name} {status}: content type {content_type!r} "
                                 f"is not in the document")
            return
        self.validate(body, content[content_type]["schema"], f"{name} {status}")

    # ---- requests
    def request(self, method, path, body=None, key=None, token=None, raw=None, expect=None):
        headers = {"Authorization": f"Bearer {self.token if token is None else token}"}
        if key:
            headers["Idempotency-Key"] = key
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None
                                            else None)
        if data is not None:
            headers["Content-Type"] = "application/json"
        try:
            self.connection.request(method, path, body=data, headers=headers)
            response = self.connection.getresponse()
            payload = response.read()
        except (http.client.HTTPException, OSError):
            # The server may close a connection after an oversize body: one more try, anew.
            self.connection.close()
            self.connection = self.connect()
            self.connection.request(method, path, body=data, headers=headers)
            response = self.connection.getresponse()
            payload = response.read()
        parsed = json.loads(payload) if payload else None
        self.check(method, urllib.parse.urlsplit(path).path, response.status, parsed,
                   response.getheader("Content-Type", "").split(";")[0])
        if expect is not None and response.status != expect:
            self.problems.append(f"{method} {path}: expected {expect}, got {response.status} "
                                 f"{payload[:300]!r}")
        return response.status, parsed

    def first_stream_event(self, path):
        connection = self.connect()
        connection.request("GET", path, headers={"Authorization": f"Bearer {self.token}"})
        response = connection.getresponse()
        data = None
        while data is None:
            line = response.fp.readline().decode()
            if not line:
                break
            if line.startswith("data: "):
                data = json.loads(line[len("data: "):])
        self.check("GET", urllib.parse.urlsplit(path).path, response.status, data,
                   response.getheader("Content-Type", ""))
        connection.close()

    def run(self):
        key = lambda: str(uuid.uuid4())
        hold = {"sku": "A1", "location": "store-1", "qty": 2, "ttl": 600}
        status, held = self.request("POST", "/api/v1/holds", hold, key(), expect=201)
        self.request("POST", "/api/v1/holds", dict(hold, qty=1000), key(), expect=409)
        self.request("POST", "/api/v1/holds", dict(hold, sku="NOPE"), key(), expect=422)
        self.request("POST", "/api/v1/holds", raw=b"{\"sku\":", key=key(), expect=400)
        self.request("POST", "/api/v1/holds", raw=b"{\"x\":\"" + b"a" * 70000 + b"\"}",
                     key=key(), expect=413)
        self.request("POST", "/api/v1/holds", hold, key(), token="wrong", expect=401)
        self.request("POST", "/api/v1/holds", hold, key(), token=self.pos_token, expect=403)
        reused = key()
        self.request("POST", "/api/v1/holds", dict(hold, qty=1), reused, expect=201)
        self.request("POST", "/api/v1/holds", dict(hold, qty=3), reused, expect=422)
        order = {"reference": "W-" + key()[:8], "location": "store-1",
                 "lines": [{"sku": "A1", "qty": 2, "price": 129, "hold": held["hold"]}],
                 "payments": [{"method": "card", "amount": 258}]}
        self.request("POST", "/api/v1/orders", order, key(), expect=201)
        self.request("POST", "/api/v1/orders",
                     dict(order, reference="W-" + key()[:8],
                          lines=[{"sku": "C3", "qty": 99, "price": 399}]),
                     key(), expect=409)
        refund = {"reference": "R-" + key()[:8], "order": order["reference"],
                  "location": "store-1",
                  "lines": [{"line": 1, "sku": "A1", "qty": 1, "amount": 129}]}
        self.request("POST", "/api/v1/returns", refund, key(), expect=201)
        self.request("POST", "/api/v1/returns",
                     dict(refund, reference="R-" + key()[:8],
                          lines=[{"line": 1, "sku": "A1", "qty": 2, "amount": 258}]),
                     key(), expect=409)
        self.request("DELETE", f"/api/v1/holds/{held['hold']}", None, key(), expect=200)
        self.request("GET", "/api/v1/levels?sku=A1", expect=200)
        self.request("GET", "/api/v1/levels", token=self.pos_token, expect=403)
        self.first_stream_event("/api/v1/levels/stream")
        for template, item in self.doc["paths"].items():
            for method, op in item.items():
                success = min(int(s) for s in op["responses"] if s.startswith("2"))
                if (op["operationId"], success) not in self.seen:
                    self.problems.append(f"{op['operationId']}: never seen answering {success}")


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        document = json.load(f)
    checker = Checker(document, sys.argv[2], sys.argv[3], sys.argv[4])
    checker.run()
    for problem in checker.problems:
        print(problem)
    print(f"{len(checker.seen)} answers of {len({op for op, _ in checker.seen})} operations "
          f"checked, {len(checker.problems)} problems")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
