"""Stable ASCII slugs for IRIs and article keys."""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose into an ASCII base letter plus marks.
_SPECIAL = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ł": "l", "Ł": "l",
    "ı": "i",
})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_len: int = 80) -> str:
    """Lower-case ASCII slug: accents folded, other runs of characters become one '-'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    unmarked = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    slug = _NON_ALNUM.sub("-", unmarked).strip("-")
    slug = slug[:max_len].rstrip("-")
    return slug or "x"
