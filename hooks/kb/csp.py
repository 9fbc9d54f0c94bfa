"""The site's Content-Security-Policy: one place that says what a page may load.

Every script and stylesheet is a file on the site's own address (no inline script or style, no
third-party host); images may also be `data:` URIs, which Material's stylesheets use for icons.
Hosts send the policy as a header (docs/about/fork-and-rebrand.md shows how for common hosts);
GitHub Pages cannot, so by default every page also carries it as a <meta> tag, which browsers
apply to everything after it. `frame-ancestors` works only as a header.
"""

from __future__ import annotations

DIRECTIVES: dict[str, str] = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
#: Directives that a <meta> tag may not carry (browsers ignore them there, with a warning).
HEADER_ONLY = ("frame-ancestors",)


def policy(*, meta: bool = False) -> str:
    """The policy as a header value, or for a <meta http-equiv> tag."""
    return "; ".join(f"{name} {value}" for name, value in DIRECTIVES.items()
                     if not (meta and name in HEADER_ONLY))
