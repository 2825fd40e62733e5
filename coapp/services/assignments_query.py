"""What the user types in the assignments' search box, as an FTS5 query (coapp.models.assignments).

- Nothing typed is FTS5 syntax. The text is cut into words the way the index's tokenizer cuts it
  (letters and digits, plus '#' and '+'), and each word goes in as a quoted string of those
  characters only: quotes, '*', NEAR, AND/OR/NOT, '-', '^', ':' and parentheses are separators or
  plain words, never operators, and no input can make the query fail to parse.
- Every word must be found (AND). The last word, unless a space follows it, is being typed: it is a
  prefix ("kube" finds Kubernetes).
- Skills by any name: a word, or two or three words together, naming a known skill also finds the
  skill's usual name ("k8s" finds Kubernetes, "JS" JavaScript, "shell scripting" Bash); the word
  being typed also finds the skills it completes to through a synonym ("k8" finds Kubernetes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coapp.domain.errors import ValidationError
from coapp.domain.skills import complete_skill, known_skill

MAX_QUERY_LENGTH = 200
_LONGEST_SKILL_RUN = 3  # words: "Amazon Web Services"
_COMPLETIONS = 20
_COMPLETE_FROM = 2  # characters typed before completions join in: one letter finds plenty already
# Characters the index keeps in words (coapp.models.assignments.SEARCH_TOKENIZER), besides letters
# and digits.
_WORD_CHARS = "#+"
_WORD = re.compile(r"(?:[^\W_]|[#+])+")


def words(text: str) -> list[str]:
    """The words of a text as the index cuts them."""
    return _WORD.findall(text)


def _phrase(tokens: list[str], prefix: bool = False) -> str:
    # Tokens hold letters, digits, '#' and '+' only: nothing to escape inside the quotes.
    return '"' + " ".join(tokens) + '"' + ("*" if prefix else "")


@dataclass(frozen=True)
class _Word:
    text: str  # as typed (for the vocabulary)
    tokens: list[str]  # as the index cuts it


def _any(options: list[str]) -> str:
    unique = list(dict.fromkeys(options))
    return unique[0] if len(unique) == 1 else "(" + " OR ".join(unique) + ")"


def _skill_phrase(name: str) -> str | None:
    tokens = words(name)
    return _phrase(tokens) if tokens else None


def _group(run: list[_Word], typing: bool) -> str:
    """One word or a run of words: all of its tokens, or a skill it names."""
    parts = [_phrase(w.tokens, prefix=typing and i == len(run) - 1) for i, w in enumerate(run)]
    options = [parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"]
    skill = known_skill(" ".join(w.text for w in run))
    if skill is not None:
        phrase = _skill_phrase(skill)
        if phrase is not None:
            options.append(phrase)
    if typing and len(run) == 1 and len(run[0].text) >= _COMPLETE_FROM:
        typed = run[0].tokens[0].casefold()
        for name in complete_skill(run[0].text, limit=_COMPLETIONS):
            tokens = words(name)
            # A skill whose own name starts with what is typed is found by the prefix already.
            if tokens and not tokens[0].casefold().startswith(typed):
                options.append(_phrase(tokens))
    return _any(options)


def fts_query(text: str) -> str | None:
    """The FTS5 query for what was typed; None when it holds no word (everything matches)."""
    if len(text) > MAX_QUERY_LENGTH:
        raise ValidationError(f"a search is at most {MAX_QUERY_LENGTH} characters")
    typed = [_Word(raw, words(raw)) for raw in text.split()]
    typed = [w for w in typed if w.tokens]
    if not typed:
        return None
    still_typing = not text[-1:].isspace()
    groups: list[str] = []
    i = 0
    while i < len(typed):
        # The longest run of words from here that names a known skill, else the one word.
        size = 1
        for length in range(min(_LONGEST_SKILL_RUN, len(typed) - i), 1, -1):
            if known_skill(" ".join(w.text for w in typed[i : i + length])) is not None:
                size = length
                break
        run = typed[i : i + size]
        groups.append(_group(run, typing=still_typing and i + size == len(typed)))
        i += size
    return " AND ".join(groups)
