"""`make scorm`: the packages for a learning platform, checked as a platform would use them.

The platform's side in the browser is scorm-again (npm, MIT, locked in
package-lock.json), in a harness page (tests/scorm_harness/) that opens the
package's launch page in a frame, as a platform does.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support.browser import RECORD_VIOLATIONS
from tests.support.site_build import COURSE_VERSION, ROOT, SiteServer, free_port
from tests.support.notes_support import SETTLED
from tools.scorm_package import LAUNCH, PIPWERKS, WARN_ABOVE, course_modules, size_report

SCHEMAS = ROOT / "tests" / "scorm_schemas"
HARNESS = ROOT / "tests" / "scorm_harness"
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist"
KINDS = {"1.2": "scorm12", "2004": "scorm2004"}

# What the course may set, per version, and how the platform's API object names it.
ELEMENTS = {
    "1.2": {
        "api": "API",
        "set": "LMSSetValue",
        "status": "cmi.core.lesson_status",
        "location": "cmi.core.lesson_location",
        "session_time": "cmi.core.session_time",
        "exit": "cmi.core.exit",
        "finish": "LMSFinish",
        "session_format": r"^\d{2,4}:\d{2}:\d{2}$",
    },
    "2004": {
        "api": "API_1484_11",
        "set": "SetValue",
        "status": "cmi.completion_status",
        "location": "cmi.location",
        "session_time": "cmi.session_time",
        "exit": "cmi.exit",
        "finish": "Terminate",
        "session_format": r"^PT\d+H\d+M\d+S$",
    },
}
# The schemas a manifest names, imported into one schema for xmllint.
DRIVERS = {
    "1.2": {
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
        "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
        "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "imsmd_rootv1p2p1.xsd",
    },
    "2004": {
        "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
        "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
    },
}
SECRET = "Hemligt svar 7391 – bara för mig"
GROUP_SECRET = "Gruppens anteckning 5521"
AGREED_SECRET = "Vi kom överens om 8842"


@pytest.fixture(scope="session")
def packages() -> dict[str, Path]:
    """`make scorm`'s two zips."""
    for old in (ROOT / "dist").glob("*-scorm*.zip"):
        old.unlink()
    result = subprocess.run(["make", "scorm"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    found = Packages()
    for version, kind in KINDS.items():
        found[version] = ROOT / "dist" / f"systemledarskap-i-nara-vard-{COURSE_VERSION}-{kind}.zip"
    found.output = result.stdout + result.stderr
    return found


class Packages(dict):
    """version -> zip path; .output: what `make scorm` printed."""

    output = ""


@pytest.fixture(scope="session")
def make_scorm_output(packages) -> str:
    return packages.output


@pytest.fixture(scope="session")
def lms(packages, tmp_path_factory):
    """One origin, as on a platform: the harness at lms/, each package unpacked at packageNN/."""
    root = tmp_path_factory.mktemp("lms")
    shutil.copytree(HARNESS, root / "lms")
    (root / "lms" / "scorm-again").mkdir()
    for name in ("scorm12.min.js", "scorm2004.min.js"):
        shutil.copyfile(SCORM_AGAIN / name, root / "lms" / "scorm-again" / name)
    for version, zip_path in packages.items():
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(root / KINDS[version])
    with SiteServer(root, free_port()) as server:
        server.root = root
        yield server


def test_make_scorm_prints_each_size_and_the_packages_stay_well_under_2_mb(packages, make_scorm_output, tmp_path):
    for zip_path in packages.values():
        size = zip_path.stat().st_size
        assert f"{zip_path.name}: {size / 1_000_000:.2f} MB" in make_scorm_output
        assert size <= WARN_ABOVE, f"{zip_path.name}: {size} bytes; many platforms take at most 2 MB"
    assert "warning" not in make_scorm_output
    big = tmp_path / "big-scorm12.zip"
    big.write_bytes(b"0" * (WARN_ABOVE + 1))
    assert "warning: big-scorm12.zip is over 1.8 MB" in size_report(big)
    big.write_bytes(b"0" * WARN_ABOVE)
    assert "warning" not in size_report(big)


def manifest_files(manifest: str) -> list[str]:
    return re.findall(r'<file href="([^"]+)"/>', manifest)


@pytest.mark.parametrize("version", KINDS)
def test_the_package_has_its_manifest_at_the_root_one_sco_and_the_whole_course(packages, version):
    with zipfile.ZipFile(packages[version]) as archive:
        names = archive.namelist()
        manifest = archive.read("imsmanifest.xml").decode("utf-8")
        assert archive.read("scorm/pipwerks.js") == PIPWERKS.read_bytes()
    assert "imsmanifest.xml" in names, "the manifest must be at the root, not in a folder"
    for page in ("index.html", "en/index.html", "modules/varfor-nara-vard.html", "en/modules/varfor-nara-vard.html", LAUNCH):
        assert page in names, page
    assert len(re.findall(r"<resource\b", manifest)) == 1
    assert len(re.findall(r'scorm[tT]ype="sco"', manifest)) == 1
    assert f'href="{LAUNCH}"' in manifest
    listed = manifest_files(manifest)
    assert set(listed) == set(names) - {"imsmanifest.xml"}
    assert not any(name.startswith(("/", "..")) or "://" in name for name in names)


@pytest.mark.parametrize("version", KINDS)
def test_the_manifest_validates_against_the_adl_schemas(packages, version, tmp_path):
    with zipfile.ZipFile(packages[version]) as archive:
        manifest = archive.read("imsmanifest.xml").decode("utf-8")
    for schema in (SCHEMAS / KINDS[version]).iterdir():
        shutil.copyfile(schema, tmp_path / schema.name)
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{loc}"/>' for ns, loc in DRIVERS[version].items())
    (tmp_path / "driver.xsd").write_text(f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>')

    def validate(text: str) -> subprocess.CompletedProcess:
        (tmp_path / "imsmanifest.xml").write_text(text, encoding="utf-8")
        return subprocess.run(
            ["xmllint", "--noout", "--nonet", "--schema", "driver.xsd", "imsmanifest.xml"], cwd=tmp_path, capture_output=True, text=True
        )

    result = validate(manifest)
    assert result.returncode == 0, result.stderr
    assert "imsmanifest.xml validates" in result.stderr
    # The check sees a broken manifest: a SCO type the schema does not know.
    broken = validate(re.sub(r'scorm([tT])ype="sco"', r'scorm\1ype="lesson"', manifest))
    assert broken.returncode != 0 and "lesson" in broken.stderr


def test_the_launch_page_has_no_inline_script_and_only_relative_urls(packages):
    with zipfile.ZipFile(packages["1.2"]) as archive:
        launch = archive.read(LAUNCH).decode("utf-8")
    assert 'http-equiv="Content-Security-Policy"' in launch
    for tag in re.findall(r"<script\b[^>]*>", launch):
        assert 'type="application/json"' in tag or "src=" in tag, tag
    for url in re.findall(r'(?:src|href)="([^"]*)"', launch):
        assert not re.match(r"^(/|[a-z]+:)", url), url


def test_the_module_list_comes_from_the_built_start_page(lms):
    modules = course_modules(lms.root / "scorm12")
    assert modules == ["varfor-nara-vard", "fabrikslogik-och-tjanstelogik", "vad-ar-systemledarskap", "kom-igang-tillsammans"]


# In the browser, with scorm-again as the platform


class Visit:
    """One visit through the harness: the platform's API and the course's frame."""

    def __init__(self, browser, lms, version, context=None):
        self.e = ELEMENTS[version]
        self.version = version
        self.base = f"{lms.url}{KINDS[version]}/"
        self.own_context = context is None
        self.context = context or new_lms_context(browser)
        self.page = self.context.new_page()
        self.page.goto(f"{lms.url}lms/harness.html")

    def launch(self, previous=None):
        self.page.evaluate("([v, prev, path]) => launch(v, prev, path)", [self.version, previous, f"../{KINDS[self.version]}/{LAUNCH}"])
        self.page.wait_for_function("() => lmsCalls.length > 0")
        self.page.wait_for_function(f"() => {{ try {{ return !!{COURSE_WINDOW}.CourseNotes; }} catch (e) {{ return false; }} }}")

    @property
    def course(self):
        return self.page.frame_locator("#sco").frame_locator("#course-frame")

    def course_frame(self):
        (launch,) = self.page.main_frame.child_frames
        (frame,) = launch.child_frames
        return frame

    def course_path(self) -> str:
        return self.page.evaluate(f"() => {COURSE_WINDOW}.location.href").removeprefix(self.base)

    def value(self, element: str) -> str:
        path = element.removeprefix("cmi.")
        return self.page.evaluate(f"() => String(window.{self.e['api']}.cmi.{path})")

    def wait_for_value(self, element: str, expected: str):
        path = element.removeprefix("cmi.")
        self.page.wait_for_function(f"(x) => String(window.{self.e['api']}.cmi.{path}) === x", arg=expected)

    def calls(self) -> list[list]:
        return self.page.evaluate("() => lmsCalls")

    def set_values(self) -> list[tuple[str, str]]:
        return [(c[1], c[2]) for c in self.calls() if c[0] == self.e["set"]]

    def close(self):
        if self.own_context:
            self.context.close()
        else:
            self.page.close()


def new_lms_context(browser):
    """One browser: its storage lasts from visit to visit while the context is open."""
    context = browser.new_context(viewport={"width": 1366, "height": 800})
    context.add_init_script(RECORD_VIOLATIONS)
    return context


COURSE_WINDOW = "document.getElementById('sco').contentDocument.getElementById('course-frame').contentWindow"


def suspend(visit: Visit) -> dict:
    return json.loads(visit.value("cmi.suspend_data"))


@pytest.mark.parametrize("version", KINDS)
def test_a_visit_reports_progress_and_never_an_answer(browser, lms, version):
    visit = Visit(browser, lms, version)
    e = visit.e
    try:
        visit.launch()
        assert visit.value(e["status"]) == "incomplete"
        visit.wait_for_value(e["location"], "index.html")

        # Two pages read: the bookmark follows.
        for _ in range(2):
            before = visit.course_path()
            visit.course.locator(".md-footer__link--next").click()
            visit.page.wait_for_function(f"(b) => {COURSE_WINDOW}.location.href.endsWith(b) === false", arg=before)
            visit.wait_for_value(e["location"], visit.course_path())
            assert suspend(visit)["page"] == visit.course_path()

        # Every module but the last marked read: still incomplete; the last: completed.
        modules = course_modules(lms.root / KINDS[version])
        frame = visit.course_frame()
        for number, slug in enumerate(modules, start=1):
            frame.goto(f"{visit.base}modules/{slug}.html")
            visit.course.locator("#notes-progress-read").check()
            visit.page.wait_for_function(
                f"(s) => JSON.parse(window.{e['api']}.cmi.suspend_data || '{{}}').read.includes(s)", arg=slug
            )
            if number < len(modules):
                assert visit.value(e["status"]) == "incomplete", slug
        visit.wait_for_value(e["status"], "completed")
        assert suspend(visit)["read"] == modules

        # Answers, a group note, an agreement and a self-assessment stay in the browser.
        answer = visit.course.locator(".notes-field--answer textarea").first
        answer.fill(SECRET)
        answer.blur()
        agreed = visit.course.locator(".notes-field--agreed textarea").first
        agreed.fill(AGREED_SECRET)
        agreed.blur()
        visit.course.locator("#notes-progress-discussed").check()
        question = visit.course.locator(".reflection__question[data-question-id]").first.get_attribute("data-question-id")
        frame.evaluate("([id, text]) => window.CourseNotes.setGroupNote(id, text, 'Fråga')", [question, GROUP_SECRET])
        stored = frame.evaluate("() => JSON.stringify(window.CourseNotes.read())")
        assert SECRET in stored and AGREED_SECRET in stored and GROUP_SECRET in stored
        # Meeting mode opens in the platform's frame, never in a window of its own.
        assert frame.evaluate("() => window.Course.framed") is True
        visit.course.locator(".meeting-launch__button").first.click()
        visit.course.locator("dialog[open]").wait_for()
        assert len(visit.context.pages) == 1
        visit.course.locator("dialog[open]").press("Escape")
        visit.course.locator("dialog[open]").wait_for(state="hidden")

        visit.course.locator(".md-footer__link--next").click()
        visit.page.wait_for_function(f"() => !{COURSE_WINDOW}.location.href.includes('kom-igang')")
        bookmark = visit.course_path()
        visit.wait_for_value(e["location"], bookmark)

        # Leaving: session time and exit, then finish.
        visit.page.evaluate("() => closeCourse()")
        visit.page.wait_for_function(f"() => lmsCalls.some(c => c[0] === '{e['finish']}')")
        values = visit.set_values()
        # Write-only elements: read from what the course set.
        last = dict(values)
        assert re.match(e["session_format"], last[e["session_time"]]), last[e["session_time"]]
        assert last[e["exit"]] == "suspend"

        assert {name for name, _ in values} == {e["status"], e["location"], "cmi.suspend_data", e["session_time"], e["exit"]}
        for name, value in values:
            for secret in (SECRET, AGREED_SECRET, GROUP_SECRET, "Hemligt", "7391", "5521", "8842"):
                assert secret not in value, (name, value)
        for name, value in values:
            if name == "cmi.suspend_data":
                data = json.loads(value)
                assert set(data) == {"page", "read"}
                assert all(slug in modules for slug in data["read"])
        assert all(c[-1] in (True, "true") for c in visit.calls() if c[0] in (e["set"], e["finish"])), visit.calls()
        assert visit.page.evaluate("() => window.__csp") == []
        previous = kept_data(visit)
    finally:
        visit.close()

    # Reopened: the course opens at the bookmark, and stays completed.
    again = Visit(browser, lms, version)
    try:
        again.launch(previous)
        again.page.wait_for_function(f"(b) => {COURSE_WINDOW}.location.href.endsWith('/' + b)", arg=bookmark)
        assert again.course_path() == bookmark
        assert again.value(e["status"]) == "completed"
        assert not any(name == e["status"] for name, _ in again.set_values())
    finally:
        again.close()


def kept_data(visit: Visit) -> dict:
    """What a platform keeps between sessions, in scorm-again's JSON form for loadFromJSON."""
    e = visit.e
    location, status, data = visit.value(e["location"]), visit.value(e["status"]), visit.value("cmi.suspend_data")
    if visit.version == "1.2":
        return {"core": {"lesson_location": location, "lesson_status": status, "entry": "resume"}, "suspend_data": data}
    return {"location": location, "completion_status": status, "entry": "resume", "suspend_data": data}


def test_with_no_api_the_package_is_the_plain_site(browser, lms, tmp_path):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    try:
        for url in (f"{lms.url}scorm12/{LAUNCH}", (lms.root / "scorm12" / LAUNCH).as_uri()):
            page.goto(url)
            page.wait_for_url(re.compile(r"/scorm12/index\.html$"))
            assert page.locator("h1").first.is_visible()
            assert page.evaluate("() => window.Course.framed") is False
            page.locator(".md-footer__link--next").click()
            page.wait_for_load_state()
            assert page.locator("h1").first.is_visible()
            assert page.evaluate("() => window.__csp") == []
        page.goto(f"{lms.url}scorm12/modules/varfor-nara-vard.html")
        field = page.locator(".reflection__question textarea").first
        field.fill("Ett svar utan plattform")
        field.blur()
        page.reload()
        assert page.locator(".reflection__question textarea").first.input_value() == "Ett svar utan plattform"
    finally:
        context.close()


def test_a_bookmark_to_a_page_the_package_lacks_opens_the_start_page(browser, lms):
    visit = Visit(browser, lms, "1.2")
    try:
        visit.launch({"core": {"lesson_location": "modules/borttagen.html", "lesson_status": "incomplete", "entry": "resume"}})
        visit.wait_for_value("cmi.core.lesson_location", "index.html")
        assert visit.course_path() == "index.html"
    finally:
        visit.close()


def test_the_launch_page_in_a_platform_has_no_axe_violations(browser, lms):
    from axe_playwright_python.sync_playwright import Axe

    from tests.support.page_tour import AXE_OPTIONS, describe

    visit = Visit(browser, lms, "1.2")
    try:
        visit.launch()
        visit.wait_for_value("cmi.core.lesson_location", "index.html")
        sco = visit.page.frame_locator("#sco")
        assert sco.locator("iframe#course-frame").get_attribute("title") == "Systemledarskap i Nära vård"
        (launch,) = visit.page.main_frame.child_frames
        # The page's level-one heading is the course page's, inside the course frame, where this
        # run of axe does not go (the course pages have their own run in the page tour).
        assert sco.frame_locator("#course-frame").locator("h1").count() == 1
        rules = {**AXE_OPTIONS["rules"], "page-has-heading-one": {"enabled": False}}
        result = Axe().run(launch, options={**AXE_OPTIONS, "rules": rules})
        assert describe(result.response["violations"]) == []
    finally:
        visit.close()


def test_a_local_folder_is_in_the_package_and_its_module_counts_for_completion(tmp_path):
    from tests.support.site_build import build_site
    from tools.scorm_package import build_package, site_title

    site = tmp_path / "site"
    result = build_site(site, extra_env={"OFFLINE": "true", "LOCAL_DIR": str(ROOT / "examples" / "lokalt")})
    assert result.returncode == 0, result.output[-3000:]
    zip_path = build_package(site, tmp_path / "dist", version="0.0.0", scorm="1.2", title=site_title())
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        launch = archive.read(LAUNCH).decode("utf-8")
    assert "lokalt/var-fardplan.html" in names and "en/lokalt/var-fardplan.html" in names
    config = json.loads(re.search(r'<script id="scorm-config" type="application/json">(.*?)</script>', launch).group(1))
    assert config["modules"][-1] == "lokal-var-fardplan"
    assert "lokalt/var-fardplan.html" in config["pages"]


# Moodle in a browser many managers share (issue 27). Moodle calls
# localStorage.clear() for its whole site when the login time it stored is no
# longer the user's (core/storage_validation), and again when its scripts'
# revision changes (core/storagewrapper): the package's pages are on that site.

LEARNER_ID = {"1.2": ("core", "student_id"), "2004": (None, "learner_id")}
ANNA = "anna.andersson@example.se"
BERTIL = "bertil.berg@example.se"
BERTIL_SECRET = "Bertils eget svar 6604"
STORED_V3 = json.loads((ROOT / "tests" / "fixtures" / "notes-v3-stored.json").read_text(encoding="utf-8"))
EARLIER_KEY = STORED_V3["courseId"] + ":notes:v3"  # where a package without learner keys kept the notes


def as_learner(version: str, learner: str, kept: dict | None = None) -> dict:
    """What the platform gives the package: the learner id, and what it kept from earlier sessions."""
    data = json.loads(json.dumps(kept or {}))
    group, name = LEARNER_ID[version]
    (data.setdefault(group, {}) if group else data)[name] = learner
    return data


def moodle_clears(visit: Visit) -> None:
    visit.page.evaluate("() => localStorage.clear()")


def leave(visit: Visit) -> dict:
    """The reader leaves the course: what the platform keeps, and every value the course set."""
    visit.page.evaluate("() => closeCourse()")
    visit.page.wait_for_function(f"() => lmsCalls.some(c => c[0] === '{visit.e['finish']}')")
    return kept_data(visit)


def course_notes(visit: Visit) -> dict:
    frame = visit.course_frame()
    frame.evaluate(SETTLED)
    return frame.evaluate("() => CourseNotes.read()")


def open_module(visit: Visit, slug: str):
    visit.course_frame().goto(f"{visit.base}modules/{slug}.html")
    visit.course.locator(".notes-field--answer textarea").first.wait_for()
    return visit.course.locator(".notes-field--answer textarea").first


class Learners:
    """Learners taking turns on one computer in the platform: what it kept for each, and every value the course set."""

    def __init__(self, browser, lms, version: str):
        self.browser, self.lms, self.version = browser, lms, version
        self.context = new_lms_context(browser)
        self.kept: dict[str, dict] = {}
        self.sent: list[tuple[str, str]] = []
        self.pages: list = []  # each visit's platform page, in order

    def visit_as(self, learner: str, *, clear: bool = True) -> Visit:
        visit = Visit(self.browser, self.lms, self.version, context=self.context)
        self.pages.append(visit.page)
        if clear:
            moodle_clears(visit)
        visit.launch(as_learner(self.version, learner, self.kept.get(learner)))
        return visit

    def done(self, visit: Visit, learner: str) -> None:
        self.kept[learner] = leave(visit)
        self.sent.extend(visit.set_values())
        assert visit.page.evaluate("() => window.__csp") == []
        visit.close()


@pytest.mark.parametrize("version", KINDS)
def test_in_a_platform_that_clears_storage_each_learner_finds_their_own_answers(browser, lms, version):
    learners = Learners(browser, lms, version)
    context, sent = learners.context, learners.sent
    visit_as, done = learners.visit_as, learners.done
    slug = "kom-igang-tillsammans"

    try:
        # Anna, with notes an earlier package kept in this browser without a learner key.
        first = Visit(browser, lms, version, context=context)
        first.page.evaluate("([k, text]) => localStorage.setItem(k, text)", [EARLIER_KEY, json.dumps(STORED_V3)])
        first.launch(as_learner(version, ANNA))
        answer = open_module(first, slug)
        question = first.course.locator(".reflection__question[data-question-id]").first.get_attribute("data-question-id")
        expect(answer).to_have_value(STORED_V3["answers"][question]["text"])
        answer.fill(SECRET)
        answer.blur()
        first.course.locator("#notes-progress-read").check()
        first.page.wait_for_function(f"(s) => JSON.parse(window.{first.e['api']}.cmi.suspend_data || '{{}}').read.includes(s)", arg=slug)
        notes = course_notes(first)
        assert notes["answers"][question]["text"] == SECRET and notes["ratings"] == STORED_V3["ratings"]
        stored_keys = first.page.evaluate("() => Object.keys(localStorage)")
        assert EARLIER_KEY not in stored_keys, "moved to Anna's own key, not copied"
        done(first, ANNA)

        # Next login, then a new revision of Moodle's scripts: cleared each time, and Anna's notes are there.
        for _ in range(2):
            again = visit_as(ANNA)
            answer = open_module(again, slug)
            expect(answer).to_have_value(SECRET)
            expect(again.course.locator("#notes-progress-read")).to_be_checked()
            notes = course_notes(again)
            assert {k: e["text"] for k, e in notes["answers"].items() if k != question} == {
                k: e["text"] for k, e in STORED_V3["answers"].items() if k != question
            }
            done(again, ANNA)

        # Bertil on the same computer sees nothing of Anna's, even before Moodle clears.
        for clear in (False, True):
            bertil = visit_as(BERTIL, clear=clear)
            answer = open_module(bertil, slug)
            expect(answer).to_have_value("")
            notes = course_notes(bertil)
            assert notes["answers"] == {} and notes["ratings"] == {} and notes["progress"].get(slug, {}).get("read") is not True
            assert SECRET not in json.dumps(notes, ensure_ascii=False)
            if clear:
                answer.fill(BERTIL_SECRET)
                answer.blur()
                assert course_notes(bertil)["answers"][question]["text"] == BERTIL_SECRET
            done(bertil, BERTIL)

        # Anna logs in again: hers, and only hers.
        anna = visit_as(ANNA)
        expect(open_module(anna, slug)).to_have_value(SECRET)
        assert BERTIL_SECRET not in json.dumps(course_notes(anna), ensure_ascii=False)
        # The learner id is a key in this browser only, and never as such.
        for where in ("Object.keys(localStorage).join(' ')", "document.cookie"):
            text = anna.page.evaluate(f"() => {where}")
            assert ANNA not in text and BERTIL not in text, text
        done(anna, ANNA)
        bertil = visit_as(BERTIL)
        expect(open_module(bertil, slug)).to_have_value(BERTIL_SECRET)
        done(bertil, BERTIL)
    finally:
        context.close()

    # Still nothing sent: no answer, and not the learner id either (read, never written back).
    assert sent
    for name, value in sent:
        for secret in (SECRET, BERTIL_SECRET, ANNA, BERTIL, "anna", "bertil", "7391", "6604"):
            assert secret not in value, (name, value)
        assert name in {ELEMENTS[version][k] for k in ("status", "location", "session_time", "exit")} | {"cmi.suspend_data"}, name


@pytest.mark.parametrize("version", KINDS)
def test_read_marks_come_back_from_suspend_data_after_the_browser_lost_them(browser, lms, version):
    context = new_lms_context(browser)
    modules = course_modules(lms.root / KINDS[version])
    read, unread = modules[:2], modules[2:]
    try:
        visit = Visit(browser, lms, version, context=context)
        visit.launch(as_learner(version, ANNA))
        for slug in read:
            open_module(visit, slug)
            visit.course.locator("#notes-progress-read").check()
            visit.page.wait_for_function(f"(s) => JSON.parse(window.{visit.e['api']}.cmi.suspend_data || '{{}}').read.includes(s)", arg=slug)
        course_notes(visit)
        kept = leave(visit)
        # The browser's storage is lost whole (cleared site data, or another computer).
        visit.page.evaluate(
            """() => { localStorage.clear(); return new Promise((resolve, reject) => {
                 const request = indexedDB.deleteDatabase("course-notes");
                 request.onsuccess = () => resolve(); request.onerror = () => reject(request.error); }); }"""
        )
        visit.close()

        again = Visit(browser, lms, version, context=context)
        again.launch(as_learner(version, ANNA, kept))
        progress = course_notes(again)["progress"]
        assert {slug for slug in modules if progress.get(slug, {}).get("read")} == set(read)
        open_module(again, read[0])
        expect(again.course.locator("#notes-progress-read")).to_be_checked()
        open_module(again, unread[0])
        expect(again.course.locator("#notes-progress-read")).not_to_be_checked()
        # The platform was not told again what it knew.
        assert json.loads(again.value("cmi.suspend_data"))["read"] == read
        again.close()
    finally:
        context.close()


# Gruppens resa in the platform's frame: the facilitator's agreements with who, by when and
# status, the occasions and the group picture. None of it travels in suspend_data (page and read
# marks only: a platform is never told what anyone wrote, and SCORM 1.2 keeps 4,096 characters);
# like the notes, it lives under the learner's own key and in the notes' copy in IndexedDB.

JOURNEY_PAGE = "gruppens-resa.html"
GROUP_PAGE_FILE = "gruppens-bild.html"
WHO = "Anna Andersson 4410"
OCCASION = "Möte 1 i mars 7702"


def participant_file(course_id: str, n: int) -> dict:
    from tests.group.test_group_refusals import good_file

    return {"name": f"deltagare-{n}.json", "mimeType": "application/json", "buffer": json.dumps(good_file(course_id, n)).encode()}


def open_journey(visit: Visit):
    frame = visit.course_frame()
    frame.goto(f"{visit.base}{JOURNEY_PAGE}")
    visit.course.locator(".journey-agreements").wait_for()
    return frame


def journey_shown(visit: Visit) -> dict:
    """What the journey page shows: the agreements' texts, their who, by when and status, and the occasions."""
    course = visit.course
    return {
        "agreed": course.locator(".journey-agreement__text").all_text_contents(),
        "who": [f.input_value() for f in course.locator(".journey-agreement input[data-field=who]").all()],
        "due": [f.input_value() for f in course.locator(".journey-agreement input[data-field=due]").all()],
        "status": [f.input_value() for f in course.locator(".journey-agreement select[data-field=status]").all()],
        "occasions": course.locator(".journey-occasion__name").all_text_contents(),
    }


@pytest.mark.parametrize("version", KINDS)
def test_the_group_journey_in_the_platform_frame_keeps_its_work_through_a_clean_up(browser, lms, version, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    from tests.support.page_tour import AXE_OPTIONS, describe

    learners = Learners(browser, lms, version)
    context, sent = learners.context, learners.sent
    visit_as, done = learners.visit_as, learners.done
    windows: list = []
    context.on("page", lambda page: windows.append(page))

    try:
        anna = visit_as(ANNA, clear=False)
        frame = anna.course_frame()
        # The scribe's agreements (meeting mode writes them with setAgreed), and a group picture.
        frame.goto(f"{anna.base}{GROUP_PAGE_FILE}#vad-ar-systemledarskap")
        course_id = frame.evaluate("() => Course.config.courseId")
        anna.course.locator("input[type=file]").first.set_input_files([participant_file(course_id, n) for n in range(2)])
        anna.course.locator(".group-chart").first.wait_for()
        frame.evaluate("() => { CourseNotes.setAgreed('steg-1', 'Anna bjuder in till nästa möte.', 'Steg 1'); CourseNotes.setAgreed('steg-3', 'Ett gemensamt mått.', 'Steg 3'); }")
        frame = open_journey(anna)
        assert frame.evaluate("() => Course.framed") is True
        course = anna.course
        expect(course.locator(".journey-agreement")).to_have_count(2)
        # Who, by when and status of the first agreement; an occasion kept.
        who = course.locator("#journey-a0-who")
        who.fill(WHO)
        who.press("Tab")
        course.locator("#journey-a0-due").fill("2027-02-14")
        course.locator("#journey-a0-due").dispatch_event("change")
        course.locator("#journey-a0-status").select_option("under_way")
        course.locator("#journey-name").fill(OCCASION)
        course.locator("#journey-name").press("Enter")
        expect(course.locator(".journey-occasion")).to_have_count(1)
        shown = journey_shown(anna)
        assert shown["who"] == [WHO, ""] and shown["due"] == ["2027-02-14", ""] and shown["status"] == ["under_way", "agreed"]
        assert shown["agreed"] == ["Anna bjuder in till nästa möte.", "Ett gemensamt mått."] and OCCASION in shown["occasions"][0]

        # A reload in the frame: all of it there.
        frame.evaluate(SETTLED)
        frame = open_journey(anna)
        expect(course.locator(".journey-occasion")).to_have_count(1)
        assert journey_shown(anna) == shown

        # The handover file downloads from inside the frame; no window of its own.
        with anna.page.expect_download() as info:
            course.locator(".journey-handover button").click()
        download = info.value
        assert download.failure() is None, download.failure()
        download.save_as(tmp_path / "handover.json")
        handover = json.loads((tmp_path / "handover.json").read_text(encoding="utf-8"))
        assert handover["agreements"]["steg-1"]["who"] == WHO and [o["name"] for o in handover["occasions"]] == [OCCASION]
        assert windows == [anna.page] and len(context.pages) == 1

        # axe on the journey as the platform shows it, with an agreement and an occasion.
        result = Axe().run(anna.course_frame(), options=AXE_OPTIONS)
        assert describe(result.response["violations"]) == []
        frame.evaluate(SETTLED)
        done(anna, ANNA)

        # Next login: the platform has cleared localStorage; all of it comes back.
        again = visit_as(ANNA)
        open_journey(again)
        expect(again.course.locator(".journey-occasion")).to_have_count(1)
        assert journey_shown(again) == shown
        again.course_frame().goto(f"{again.base}{GROUP_PAGE_FILE}#vad-ar-systemledarskap")
        expect(again.course.locator(".group-chart").first).to_be_visible()
        done(again, ANNA)

        # Bertil on the same computer sees none of Anna's journey, before and after a clean-up.
        for clear in (False, True):
            bertil = visit_as(BERTIL, clear=clear)
            open_journey(bertil)
            expect(bertil.course.locator(".journey-agreement")).to_have_count(0)
            assert journey_shown(bertil)["occasions"] == []
            done(bertil, BERTIL)
        # The only windows ever opened are the platform's own, one per visit.
        assert windows == learners.pages
    finally:
        context.close()

    # The platform was told the page and the read marks, nothing of the journey.
    assert sent
    for name, value in sent:
        for secret in (WHO, OCCASION, "4410", "7702", "Anna bjuder", "2027-02-14", "under_way"):
            assert secret not in value, (name, value)
        if name == "cmi.suspend_data":
            assert set(json.loads(value)) == {"page", "read"}
