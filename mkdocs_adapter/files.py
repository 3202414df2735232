"""Files the course adds to the built site that have no source file in docs/."""

from mkdocs.structure.files import File

from course.render.branding import DEFAULT_PRIMARY, STYLESHEET, branding_css


def add_branding_stylesheet(config, files) -> None:
    """Add the generated stylesheet to the site's files; extra_css in mkdocs.yml links it."""
    css = branding_css(config["extra"].get("primary_color", DEFAULT_PRIMARY))
    files.append(File.generated(config, STYLESHEET, content=css))


def add_local_logo(config, files) -> None:
    """The local folder's logo, as a file of the built site where theme.logo points."""
    source = config["extra"].get("local_logo_file")
    if not source:
        return
    files.append(File.generated(config, config["theme"]["logo"], abs_src_path=source))
