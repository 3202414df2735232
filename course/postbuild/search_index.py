"""Give each edition a search index of its own language.

mkdocs-static-i18n merges the entries of every language into the one index
at the site root. The English pages read their index from `en/` (their
search base is the edition root, see `editions.py`), so the merged index is
split: Swedish entries stay at the root, English ones move to
`en/search/search_index.json` with locations relative to `en/`.
"""

import json
from pathlib import Path

from course.editions import LANGUAGES

INDEX = Path("search") / "search_index.json"


def split_search_index(site_dir: Path, languages: tuple[str, ...] = LANGUAGES, *, with_script: bool = False) -> dict[str, int]:
    """Split the merged index in place; return the number of entries per language (the default one first).

    `with_script` also writes each index as `search_index.js`, which Material
    loads instead of the JSON when the site is opened from disk.
    """
    merged_path = site_dir / INDEX
    if not merged_path.exists():
        return {}
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    default, others = languages[0], languages[1:]
    prefixes = tuple(f"{lang}/" for lang in others)
    if not any(d["location"].startswith(prefixes) for d in merged["docs"]):
        return {}  # already split, or not yet merged
    per_language = {default: [d for d in merged["docs"] if not d["location"].startswith(prefixes)]}
    for lang in others:
        per_language[lang] = [
            {**d, "location": d["location"][len(lang) + 1 :]}
            for d in merged["docs"]
            if d["location"].startswith(f"{lang}/")
        ]
    for lang, docs in per_language.items():
        target = site_dir / INDEX if lang == default else site_dir / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        index = {"config": {**merged["config"], "lang": [lang]}, "docs": docs}
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        target.write_text(data, encoding="utf-8")
        if with_script:
            target.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
    return {lang: len(docs) for lang, docs in per_language.items()}
