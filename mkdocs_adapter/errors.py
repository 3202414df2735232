"""The course's errors as MkDocs' own, so that a build stops with the message and no traceback."""

import functools

from mkdocs.exceptions import PluginError

from course.errors import CourseDataError


def as_mkdocs_errors(hook):
    @functools.wraps(hook)
    def wrapped(*args, **kwargs):
        try:
            return hook(*args, **kwargs)
        except CourseDataError as error:
            raise PluginError(str(error)) from error

    return wrapped
