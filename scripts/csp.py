#!/usr/bin/env python3
"""Writes the Content-Security-Policy of a trunk release build (the folder given, dist/).

The policy is as strict as the app allows: everything from the page's own origin, WebAssembly
compilation (`'wasm-unsafe-eval'`, never `'unsafe-eval'`), and trunk's one inline loader script
by its hash (no `'unsafe-inline'`). Nothing from other origins, no plugins, no framing.
"""
import base64
import hashlib
import json
import re
import sys
from pathlib import Path

dist = Path(sys.argv[1])
index = dist / "index.html"
html = index.read_text(encoding="utf-8")
scripts = re.findall(r"<script type=\"module\">(.*?)</script>", html, flags=re.S)
if len(scripts) != 1:
    sys.exit(f"expected one inline module script in {index}, found {len(scripts)}")
digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()

directives = [
    "default-src 'self'",
    f"script-src 'self' 'wasm-unsafe-eval' 'sha256-{digest}'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
]
# frame-ancestors only works as a header.
header_policy = "; ".join(directives + ["frame-ancestors 'none'"])
meta_policy = "; ".join(directives)

config = {
    "globalHeaders": {
        "Content-Security-Policy": header_policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    },
    "mimeTypes": {".wasm": "application/wasm"},
    "navigationFallback": {"rewrite": "/index.html"},
}
(dist / "staticwebapp.config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")

meta = f'<meta http-equiv="Content-Security-Policy" content="{meta_policy}" />'
if "Content-Security-Policy" not in html:
    html = re.sub(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + "\n    " + meta, html, count=1)
    index.write_text(html, encoding="utf-8")
# GitHub Pages: serve files starting with an underscore too, and no Jekyll processing.
(dist / ".nojekyll").write_text("", encoding="utf-8")
print(f"dist/: CSP written (inline loader sha256-{digest})")
