"""One error type for the course's own build checks."""

from contextlib import contextmanager


class CourseDataError(Exception):
    """A data or page problem that must stop the build, naming file, line (where known) and problem."""

    def __init__(self, file: str, problem: str, item: str | None = None, line: int | None = None):
        place = f"{file}, line {line}" if line else file
        where = f"{place}: {item}: " if item else f"{place}: "
        super().__init__(where + problem)
        self.file = file
        self.item = item
        self.problem = problem
        self.line = line

    def at_line(self, line: int | None) -> "CourseDataError":
        """The same error with the line it was found on, unless it already names one."""
        if self.line or not line:
            return self
        return CourseDataError(self.file, self.problem, self.item, line)


@contextmanager
def errors_named(shared_file: str, file: str):
    """Errors from checks written for `shared_file` name `file`, the local file actually checked."""
    try:
        yield
    except CourseDataError as exc:
        if exc.file != shared_file:
            raise
        raise CourseDataError(file, exc.problem, exc.item, exc.line) from None
