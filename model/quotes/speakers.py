"""Speaker resolution by rules: the mention at the cue, else the paragraph's subject or the previous speaker.
"""

from __future__ import annotations

import re

from .vocab import _PRONOUNS, _ROLE_HEAD_SET
from .text import _DEMONSTRATIVE_AFTER_RE, _SPLIT_WORDS_RE, paragraph_of, _tidy
from .names import _place_words, _short_names, _split_run
from .cues import _SPEECH_NOUNS, _phrase_forward
from .people import Entity, _entities, _expand_from_runs, _fullest_description, _match_entity, _match_role, _occurrences


_REPRESENTED_RE = re.compile(r"[^.\n]{0,40}?\byang\s+diwakili\b")


def resolve_speakers(text: str, quotes: list[dict]) -> list[tuple[str, str]]:
    """Speaker and role for each quote (dicts with start, end and speaker_mention or None).

    Named mention → the entity with those name tokens (or the longest capitalised run that
    contains them); title-only mention → the entity with that role, or the fullest title
    phrase if the article never names the holder; pronoun, -nya or no mention → the person
    introduced since the previous quote (first mention of the latest paragraph that has one),
    else the previous quote's speaker, else the latest person named before the quote.
    """
    ents = _entities(text)
    out: list[tuple[str, str]] = []
    prev: tuple[str, str] | None = None
    prev_end = 0
    for q in quotes:
        mention = q.get("speaker_mention")
        res: tuple[str, str] | None = None
        if mention and mention["text"].lower() not in _PRONOUNS:
            res = _resolve_mention(text, mention, ents)
        if res is None:
            res = _resolve_context(text, q, ents, prev, prev_end)
        out.append(res)
        prev, prev_end = res, max(prev_end, q["end"], (q.get("cue") or {}).get("end", 0))
    return out


# "kata Kapolres saat membacakan amanat Kakorlantas Polri": the words read out are the author's (GUIDELINES §2)
_READ_OUT_AFTER_RE = re.compile(r"\s+(?:saat|ketika|sambil|yang)?\s*membacakan\s+" + _SPEECH_NOUNS + r"\s+(?=[A-Z])")


def _resolve_mention(text: str, mention: dict, ents: list[Entity]) -> tuple[str, str] | None:
    read_out = _READ_OUT_AFTER_RE.match(text, mention["end"])
    if read_out:
        end = _phrase_forward(text, read_out.end(), paragraph_of(text, read_out.end())[1])
        if end > read_out.end():
            mention = {"start": read_out.end(), "end": end, "text": text[read_out.end() : end]}
    mtxt = _tidy(mention["text"])
    if mtxt[:1].islower() and mtxt.split()[0].capitalize() in _ROLE_HEAD_SET:
        mtxt = mtxt[0].upper() + mtxt[1:]  # "menurut kapolres, …": a title written lower-case
    ent = _match_entity(text, mtxt, ents)
    words = [w for w in _SPLIT_WORDS_RE.split(mtxt) if w]
    role_w, person_w, _ = _split_run(words, _place_words(text), _short_names(text))
    role_part = " ".join(role_w)
    if ent is None and not person_w:
        ent = _match_role(mtxt, ents, mention["start"], _place_words(text))
    if ent is not None:
        return ent.full, ent.role or role_part
    if _DEMONSTRATIVE_AFTER_RE.match(text, mention["end"]) or _LOWER_EPITHET_AFTER_RE.match(text, mention["end"]):
        return None  # "ucap Jenderal Bintang Dua tersebut", "Jenderal bintang dua itu": an epithet, resolved as a pronoun is
    if not person_w and role_w:
        desc = _fullest_description(mtxt, text)
        return desc, desc
    exp = _expand_from_runs(text, mtxt)
    if exp is not None:
        return exp[0], exp[1] or role_part
    return mtxt, role_part


_LOWER_EPITHET_AFTER_RE = re.compile(r"(?:\s+[a-z]+){1,3}\s+(?:tersebut|itu|ini)\b")
# "… yang akan dipimpin langsung oleh Kapolda X." : the agent of a passive is not who speaks next
_AGENT_BEFORE_RE = re.compile(r"\bdi[a-z]{3,}\s+(?:[a-z]+\s+)?oleh\s+(?:[A-Z][\w.]*\s+){0,6}$")
_ADDRESSEE_BEFORE_RE = re.compile(r"\b[Kk]epada\s+$")
_PASSIVE_AFTER_RE = re.compile(r"[^\S\n]+(?:juga\s+|pun\s+|kemudian\s+)?di(?!a\b|rinya\b)[a-z]{3,}")


def _mention_end(text: str, occ: tuple[int, Entity | None, str]) -> int:
    """End of the capitalised phrase that starts at an occurrence."""
    pos = occ[0]
    return _phrase_forward(text, pos, paragraph_of(text, pos)[1]) if occ[2] == "" else pos + len(occ[2])


def _resolve_context(text: str, q: dict, ents: list[Entity], prev: tuple[str, str] | None, prev_end: int) -> tuple[str, str]:
    lo = prev_end
    cue = q.get("cue")
    hi = min(q["start"], cue["start"]) if cue else q["start"]  # "Ia mengajak, para Lurah agar …": no addressee speaks
    # a passive subject ("Komisioner KPU dievakuasi") is not who speaks next
    # nor is an addressee ("Kepada Lurah dan Kades, … mengajak")
    occ = [o for o in _occurrences(text, lo, hi, ents)
           if not _PASSIVE_AFTER_RE.match(text, _mention_end(text, o)) and not _ADDRESSEE_BEFORE_RE.search(text, max(0, o[0] - 8), o[0])
           and not _AGENT_BEFORE_RE.search(text, max(0, o[0] - 60), o[0])]
    if occ:
        # the latest paragraph holding a mention; its first mention is usually the subject
        last_para = paragraph_of(text, occ[-1][0])
        in_para = [o for o in occ if last_para[0] <= o[0] < last_para[1]]
        if len(in_para) > 1 and _REPRESENTED_RE.match(text[in_para[0][0] : in_para[1][0]]):
            in_para = in_para[1:]  # "Bupati X yang diwakili Asisten I, Y": Y speaks
        _, ent, phrase = in_para[0]
        if ent is None and len(in_para) > 1 and in_para[1][1] is not None and in_para[1][0] - in_para[0][0] < 80:
            ent = in_para[1][1]  # "Ketua KPU X, Hj. Y": the title and the name are one mention
        if ent is not None:
            return ent.full, ent.role
        e2 = _match_role(phrase, ents, q["start"], _place_words(text))
        if e2 is not None:
            return e2.full, e2.role
        desc = _fullest_description(phrase, text)
        return desc, desc
    if prev is not None:
        return prev
    earlier = [o for o in _occurrences(text, 0, q["start"], ents) if o[1] is not None]
    if earlier:
        ent = earlier[-1][1]
        return ent.full, ent.role
    return "", ""
