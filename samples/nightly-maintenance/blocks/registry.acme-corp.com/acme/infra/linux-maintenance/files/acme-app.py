#!/usr/bin/env python3
"""acme-app: the sample's web service. /health answers 200 when every setting the running release requires is
present in /etc/acme-app/settings.json, else 500 with the missing ones; /version names the release."""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RELEASE_DIR = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(RELEASE_DIR, "release.json"), encoding="utf-8") as f:
    RELEASE = json.load(f)
with open("/etc/acme-app/settings.json", encoding="utf-8") as f:
    SETTINGS = json.load(f)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            missing = [key for key in RELEASE.get("requires", []) if key not in SETTINGS]
            status = 500 if missing else 200
            body = {"status": "failing" if missing else "ok", "release": RELEASE["version"], "missing": missing}
        elif self.path == "/version":
            status, body = 200, {"release": RELEASE["version"]}
        else:
            status, body = 404, {"error": "not found"}
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


ThreadingHTTPServer(("0.0.0.0", int(SETTINGS.get("listen_port", 8080))), Handler).serve_forever()
