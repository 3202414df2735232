"""One error type for the course's own build checks."""

from mkdocs.exceptions import PluginError


class CourseDataError(PluginError):
    """A data or page problem that must stop the build, naming file and problem."""

    def __init__(self, file: str, problem: str, item: str | None = None):
        where = f"{file}: {item}: " if item else f"{file}: "
        super().__init__(where + problem)
        self.file = file
        self.item = item
        self.problem = problem
