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


# A search is groups that must all be found; a group is alternatives, any of which will do; an
# alternative is phrases that must all be found; a phrase is tokens side by side, the last one
# possibly a prefix.
Phrase = tuple[tuple[str, ...], bool]
Alternative = tuple[Phrase, ...]
Group = tuple[Alternative, ...]


@dataclass(frozen=True)
class _Word:
    text: str  # as typed (for the vocabulary)
    tokens: tuple[str, ...]  # as the index cuts it


def _group(run: list[_Word], typing: bool) -> Group:
    """One word or a run of words: all of its tokens, or a skill it names."""
    options: list[Alternative] = [tuple((w.tokens, typing and i == len(run) - 1) for i, w in enumerate(run))]
    skill = known_skill(" ".join(w.text for w in run))
    if skill is not None and words(skill):
        options.append(((tuple(words(skill)), False),))
    if typing and len(run) == 1 and len(run[0].text) >= _COMPLETE_FROM:
        typed = run[0].tokens[0].casefold()
        for name in complete_skill(run[0].text, limit=_COMPLETIONS):
            tokens = tuple(words(name))
            # A skill whose own name starts with what is typed is found by the prefix already.
            if tokens and not tokens[0].casefold().startswith(typed):
                options.append(((tokens, False),))
    return tuple(dict.fromkeys(options))


def search_groups(text: str) -> list[Group]:
    """What was typed, as groups that must all be found; [] when it holds no word."""
    if len(text) > MAX_QUERY_LENGTH:
        raise ValidationError("a search is at most {most} characters", most=MAX_QUERY_LENGTH)
    typed = [_Word(raw, tuple(words(raw))) for raw in text.split()]
    typed = [w for w in typed if w.tokens]
    still_typing = not text[-1:].isspace()
    groups: list[Group] = []
    i = 0
    while i < len(typed):
        # The longest run of words from here that names a known skill, else the one word.
        size = 1
        for length in range(min(_LONGEST_SKILL_RUN, len(typed) - i), 1, -1):
            if known_skill(" ".join(w.text for w in typed[i : i + length])) is not None:
                size = length
                break
        groups.append(_group(typed[i : i + size], typing=still_typing and i + size == len(typed)))
        i += size
    return groups


def _fts_phrase(phrase: Phrase) -> str:
    # Tokens hold letters, digits, '#' and '+' only: nothing to escape inside the quotes.
    tokens, prefix = phrase
    return '"' + " ".join(tokens) + '"' + ("*" if prefix else "")


def _fts_any(texts: list[str]) -> str:
    return texts[0] if len(texts) == 1 else "(" + " OR ".join(texts) + ")"


def _fts_all(texts: list[str]) -> str:
    return texts[0] if len(texts) == 1 else "(" + " AND ".join(texts) + ")"


def fts_query(text: str) -> str | None:
    """The FTS5 query for what was typed; None when it holds no word (everything matches)."""
    groups = search_groups(text)
    return fts_text(groups) if groups else None


def fts_text(groups: list[Group]) -> str:
    return " AND ".join(
        _fts_any([_fts_all([_fts_phrase(p) for p in alternative]) for alternative in group])
        for group in groups
    )


def like_patterns(groups: list[Group]) -> list[list[list[str]]]:
    """The groups as LIKE patterns (the search without FTS5): per group, alternatives of patterns
    that must all match, a token each ('%' and '_' cannot occur: tokens are letters, digits, #, +)."""
    return [
        [[f"%{' '.join(tokens)}%" for tokens, _ in alternative] for alternative in group] for group in groups
    ]
