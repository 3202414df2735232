"""Theme templates compiled once per process, not once per build.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n
runs a build per edition, so Material's templates and ours were compiled
again for each edition and on every `mkdocs serve` rebuild: about a quarter
of a rebuild's time. Jinja keys each compiled template by its name and a
checksum of its source, so an edited template is compiled afresh.
"""

from jinja2 import BytecodeCache


class InMemoryBytecodeCache(BytecodeCache):
    def __init__(self):
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if (code := self._compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


CACHE = InMemoryBytecodeCache()


def reuse_compiled_templates(env):
    env.bytecode_cache = CACHE
    return env
