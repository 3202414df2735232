"""Wrap a built course (the offline build) in a SCORM package for a learning platform.

    python tools/scorm_package.py SITE_DIR --version 0.1.0 --scorm 1.2 --out dist

writes dist/systemledarskap-i-nara-vard-<version>-scorm12.zip (or -scorm2004.zip):
imsmanifest.xml at the root of the zip, one SCO (the launch page,
scorm-launch.html), and every file of the built site, both editions.
The launch page and its bridge script (tools/scorm/) hold the platform
session; pipwerks' SCORM API wrapper comes from node_modules, as
package-lock.json pins it. The schemas the manifest names are copied from
tests/scorm_schemas/, where the tests validate the manifest against them.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from course.postbuild.csp import policy_text  # noqa: E402

NAME = "systemledarskap-i-nara-vard"
LAUNCH = "scorm-launch.html"
START = "index.html"
HERE = Path(__file__).resolve().parent / "scorm"
WRAPPER = ROOT / "node_modules" / "@szenadam" / "scorm-api-wrapper"
# The package ships pipwerks' wrapper unchanged (v1.1.20180906, MIT) beside its own rewrite.
PIPWERKS = WRAPPER / "references" / "SCORM_API_wrapper.js"
SCHEMAS = ROOT / "tests" / "scorm_schemas"
KINDS = {"1.2": "scorm12", "2004": "scorm2004"}
# Many Moodle sites keep PHP's default upload_max_filesize = 2M: stay well under it.
WARN_ABOVE = 1_800_000  # bytes

_PROGRESS_LIST = re.compile(r"<ul\b[^>]*\bdata-notes-progress\b[^>]*>(.*?)</ul>", re.S)
_MODULE = re.compile(r'<li\b[^>]*\bdata-module="([^"]+)"')


class PackageError(Exception):
    """The built site cannot be packaged; the message names the file and the problem."""


def package_name(version: str, scorm: str) -> str:
    return f"{NAME}-{version}-{KINDS[scorm]}.zip"


def course_modules(site_dir: Path) -> list[str]:
    """The course's modules, in order, from the progress overview of the built start page."""
    page = site_dir / START
    if not page.is_file():
        raise PackageError(f"{page}: missing; build the site first (OFFLINE=true mkdocs build)")
    modules: list[str] = []
    for block in _PROGRESS_LIST.findall(page.read_text(encoding="utf-8")):
        for slug in _MODULE.findall(block):
            if slug not in modules:
                modules.append(html.unescape(slug))
    if not modules:
        raise PackageError(f"{page}: no module list (ul[data-notes-progress]), so completion could never be reported")
    return modules


def course_pages(site_dir: Path) -> list[str]:
    """The pages a bookmark may point at: every page of the built site but the error page."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts)


def launch_page(title: str, lang: str, modules: list[str], pages: list[str], scorm: str) -> str:
    config = json.dumps({"version": scorm, "start": START, "modules": modules, "pages": pages}, ensure_ascii=False)
    config = config.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    template = (HERE / "launch.html").read_text(encoding="utf-8")
    values = {"lang": lang, "policy": policy_text(), "title": html.escape(title), "config": config, "start": START}
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)


def manifest(title: str, version: str, files: list[str], scorm: str) -> str:
    """imsmanifest.xml: one organisation, one item, one SCO resource listing every file."""
    identifier = f"{NAME}-{version}".replace("+", "-")
    t = html.escape(title)
    file_list = "\n".join(f'      <file href="{html.escape(quote(name))}"/>' for name in files)
    if scorm == "1.2":
        head = (
            f'<manifest identifier="{identifier}" version="{html.escape(version)}"\n'
            '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"\n'
            '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"\n'
            '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
            '  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd'
            " http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd"
            ' http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">\n'
            "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n"
        )
        item = f'      <item identifier="item-course" identifierref="resource-course" isvisible="true">\n        <title>{t}</title>\n      </item>\n'
        resource = f'    <resource identifier="resource-course" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH}">\n'
    else:
        head = (
            f'<manifest identifier="{identifier}" version="{html.escape(version)}"\n'
            '  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"\n'
            '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"\n'
            '  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"\n'
            '  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"\n'
            '  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"\n'
            '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
            '  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd'
            " http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd"
            " http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd"
            " http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd"
            ' http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">\n'
            "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>2004 4th Edition</schemaversion>\n  </metadata>\n"
        )
        item = f'      <item identifier="item-course" identifierref="resource-course">\n        <title>{t}</title>\n      </item>\n'
        resource = f'    <resource identifier="resource-course" type="webcontent" adlcp:scormType="sco" href="{LAUNCH}">\n'
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + head
        + '  <organizations default="organization-course">\n'
        + f'    <organization identifier="organization-course">\n      <title>{t}</title>\n'
        + item
        + "    </organization>\n  </organizations>\n  <resources>\n"
        + resource
        + file_list
        + "\n    </resource>\n  </resources>\n</manifest>\n"
    )


def add_wrapper(package_dir: Path, title: str, lang: str, scorm: str) -> None:
    """Write the launch page, its scripts and the schemas into a copy of the built site."""
    if not PIPWERKS.is_file():
        raise PackageError(f"{PIPWERKS}: missing; run `npm ci --ignore-scripts` (make node-deps)")
    if (package_dir / LAUNCH).exists() or (package_dir / "scorm").exists():
        raise PackageError(f"{package_dir}: already has {LAUNCH} or scorm/; package a fresh build")
    modules = course_modules(package_dir)
    pages = course_pages(package_dir)
    scripts = package_dir / "scorm"
    scripts.mkdir()
    shutil.copyfile(PIPWERKS, scripts / "pipwerks.js")
    for name in ("bridge.js", "launch.css", "LICENCE-pipwerks.txt"):
        shutil.copyfile(HERE / name, scripts / name)
    (package_dir / LAUNCH).write_text(launch_page(title, lang, modules, pages, scorm), encoding="utf-8")
    for schema in sorted((SCHEMAS / KINDS[scorm]).iterdir()):
        shutil.copyfile(schema, package_dir / schema.name)


def build_package(site_dir: Path, out_dir: Path, *, version: str, scorm: str, title: str, lang: str = "sv") -> Path:
    """Copy the built site, add the wrapper and the manifest, and zip it with the manifest at the root."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / package_name(version, scorm)
    staging = out_dir / target.stem
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(site_dir, staging)
    add_wrapper(staging, title, lang, scorm)
    files = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file())
    (staging / "imsmanifest.xml").write_text(manifest(title, version, files, scorm), encoding="utf-8")
    target.unlink(missing_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(staging / "imsmanifest.xml", "imsmanifest.xml")
        for name in files:
            archive.write(staging / name, name)
    shutil.rmtree(staging)
    return target


def site_title() -> str:
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)["site_name"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="an offline build of the course (OFFLINE=true)")
    parser.add_argument("--version", required=True)
    parser.add_argument("--scorm", choices=sorted(KINDS), default="1.2")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    try:
        target = build_package(args.site_dir, args.out, version=args.version, scorm=args.scorm, title=site_title())
    except PackageError as exc:
        print(f"make scorm: {exc}", file=sys.stderr)
        return 1
    print(size_report(target))
    return 0


def size_report(target: Path) -> str:
    """The package and its size; a warning above WARN_ABOVE, near the 2 MB many platforms accept."""
    size = target.stat().st_size
    line = f"{target}: {size / 1_000_000:.2f} MB ({size:,} bytes)".replace(",", " ")
    if size > WARN_ABOVE:
        line += (
            f"\nmake scorm: warning: {target.name} is over {WARN_ABOVE / 1_000_000:.1f} MB;"
            " many learning platforms accept no more than 2 MB (PHP's upload_max_filesize = 2M)"
        )
    return line


if __name__ == "__main__":
    sys.exit(main())
