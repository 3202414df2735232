"""The hosting guide's configurations, run verbatim on Debian's nginx, Apache and Caddy under the guide's sub-path.

Each block is taken from docs/drift.md and docs/drift.en.md, the policy from
the build's content-security-policy.txt and the site's folder filled in as the
guide says, and the server started on a free port on 127.0.0.1. IIS, which
needs Windows, is checked as far as it can be: its web.config is well-formed
and names the same headers, error page and file types.
"""

from __future__ import annotations

import gzip
import http.client
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support.browser import RECORD_VIOLATIONS
from tests.support.hosting_guide import CSP_PLACEHOLDER, PREFIX, SERVERS, blocks, configuration, filled_in
from tests.support.reader_flows import answer_reload_meet_and_download
from tests.support.search_ui import search
from tests.support.site_build import build_site, free_port
from tests.support.web_servers import SERVERS as RUNNERS
from tests.support.web_servers import Nginx

MODULE = "modules/kom-igang-tillsammans/"
TEMPLATES = {
    "mallar/minnesanteckningar-modul-1.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "mallar/minnesanteckningar-modul-1.odt": "application/vnd.oasis.opendocument.text",
}
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")
LONG_CACHE = "public, max-age=31536000, immutable"
# The site's SVG files are a few hundred bytes, below what Caddy compresses (512).
GZIPPED = ["", MODULE, "search/search_index.json", "assets/javascripts/core/course.js"]


def _guide_configurations() -> list:
    """One run per distinct configuration: a block that reads the same in both guides runs once."""
    params = []
    for server, runner in RUNNERS.items():
        sv, en = (configuration(runner.guide, lang).replace(CSP_PLACEHOLDER[lang], "POLICY") for lang in ("sv", "en"))
        langs = ["sv"] if sv == en else ["sv", "en"]
        params += [pytest.param((server, lang), id=server if len(langs) == 1 else f"{server}-{lang}") for lang in langs]
    return params


@pytest.fixture(scope="module")
def guide_site():
    """The course built for the guide's sub-path, in a folder the servers' workers may read."""
    folder = Path(tempfile.mkdtemp(prefix="hosting-site-"))
    folder.chmod(0o755)
    result = build_site(folder / "site", site_url=f"http://127.0.0.1{PREFIX}")
    assert result.returncode == 0, result.output[-3000:]
    yield folder / "site"
    shutil.rmtree(folder)


@pytest.fixture(scope="module")
def policy(guide_site) -> str:
    return (guide_site / "content-security-policy.txt").read_text(encoding="utf-8").strip()


@pytest.fixture(scope="module", params=_guide_configurations())
def configured(request, guide_site, policy):
    """A server configured with the guide's block, not yet started."""
    server, lang = request.param
    kind = RUNNERS[server]
    if not Path(kind.binary).exists():
        pytest.fail(f"{kind.binary} is missing: run `make test`, which installs Debian's {kind.package} package")
    folder = Path(tempfile.mkdtemp(prefix=f"hosting-{server}-"))
    runner = kind(folder, guide_site, filled_in(configuration(kind.guide, lang), lang, policy, folder / "site"), free_port())
    yield runner
    shutil.rmtree(folder)


@pytest.fixture(scope="module")
def hosted(configured):
    with configured as running:
        yield running


def fetch(url: str, *, gzip_ok: bool = False) -> tuple[int, http.client.HTTPMessage, bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", parts.path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def security_header_problems(headers, policy: str) -> list[str]:
    """What is wrong with a response's CSP, nosniff and Referrer-Policy headers; each must come exactly once."""
    expected = {"Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
    problems = []
    for name, value in expected.items():
        if isinstance(headers, dict):  # Playwright's: lower-case names, repeated headers joined in one value
            sent = [headers[name.lower()]] if name.lower() in headers else []
        else:
            sent = headers.get_all(name) or []
        if sent != [value]:
            problems.append(f"{name}: {sent!r}")
    return problems


def test_the_configuration_test_passes(configured):
    result = configured.config_test()
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_and_templates_come_with_their_types(hosted, guide_site):
    wanted = {"": "text/html", MODULE: "text/html", **TEMPLATES}
    for path, content_type in wanted.items():
        status, headers, body = fetch(hosted.url + path)
        assert status == 200, f"{path}: {status}"
        assert headers.get_content_type() == content_type, f"{path}: {headers['Content-Type']}"
        on_disk = guide_site / path / "index.html" if path.endswith("/") or not path else guide_site / path
        assert body == on_disk.read_bytes(), path


def test_an_unknown_address_gets_the_course_404_page_with_status_404(hosted):
    status, headers, body = fetch(hosted.url + "finns-inte/")
    assert status == 404
    assert headers.get_content_type() == "text/html"
    assert "Sidan finns inte" in body.decode("utf-8")


def test_hashed_assets_are_cached_for_a_year_and_the_rest_revalidated(hosted, guide_site):
    hashed = sorted(p.relative_to(guide_site).as_posix() for p in guide_site.rglob("*") if HASHED.search(p.name))
    assert len(hashed) >= 3, hashed  # Material's stylesheets, its bundle and its search worker
    for path in hashed:
        _, headers, _ = fetch(hosted.url + path)
        assert headers.get_all("Cache-Control") == [LONG_CACHE], path
    for path in ("", MODULE, "search/search_index.json", "assets/javascripts/core/course.js"):
        _, headers, _ = fetch(hosted.url + path)
        assert headers.get_all("Cache-Control") == ["no-cache"], path


def test_every_response_carries_the_policy_nosniff_and_referrer_policy(hosted, guide_site, policy):
    hashed = next(p.relative_to(guide_site).as_posix() for p in guide_site.rglob("*") if HASHED.search(p.name))
    problems = {}
    for path in ["", MODULE, *TEMPLATES, hashed, "assets/javascripts/core/course.js", "finns-inte/"]:
        _, headers, _ = fetch(hosted.url + path)
        if found := security_header_problems(headers, policy):
            problems[path] = found
    assert problems == {}


def test_text_is_sent_gzipped(hosted, guide_site):
    hashed = [next(p.relative_to(guide_site).as_posix() for p in guide_site.rglob(name)) for name in ("main.*.min.css", "bundle.*.min.js")]
    for path in [*GZIPPED, *hashed]:
        status, headers, body = fetch(hosted.url + path, gzip_ok=True)
        assert status == 200 and headers["Content-Encoding"] == "gzip", f"{path}: {headers['Content-Encoding']}"
        on_disk = guide_site / path / "index.html" if path.endswith("/") or not path else guide_site / path
        assert gzip.decompress(body) == on_disk.read_bytes(), path


def test_a_reader_uses_the_course_with_no_policy_violation(browser, hosted, policy):
    """A module (answer, reload, meeting mode, template), search and the notes page, in Chromium."""
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    responses, violations = [], {}
    page.on("response", lambda response: responses.append(response))
    try:
        answer = "Svar via webbservern"
        download = answer_reload_meet_and_download(page, hosted.url + MODULE, answer)
        assert download.url.startswith(hosted.url)
        violations["module"] = page.evaluate("window.__csp")
        hrefs = search(page, "vård")
        assert hrefs and all(h.startswith(hosted.url) for h in hrefs), hrefs
        violations["search"] = page.evaluate("window.__csp")
        page.goto(hosted.url + "anteckningar/")
        page.wait_for_function("a => [...document.querySelectorAll('textarea')].some(t => t.value === a)", arg=answer)
        violations["notes"] = page.evaluate("window.__csp")
        header_problems = {
            r.url: found for r in responses if (found := security_header_problems(r.all_headers(), policy))
        }
        failed = [f"{r.status} {r.url}" for r in responses if r.status >= 400]
    finally:
        context.close()
    assert {k: v for k, v in violations.items() if v} == {}
    assert len(responses) > 20 and all(r.url.startswith(hosted.url) for r in responses)
    assert header_problems == {}
    assert failed == []


def test_nginx_refuses_the_brace_in_an_unquoted_regular_expression(guide_site, policy, tmp_path):
    """Why the guide quotes it: as first printed, `nginx -t` failed and the server would not start."""
    block = configuration("nginx", "sv")
    unquoted = re.sub(r'location ~\* "(.*)" \{', r"location ~* \1 {", block)
    assert unquoted != block
    folder = Path(tempfile.mkdtemp(prefix="hosting-nginx-unquoted-"))
    try:
        result = Nginx(folder, guide_site, filled_in(unquoted, "sv", policy, folder / "site"), free_port()).config_test()
    finally:
        shutil.rmtree(folder)
    assert result.returncode != 0
    assert 'unknown directive "8}' in result.stderr


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_iis_web_config_is_well_formed_and_names_the_same_headers(lang, policy):
    config = ET.fromstring(filled_in(configuration("iis", lang), lang, policy, Path("/unused")))
    web = config.find("system.webServer")
    headers = {h.get("name"): h.get("value") for h in web.iterfind("httpProtocol/customHeaders/add")}
    assert headers == {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-cache",
    }
    assert [f.get("value") for f in web.iterfind("defaultDocument/files/add")] == ["index.html"]
    (error,) = web.iterfind("httpErrors/error[@statusCode='404']")
    assert error.get("path") == PREFIX + "404.html" and error.get("responseMode") == "ExecuteURL"
    types = {m.get("fileExtension"): m.get("mimeType") for m in web.iterfind("staticContent/mimeMap")}
    assert types[".odt"] == TEMPLATES["mallar/minnesanteckningar-modul-1.odt"]
    assert types[".md"] == "text/markdown" and types[".json"] == "application/json"
    assert web.find("urlCompression").get("doStaticCompression") == "true"


def test_every_configuration_block_of_the_guide_is_tested():
    """A new block in the guide (a server this file does not run) fails here until it is tested."""
    for lang in ("sv", "en"):
        servers = {fence for fence in blocks(lang) if fence not in ("sh",)}
        assert servers == set(SERVERS.values()), lang
