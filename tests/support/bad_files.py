"""Making bad files from a good one, for the tests that try an import with hundreds of them."""

from __future__ import annotations

import json

DELETE = object()  # as a value: leave the key out


def with_change(data: dict, path: tuple, value) -> bytes:
    """`data` as JSON with the value at `path` (keys, then the last key) set to `value`, or deleted. `data` is changed."""
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return json.dumps(data).encode()
