#!/usr/bin/env python3
"""Writes the Content-Security-Policy of a trunk release build (the folder given, dist/).

The policy is as strict as the app allows: everything from the page's own origin, WebAssembly
compilation (`'wasm-unsafe-eval'`, never `'unsafe-eval'`), and trunk's one inline loader script
by its hash (no `'unsafe-inline'`). Nothing from other origins, no plugins.

Two deploy-time settings, read from the environment:
- AIB_LINK_ORIGINS: the origins besides the page's own that `#url=` links may load templates
  from (space-separated; default `https://raw.githubusercontent.com`). They go into
  `connect-src` and into `<meta name="aib-link-origins">`, which the app reads, so the policy
  and the app always agree.
- AIB_EMBED_ANCESTORS: which pages may show the designer in an <iframe> (`?embed`), as
  `frame-ancestors` sources (default `'self' https:`; `'none'` forbids framing). Only a
  header can say this: hosts that serve the <meta> policy alone cannot restrict framing.
"""
import os
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

link_origins = os.environ.get("AIB_LINK_ORIGINS", "https://raw.githubusercontent.com").split()  # docs/embed.md
for origin in link_origins:
    if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?", origin):
        sys.exit(f"AIB_LINK_ORIGINS: {origin!r} is not an origin such as https://example.org")
embed_ancestors = os.environ.get("AIB_EMBED_ANCESTORS", "'self' https:")

directives = [
    "default-src 'self'",
    f"script-src 'self' 'wasm-unsafe-eval' 'sha256-{digest}'",
    "style-src 'self'",
    "img-src 'self' data:",
    " ".join(["connect-src 'self'", *link_origins]),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
]
# frame-ancestors only works as a header.
header_policy = "; ".join(directives + [f"frame-ancestors {embed_ancestors}"])
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
origins_meta = f'<meta name="aib-link-origins" content="{" ".join(link_origins)}" />'
if "Content-Security-Policy" not in html:
    html = re.sub(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + "\n    " + meta + "\n    " + origins_meta, html, count=1)
    index.write_text(html, encoding="utf-8")
# GitHub Pages: serve files starting with an underscore too, and no Jekyll processing.
(dist / ".nojekyll").write_text("", encoding="utf-8")
print(f"dist/: CSP written (inline loader sha256-{digest})")
