"""Verb and noun frames over the dependency parse.

Verb frames (``lang/<code>/frames.csv``): the subject of a verb such as *share*, *sue*,
*operate* or *condemn* acts, its object (``dobj``, ``dative`` or the object of a given
preposition) undergoes. Passives ("X was sued by Y"), reduced relatives ("the center run by
GEO Group"), relative clauses ("GEO Group, which runs …"), control ("agreed to share"),
shared subjects of conjoined verbs ("arrested and deported") and conjoined subjects and
objects are followed. A negated verb, or one under a verb of refusal ("refused to share"),
states nothing.

Noun frames (``lang/<code>/nominal.csv``): "the county's contract with ICE", "a contract
between X and Y", "the lawsuit filed by A against B", "contracts that ICE holds with X".
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.loaders.lang import LanguagePack, all_packs, registry_version, union
from actorgraph.loaders.rules import (
    Level,
    Ref,
    SentenceContext,
    case_of,
    from_packs,
    make_relation,
    prep_objects,
    refs,
    register,
    same_list,
    with_conjuncts,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from actorgraph.loaders.lang import Frame, NominalFrame
    from actorgraph.loaders.model import Relation

# Relative pronouns (``relatives.txt``, ``object_relatives.txt``) are read over every pack: these
# helpers read a token whatever the language of its sentence.


# The English model labels dependencies in the ClearNLP style (dobj, prep + pobj, nsubjpass);
# the Spanish one in Universal Dependencies (obj, obl/nmod with a case marker, nsubj:pass).
# The helpers below read both.
_OBJECT_DEPS = ("dobj", "obj")
_PASSIVE_DEPS = ("nsubjpass", "auxpass", "nsubj:pass", "aux:pass")


_SUBJECT_DEPS = ("nsubj", "nsubjpass", "nsubj:pass", "csubj")


def _participle(token: Token) -> bool:
    """A participle by its morphology ("detenida", which the Spanish model may tag as an adjective)."""
    return "Part" in token.morph.get("VerbForm", [])


def _past_participle(verb: Token) -> bool:
    """A past participle ("detained", "detenida"), not a present one ("detaining")."""
    return verb.tag_ == "VBN" or (_participle(verb) and "Past" in verb.morph.get("Tense", []))


def is_passive(verb: Token) -> bool:
    """A passive verb: labelled so by the parser; a participle after an auxiliary of the
    passive (``passive_auxiliaries.txt``: "fue detenida por ICE", which the Spanish model
    labels as an active clause); a participle modifying a noun ("the center run by X", "el
    centro operado por X", which the Spanish model tags as an adjective); or a past verb
    coordinated with a passive one that has no subject or object of its own ("was tailed by
    ICE and detained at a store", "was arrested and detained by ICE": the parser may tag it
    past tense)."""
    if any(c.dep_ in _PASSIVE_DEPS for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        return True
    if _participle(verb) and (
            (verb.dep_ in ("acl", "amod") and verb.pos_ == "ADJ")
            or any(c.dep_ in ("aux", "cop") and c.lemma_.lower() in union("passive_auxiliaries") for c in verb.children)):
        return True
    if verb.dep_ == "acl":
        return _past_participle(verb)
    return (verb.dep_ == "conj" and verb.head.i != verb.i and (_past_participle(verb) or verb.tag_ == "VBD")
            and not any(c.dep_ in (*_SUBJECT_DEPS, *_OBJECT_DEPS) for c in verb.children) and is_passive(verb.head))


@lru_cache(maxsize=2048)
def _infinitives(participle: str, version: int) -> tuple[str, ...]:
    """The infinitives a participle may come from, by every pack's ``participles.csv``: an
    irregular participle as a whole word, else its ending replaced ("operado" -> operar;
    "detenido" -> detener, detenir)."""
    rows = [r for pack in all_packs() for r in pack.rows("participles.csv")]
    whole = tuple(r["infinitive"] for r in rows if r["kind"] == "word" and r["participle"] == participle)
    return whole or tuple(participle[:-len(r["participle"])] + r["infinitive"] for r in rows
                          if r["kind"] == "ending" and participle.endswith(r["participle"]))


def verb_lemmas(token: Token) -> tuple[str, ...]:
    """The lemma of a verb, and for a participle the model tagged as an adjective (whose
    lemma is the participle: "operado", "detenidos") the infinitives it may come from."""
    lemma = token.lemma_.lower()
    if token.pos_ != "ADJ" or not _participle(token):
        return (lemma,)
    return (lemma, *_infinitives(lemma, registry_version()))


def _coordination(verb: Token) -> list[Token]:
    """The verbs coordinated with ``verb`` ("arrested, handcuffed and detained"), itself included."""
    top = verb
    while top.dep_ == "conj" and top.head.i != top.i and top.head.pos_ in ("VERB", "AUX"):
        top = top.head
    out, todo = [], [top]
    while todo:
        node = todo.pop()
        out.append(node)
        todo.extend(c for c in node.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
    return out


def _shared_agents(verb: Token) -> list[Token]:
    """The agent of a passive verb coordinated with ``verb`` that shares its subject: "was
    arrested and detained by ICE" (the agent hangs on the last verb), "was tailed by ICE and
    detained at a store" (on the first)."""
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children) and verb.dep_ == "conj":
        return []
    return [a for other in _coordination(verb) if other.i != verb.i and is_passive(other)
            and (other.dep_ != "conj" or not any(c.dep_ in _SUBJECT_DEPS for c in other.children))
            for a in _agents(other)]


def _agents(verb: Token) -> list[Token]:
    """Who acts in a passive: the English parser's ``agent``, or an argument whose case
    marker is an agent preposition (``agent_preps.txt``: "por"; the Spanish model labels
    "por ICE" an oblique or an object)."""
    found = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return found + [c for c in verb.children if c.dep_ in ("obl:agent", "obl", "obj") and case_of(c) in union("agent_preps")]


def subjects(verb: Token, depth: int = 0, authored: frozenset[str] = frozenset()) -> list[Token]:
    """The tokens that act in a verb's event (before conjunct expansion). ``authored``:
    nouns whose authors act through them ("the motion to end X")."""
    if is_passive(verb):
        return _agents(verb) or _shared_agents(verb)
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    relatives = union("relatives")
    if len(own) > 1:  # "los datos, que X entregó": a clause has one subject; the relative is the object
        own = [c for c in own if c.lower_ not in relatives] or own
    if own:
        if own[0].lower_ in relatives and verb.dep_ in ("relcl", "acl:relcl", "acl"):
            return [verb.head]
        return own
    if depth > 3:
        return []
    if verb.dep_ in ("relcl", "acl:relcl"):
        return [verb.head]
    if verb.dep_ == "pcomp" and verb.head.lower_ in union("gerund_preps"):
        # "condemns X for sharing …", "accusing X of passing …": the gerund's subject is the object
        if verb.head.head.pos_ in ("VERB", "AUX"):
            return [c for c in verb.head.head.children if c.dep_ in ("dobj", "obj")]
        if verb.head.head.dep_ in ("dobj", "obj"):  # the parser hung "of passing" on the object
            return [verb.head.head]
    if verb.dep_ == "pcomp" and verb.head.lower_ in union("means_preps") and verb.head.head.pos_ in ("VERB", "AUX"):
        # "colluded with ICE by providing …": whoever acts acts by the gerund
        return subjects(verb.head.head, depth + 1, authored)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in union("claim_verbs"):
        # "acusa a X de pasar datos": the one accused is the subject of what they are accused of
        return [c for c in verb.head.children if c.dep_ in _OBJECT_DEPS]
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        if is_passive(verb.head):  # "X was questioned by ICE and then arrested Y": X, not ICE
            return patients(verb.head)
        return subjects(verb.head, depth + 1, authored)
    if verb.dep_ == "acl" and verb.head.lower_ in authored and verb.head.dep_ in ("dobj", "obj") \
            and verb.head.head.pos_ in ("VERB", "AUX"):
        # "co-wrote the motion to end X", "started petitions urging X to stop …"
        return subjects(verb.head.head, depth + 1, authored)
    return []


def patients(verb: Token) -> list[Token]:
    """The direct object of a verb, or what a passive verb is about."""
    if is_passive(verb):
        if verb.dep_ in ("acl", "amod"):
            return [verb.head]
        # the subject of a passive the parser did not label so ("fue detenida por ICE")
        found = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj:pass")] or [
            c for c in verb.children if c.dep_ == "nsubj"]
        if found and found[0].lower_ in union("relatives") and verb.dep_ == "relcl":
            return [verb.head]
        if not found and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            return patients(verb.head)  # "was detained by ICE … and has been detained at Y"
        return found
    markers = union("object_markers")
    found = [c for c in verb.children if c.dep_ in _OBJECT_DEPS and (case_of(c) is None or case_of(c) in markers)]
    subjects_ = [c for c in verb.children if c.dep_ == "nsubj"]
    relatives = union("object_relatives")
    if not found and len(subjects_) > 1:  # the relative the parser took for a second subject
        found = [c for c in subjects_ if c.lower_ in relatives]
    if found and found[0].lower_ in relatives and verb.dep_ in ("relcl", "acl:relcl", "acl"):
        return [verb.head]  # "the center, which GEO Group runs", "los datos, que X entregó"
    if not found and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in union("aspect_verbs"):
        # "volvió a detener a X": the parser hangs the infinitive's object on the verb of aspect
        found = [c for c in verb.head.children if c.i > verb.i and c.dep_ in (*_OBJECT_DEPS, "obl")
                 and (case_of(c) in markers or (case_of(c) is None and c.dep_ != "obl"))]
    return found


def _holders(verb: Token) -> list[Token]:
    """The verb and the words its prepositional objects may hang from: its direct object,
    particle, and an open complement's object (the parser's "shared booking data with X")."""
    out = [verb]
    for c in verb.children:
        if c.dep_ in ("dobj", "prt") or (c.dep_ == "obj" and case_of(c) is None):
            out.append(c)
            # "served a notice to appear on X"
            out.extend(g for g in c.children if g.dep_ in ("acl", "relcl") and g.pos_ == "VERB")
        elif c.dep_ == "xcomp" and c.tag_ in ("VBG", "VBN"):
            out.append(c)
            out.extend(g for g in c.children if g.dep_ == "dobj")
    return out


def _prepositional_nouns(verb: Token) -> list[Token]:
    """The nouns a verb's prepositions govern ("held [in detention]", "held [as detainees]")."""
    return [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"] + [
        c for c in verb.children if c.dep_ in ("obl", "nmod") and c.pos_ == "NOUN"]


def _requesters(verb: Token, pack: LanguagePack) -> list[Token]:
    """"handed the records over at the request of ICE", "los entregaron a pedido de la
    agencia": who asked, and so receives (``request_nouns.txt`` after ``request_preps.txt``,
    the one asking after ``genitive_preps.txt``)."""
    out: list[Token] = []
    genitives = pack.lines("genitive_preps")
    for prep in pack.lines("request_preps"):  # on the verb or its object ("ran searches at X's request")
        for noun in (n for holder in _holders(verb) for n in prep_objects(holder, prep)):
            if noun.lemma_.lower() in pack.request_nouns or noun.lower_ in pack.request_nouns:
                out += [p for of in genitives for p in prep_objects(noun, of)]
                out += [c for c in noun.children if c.dep_ in ("poss", "nmod:poss") and c.pos_ != "PRON"]
    for c in verb.children:  # "a pedido de X" read as one fixed expression: X hangs on the verb
        if any(f.dep_ == "fixed" and f.lower_ in pack.request_nouns for f in c.children):
            out += [o for holder in (verb, c) for o in holder.children
                    if o.dep_ in _UD_ARGS and case_of(o) in genitives]
    return out


_UD_ARGS = ("obj", "obl", "nmod", "iobj")


def _object_nouns(verb: Token) -> list[Token]:
    """What a verb is done to: its objects, the nouns its objects' prepositions hang on, and
    the object of "with" ("complies with detainers", "provides ICE with data")."""
    nouns = patients(verb) + [h for h in _holders(verb)[1:] if h.pos_ in ("NOUN", "PROPN")]
    return nouns + [o for prep in union("with_preps") for o in prep_objects(verb, prep) if o.pos_ in ("NOUN", "PROPN")]


def _owners(verb: Token, pack: LanguagePack) -> list[Token]:
    """Whose the thing a verb is done to is: "ICE detainers", "ICE's requests", "detainers
    from ICE", "requests issued by ICE" (``owner_preps.txt``, ``standin_preps.txt``,
    ``agent_preps.txt``)."""
    out: list[Token] = []
    preps = {*pack.lines("owner_preps"), *pack.lines("standin_preps")}
    for noun in _object_nouns(verb):
        out += [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod:poss", "nmod") and c.pos_ != "PRON"
                and (c.dep_ != "nmod" or case_of(c) in preps)]
        out += [p for prep in preps for p in prep_objects(noun, prep)]
        out += [a for clause in noun.children if clause.dep_ == "acl" and is_passive(clause) for a in _agents(clause)]
    return out


def _intermediaries(verb: Token, pack: LanguagePack) -> list[Token]:
    """Who data passed through on its way ("passed data to ICE by way of X", "through X",
    "via X"; ``via_preps.txt``: one preposition, or a preposition, a noun and a preposition)."""
    out: list[Token] = []
    for entry in pack.lines("via_preps"):
        words = entry.lower().split()
        for holder in _holders(verb):
            if len(words) == 1:
                out += prep_objects(holder, words[0])
            elif len(words) == 3:
                out += [p for o in prep_objects(holder, words[0]) if o.lower_ == words[1] for p in prep_objects(o, words[2])]
    return out


def objects(verb: Token, spec: str, pack: LanguagePack) -> list[Token]:
    """The tokens a frame's object ``spec`` finds on a verb (``frames.csv``)."""
    if spec == "request":
        return _requesters(verb, pack)
    if spec == "owner":  # "honors ICE detainers", "complies with detainers from ICE": whose they are
        return _owners(verb, pack)
    if spec == "object_place":  # "raided a plant in Springdale": the place of what underwent it
        return [p for o in patients(verb) for prep in pack.lines("object_place_preps") for p in prep_objects(o, prep)]
    if spec in ("dobj", "obj"):
        return patients(verb)
    if spec == "dative":
        found = [c for c in verb.children if c.dep_ == "dative"]
        direct = sorted((c for c in verb.children if c.dep_ == "dobj"), key=lambda t: t.i)
        if len(direct) == 2:  # the double-object construction read as two objects: the first one receives
            found.append(direct[0])  # ("handed ICE the home addresses")
        # or as one, the receiver a modifier of the thing given ("gave ICE access"): right after the verb
        found += [c for d in direct if d.pos_ == "NOUN" for c in d.children
                  if c.dep_ == "compound" and c.i == verb.i + 1 == d.left_edge.i]
        return found
    if spec == "iobj":  # and a dative clitic the parser calls an object ("le entregó la información")
        return [c for c in verb.children if c.dep_ == "iobj" or (
            c.dep_ == "obj" and c.pos_ == "PRON" and c.lower_ in pack.datives)]
    if spec.startswith("prep:"):
        return [t for holder in _holders(verb) for t in prep_objects(holder, spec[5:])]
    return []


def _future(verb: Token, pack) -> bool:
    """A verb under an auxiliary of the future or of a hypothesis ("will", ``time_future.txt``)."""
    future = pack.words("time_future")
    return any(c.dep_ in ("aux", "aux:pass") and (c.lower_ in future or c.lemma_.lower() in future) for c in verb.children)


def _will_cease(verb: Token, pack) -> bool:
    """"will no longer hold people for X": a word of ending (``time_ended.txt``) under the
    future says the relation will not hold (in the present, "no longer shares", it held and has
    ended: the time of statements marks it so)."""
    ended = pack.words("time_ended")
    return _future(verb, pack) and any(
        c.dep_ == "advmod" and " ".join(t.lower_ for t in c.subtree) in ended for c in verb.children)


def negated(verb: Token, pack) -> bool:
    """A verb with a negation, or under a verb of refusal or under a negated verb, or in a
    clause of condition ("if ICE signed a contract with the company"), or that will cease
    ("will no longer hold"): none states a fact."""
    node = verb
    for _ in range(4):
        denied = any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in pack.negators) for c in node.children)
        if node is not verb and node.lemma_.lower() in pack.negation:
            # a stop denied goes on: "never stopped sharing", "no ha dejado de colaborar"
            return not (denied and node.lemma_.lower() in pack.halt_verbs)
        if denied or any(c.dep_ == "mark" and c.lower_ in pack.conditionals for c in node.children) or _will_cease(node, pack):
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj", "relcl", "acl") or node.head is node:
            return False
        node = node.head
    return False


def _examples(token: Token, pack: LanguagePack) -> list[Token]:
    """"agencies such as X and Y", "groups including X": the named examples (``example_preps.txt``:
    the preposition, after the words that must modify it)."""
    out: list[Token] = []
    for entry in pack.lines("example_preps"):
        *modifiers, prep = entry.lower().split()
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ == prep and all(any(g.lower_ == m for g in c.children) for m in modifiers):
                out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def expand_refs(ctx: SentenceContext, tokens: list[Token], stance: bool = False) -> list[Ref]:
    """Entities of argument tokens, their conjuncts and examples ("agencies such as X");
    for a stance (``stance``), also the body behind a thing ("X's policies", "raids by X")."""
    out: list[Ref] = []
    for t in tokens:
        for c in with_conjuncts(t):
            found = refs(ctx, c)
            if not found:  # "her husband, Tomas Delgado", "the company, GEO Group"
                for appos in (a for a in c.children if a.dep_ == "appos"):
                    for e in with_conjuncts(appos):
                        found.extend(refs(ctx, e))
            if not found and c.dep_ == "appos" and c.head.i != c.i:
                # "Tomas Ferrer, a man held at X", "Northgate Corrections, a company hired by ICE": the name beside it
                found.extend(refs(ctx, c.head))
            if not found:
                for example in _examples(c, ctx.pack):
                    for e in with_conjuncts(example):
                        found.extend(refs(ctx, e))
            if not found and stance and c.pos_ == "NOUN":
                # "the arrest of X by ICE": X underwent it; the one who did it is the body behind it
                pack = ctx.pack
                done_to = c.lemma_.lower() in pack.patient_nouns or c.lower_ in pack.patient_nouns
                # "X's policies": X is behind them; "X's deportation": X underwent it (rules.stance)
                owners = [] if done_to else [g for g in c.children if g.dep_ == "poss"]
                preps = pack.lines("agent_preps") if done_to else pack.lines("owner_preps")
                owners += [p for prep in preps for p in prep_objects(c, prep)]
                if done_to:  # "a manos de ICE"
                    owners += [p for m in c.children if m.lower_ in pack.words("hands") for prep in pack.lines("genitive_preps")
                               for p in prep_objects(m, prep)]
                for owner in owners:
                    for e in with_conjuncts(owner):
                        found.extend(refs(ctx, e))
            out.extend(found)
            if c.i in ctx.siblings:  # a list of names the parser read as something else
                out.extend(Ref(e) for e in ctx.siblings[c.i])
            out.extend(_stranded_conjunct(ctx, c))
    return list(dict.fromkeys(out))


def _stranded_conjunct(ctx: SentenceContext, token: Token) -> list[Ref]:
    """The second of two names joined by "and" that the parser left out of the coordination
    ("the contract with ICE and Stonebridge Inc.", the legal form read as the end of the
    sentence): the name right after the conjunction, when it heads no clause of its own
    and is no conjunct of anything."""
    entity = ctx.tokens.get(token.i)
    if entity is None:
        return []
    doc = ctx.sent.doc
    end = token.i
    while end + 1 < ctx.sent.end and ctx.tokens.get(end + 1) is entity:
        end += 1
    j = end + 1
    if j + 1 >= ctx.sent.end or doc[j].lower_ not in ctx.pack.conjunctions or doc[j].dep_ != "cc":
        return []
    other = ctx.tokens.get(j + 1)
    if other is None or other is entity:
        return []
    last = j + 1
    while last + 1 < ctx.sent.end and ctx.tokens.get(last + 1) is other:
        last += 1
    span = doc[j + 1:last + 1]
    if any(t.dep_ in ("conj", "nsubj", "nsubjpass", "nsubj:pass") or t.head.pos_ in ("VERB", "AUX") and t.head.i > last
           for t in span) or any(c.dep_ == "conj" for t in doc[token.i:end + 1] for c in t.children if c.i > end):
        return []
    return [Ref(other)]


_STANCES = frozenset({"opposes", "supports"})
_GROUPS = ("Organization", "GovernmentAgency", "Company")


def _has_data_object(verb: Token, pack, wanted: frozenset[str] | None = None) -> bool:
    """The verb's object is a data noun ("information", "booking data"), or one of ``wanted``."""
    wanted = pack.data_nouns if wanted is None else wanted
    nouns = _object_nouns(verb) + [c for c in verb.children if c.dep_ == "compound" and c.pos_ == "NOUN"]  # "forma parte de X"
    for noun in nouns:
        words = {noun.lower_, noun.lemma_.lower()} | {c.lower_ for c in noun.children if c.dep_ in ("compound",)}
        if words & wanted:
            return True
    return False


def _asks_to_halt(verb: Token, pack) -> bool:
    """"urged X to stop …": an open complement of stopping. The parser often hangs the
    complement of a participle on the verb above ("started petitions urging X to stop …")."""
    holders = [verb]
    if verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "obj") and verb.head.head.pos_ in ("VERB", "AUX"):
        holders.append(verb.head.head)
    return any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in pack.halt_verbs and c.i > verb.i
               for holder in holders for c in holder.children)


def _name_read_as_clause(ctx: SentenceContext, verb: Token) -> list[Token]:
    """The object of a verb when it is a name shaped like a clause ("joined Harbor Is Home",
    "backs Hands Off Our Homes"): the parser makes the name a complement clause, whose
    verb is then a word of the name."""
    return [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and c.i in ctx.tokens
            and ctx.tokens[c.i] is ctx.tokens.get(c.left_edge.i)]


def claimed(verb: Token, pack: LanguagePack) -> bool:
    """Whether a verb states what someone claims: it is in the complement of a verb of
    accusing or claiming ("accusing X of passing data to Y", "the lawsuit charges that X
    holds people for Y"; ``claim_verbs.txt``), or of a verb of saying whose subject is a
    document of dispute ("the lawsuit says that X …"; ``statement_verbs.txt``)."""
    node = verb
    for _ in range(5):
        if node.dep_ not in _CLAIM_PATH or node.head.i == node.i:
            return False
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in pack.words("claim_verbs") or lemma in pack.words("statement_verbs") and any(
                c.dep_ in ("nsubj", "nsubj:pass") and _claims_of(c, pack) for c in node.children):
            return True
    return False


#: the dependencies from a claim's verb up to the verb of claiming (never through a subject:
#: "X, who arrested Y, accused Z of …" does not allege the arrest)
_CLAIM_PATH = ("ccomp", "xcomp", "pcomp", "prep", "pobj", "dobj", "obj", "advcl", "conj", "obl", "acl", "mark")


def _claims_of(noun: Token, pack: LanguagePack) -> bool:
    """A noun of a document of dispute, whose claims are against someone (``nominal.csv``:
    ``@claim`` among its object prepositions: "lawsuit", "complaint")."""
    return any("@claim" in f.object_preps for f in pack.nominal_for(noun.lower_) or pack.nominal_for(noun.lemma_.lower()))


def document_authors(ctx: SentenceContext, verb: Token) -> list[Ref]:
    """Who acts through a document that is a verb's subject ("a report released by A, B and C
    condemns X", "the ACLU's letter urges X to stop", "a lawsuit by X accuses Y of …";
    ``authored_nouns.txt``): its authors named by a preposition of agency, a participle's
    agent, an owner or a name before it."""
    pack = ctx.pack
    out: list[Ref] = []
    for noun in (c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "NOUN"):
        if noun.lower_ not in pack.authored_nouns and noun.lemma_.lower() not in pack.authored_nouns:
            continue
        tokens = [p for prep in pack.lines("agent_preps") for p in prep_objects(noun, prep)]
        tokens += [a for clause in noun.children if clause.dep_ in ("acl", "relcl") and is_passive(clause)
                   for a in _agents(clause)]
        tokens += [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod:poss") and c.i in ctx.tokens]
        tokens += _object_relative_subjects(noun)
        out += [r for r in expand_refs(ctx, tokens) if r.entity.cls in _GROUPS or r.entity.cls == "Person"]
    return out


def _requirement_met(verb: Token, frame: Frame, pack: LanguagePack) -> bool:
    """Whether a verb meets what its frame requires of the verb itself (``frames.csv``)."""
    if frame.requires == "data":
        return _has_data_object(verb, pack)
    if frame.requires == "halt":
        return _asks_to_halt(verb, pack)
    if frame.requires.startswith("dobj:"):
        return _has_data_object(verb, pack, frozenset(frame.requires[5:].split("|")))
    return True


#: the classes that act as institutions: their staff's dealings with an agency are theirs
#: ("jail staff notify ICE", "the county's officers communicate with ICE"); a person's or a
#: civic group's are not collaboration
_NOT_INSTITUTIONS = ("Person", "Organization")


def _pair_allowed(frame: Frame, actor: Ref, target: Ref) -> bool:
    """Whether a frame's requirement on its two ends holds (``frames.csv``: ``agency``: both
    are agencies; ``institution``: an institution deals with an agency; ``person``: a person
    acts; ``class:A|B``: what undergoes is one of these classes)."""
    requires, a, b = frame.requires, actor.entity.cls, target.entity.cls
    if requires == "agency":
        return a == b == "GovernmentAgency"
    if requires == "institution":
        return b == "GovernmentAgency" and a not in _NOT_INSTITUTIONS
    if requires == "person":
        return a == "Person"
    if requires.startswith("class:"):
        return b in requires[6:].split("|")
    return True


def frame_targets(ctx: SentenceContext, verb: Token, frame: Frame) -> list[Ref]:
    """The entities a frame's objects name on a verb."""
    pack = ctx.pack
    found = [t for spec in frame.objects for t in objects(verb, spec, pack)]
    if frame.requires == "patient":  # "held in immigration detention at X", "held as detainees in X"
        found += [t for spec in frame.objects if spec.startswith("prep:")
                  for noun in _prepositional_nouns(verb) for t in prep_objects(noun, spec[5:])]
    if not found and frame.objects[:1] in (("dobj",), ("obj",)):
        found = _name_read_as_clause(ctx, verb)
    return expand_refs(ctx, found, stance=frame.predicate in _STANCES and frame.requires != "direct")


def _may_be_verb(token: Token, pack: LanguagePack) -> bool:
    """A verb, or a participle (by its morphology) that may be one; the costly morphology is
    read only for a token whose lemma could name a frame (an adjective's participle may
    stand for an infinitive that does: :func:`verb_lemmas`)."""
    pos = token.pos_  # read once: asked of every token of every sentence
    if pos in ("VERB", "AUX") or token.tag_ == "VBN":
        return True
    if pos != "ADJ" and not pack.frames_for(token.lemma_.lower()):
        return False  # no frame for its lemma: it gives nothing, participle or not
    return _participle(token)


@register("rules.frame.verb.v1", Level.SENTENCE, from_packs(lambda pack: (f.predicate for f in pack.frames)))
def verb_frames(ctx: SentenceContext) -> Iterator[Relation]:
    """A verb that states a relation (``frames.csv``): "X shared records with Y", "Y was sued by X", "the center run by X".

    Its subject acts and its object (or the object of a given preposition) undergoes,
    through passives (their agent shared across coordinated verbs), relative clauses,
    control and conjoined verbs, and the authors of a document that is the subject ("a
    report released by A and B condemns X"); a negated or refused verb states nothing, and
    one inside an accusation is alleged.
    """
    pack = ctx.pack
    for verb in ctx.words:
        if not _may_be_verb(verb, pack):
            continue
        frames = next((f for lemma in verb_lemmas(verb) if (f := pack.frames_for(lemma))), ())
        if not frames or negated(verb, pack):
            continue
        agents = expand_refs(ctx, subjects(verb, authored=pack.authored_nouns)) or document_authors(ctx, verb)
        undergoers = expand_refs(ctx, patients(verb))
        how = "alleged" if claimed(verb, pack) else None
        for frame in frames:
            actors = undergoers if frame.requires == "patient" else agents
            if frame.requires == "data":  # "passed data to ICE by way of X": X passed it too
                actors = list(dict.fromkeys(actors + expand_refs(ctx, _intermediaries(verb, pack))))
            if not actors or not _requirement_met(verb, frame, pack):
                continue
            targets = frame_targets(ctx, verb, frame)
            for actor in actors:
                for target in targets:
                    if not _pair_allowed(frame, actor, target) or same_list(ctx, actor.entity, target.entity):
                        continue
                    subject, obj = (target, actor) if frame.inverse else (actor, target)
                    relation = make_relation(ctx, subject, frame.predicate, obj, "rules.frame.verb.v1", modality=how)
                    if relation is not None:
                        yield relation


def _between(noun: Token, pack: LanguagePack) -> tuple[list[Token], list[Token]]:
    """"a contract between X and Y": X acts, Y is the other party (``between_preps.txt``)."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in pack.words("between_preps"):
            pobjs = [p for p in c.children if p.dep_ == "pobj"]
            if pobjs:
                parties = with_conjuncts(pobjs[0])
                if len(parties) >= 2:
                    return parties[:1], parties[1:]
    return [], []


def _governing_verbs(noun: Token) -> list[Token]:
    """Verbs whose subject holds the relation a noun names: "X filed a lawsuit", "the suit
    filed by X", "contracts that X holds"."""
    out = []
    if noun.dep_ in ("dobj", "obj", "attr") and case_of(noun) is None and noun.head.pos_ in ("VERB", "AUX"):
        out.append(noun.head)
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        out.append(noun.head.head)  # "stands in solidarity with X"
    out.extend(c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX"))
    if noun.dep_ == "nsubjpass":
        out.append(noun.head)
    return out


def _controllers(verb: Token) -> list[Token]:
    """The object of the verb above an open complement, which is the complement's subject
    ("urged the county to end the contract with X", "instó a la oficina a cancelar el
    contrato con X": the county's contract, not the urger's)."""
    if verb.dep_ != "xcomp" or verb.head.pos_ not in ("VERB", "AUX"):
        return []
    return [c for c in verb.head.children if c.i < verb.i and (
        c.dep_ in ("dobj", "obj") or (c.dep_ == "iobj" and case_of(c) in union("object_markers")))]


def _object_relative_subjects(noun: Token) -> list[Token]:
    """The subject of a relative clause whose gap is ``noun`` as object ("the lawsuit [that]
    X brought against Y": the clause has a subject of its own and no object)."""
    for clause in (c for c in noun.children if c.dep_ in ("relcl", "acl:relcl") and c.pos_ in ("VERB", "AUX")):
        relatives = union("object_relatives")
        if any(c.dep_ in ("dobj", "obj") and c.lower_ not in relatives for c in clause.children) or is_passive(clause):
            continue
        own = [c for c in clause.children if c.dep_ == "nsubj" and c.lower_ not in union("relatives")]
        if own:
            return own
    return []


#: what an agreement states only while it is in force: one that a sentence proposes or decides
#: to end ("voted to end the county's agreement with X", "by stopping all collaboration with
#: X"; ``halt_verbs.txt``) is no fact of cooperation; one that has ended ("ended its agreement
#: with X in 2020") was in force, and the time of statements marks it ended; one a sentence
#: demands to end is in force; a contract that is ended was still held
_WHILE_IN_FORCE = frozenset({"collaboratesWith", "sharedDataWith"})


def _realized(verb: Token, pack) -> bool:
    """A verb that states what happens or happened: finite ("ends", "ended"), or a participle
    with a finite auxiliary ("has ended", "was terminated"), not under the future or a modal
    ("will end", "could end"); an infinitive or a gerund ("voted to end", "by ending") is not."""
    if _future(verb, pack) or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    if "Fin" in verb.morph.get("VerbForm", []):
        return True
    return _participle(verb) and any(c.dep_ in ("aux", "auxpass", "aux:pass") and "Fin" in c.morph.get("VerbForm", [])
                                     for c in verb.children)


def _ends_unrealized(verb: Token, frame: NominalFrame, ctx: SentenceContext) -> bool:
    """An agreement (``_WHILE_IN_FORCE``) under a verb of ending that is only proposed or decided."""
    return (frame.predicate in _WHILE_IN_FORCE and verb.lemma_.lower() in ctx.pack.halt_verbs
            and ctx.modality != "demanded" and not _realized(verb, ctx.pack))


def _claimed_parties(noun: Token, pack: LanguagePack) -> list[Token]:
    """Whom a document of dispute makes its claim of: the subject of what it charges or says
    ("the lawsuit charges that X …", "the complaint says X …") or the one it accuses ("the
    lawsuit accuses X of …"; ``claim_verbs.txt``, ``statement_verbs.txt``)."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubj:pass") or verb.i == noun.i:
        return []
    lemma = verb.lemma_.lower()
    if lemma not in pack.words("claim_verbs") and lemma not in pack.words("statement_verbs"):
        return []
    out = [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubj:pass")]
    return out + [c for c in verb.children if c.dep_ in _OBJECT_DEPS and lemma in pack.words("claim_verbs")]


def _nominal_arguments(ctx: SentenceContext, noun: Token, frame: NominalFrame) -> tuple[list[Token], list[Token]]:
    """The tokens for who acts and who undergoes in what a noun of ``frame`` names ("a
    contract between X and Y", "X's contract with Y", "an ICE raid", "the lawsuit filed by X
    against Y"); when a verb governing the noun is negated, only a raid's place remains."""
    subj_tokens, obj_tokens = _between(noun, ctx.pack)
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i in ctx.tokens
                 and ctx.tokens[c.i].cls != "Place" and case_of(c) is None]
    if not subj_tokens:
        subj_tokens = [c for c in noun.children if c.dep_ == "poss"]
        if subj_tokens and frame.modifier_is_party:  # "its ICE contract": ICE is the other party
            obj_tokens = list(modifiers)
    if not subj_tokens:  # "an EEOC suit", "the ACLU lawsuit", "an ICE raid"
        subj_tokens = modifiers
    if not subj_tokens:  # "the raid by ICE", "la redada de ICE"
        subj_tokens = [t for prep in frame.subject_preps for t in prep_objects(noun, prep)]
    if not subj_tokens:  # "a lawsuit X brought against Y": X, not the subject of the clause around
        subj_tokens = _object_relative_subjects(noun)
    obj_tokens += [p for prep in frame.object_preps for p in prep_objects(noun, prep)]
    if "@claim" in frame.object_preps:  # "a lawsuit … charges that X is holding people": X
        obj_tokens += _claimed_parties(noun, ctx.pack)
    for verb in _governing_verbs(noun):
        if negated(verb, ctx.pack) or _ends_unrealized(verb, frame, ctx):
            obj_tokens = []
            break
        if not subj_tokens:
            subj_tokens = _controllers(verb) or (subjects(verb) if verb.dep_ != "acl" or is_passive(verb) else [])
        obj_tokens += [p for prep in frame.object_preps for p in prep_objects(verb, prep)]
    if frame.predicate == "raided":  # "a raid on a plant in Gainesville": the site's place too
        obj_tokens += [p for t in [noun, *obj_tokens] for prep in ctx.pack.lines("in_preps") for p in prep_objects(t, prep)]
    return subj_tokens, obj_tokens


@register("rules.frame.nominal.v1", Level.SENTENCE, from_packs(lambda pack: (f.predicate for f in pack.nominal)))
def nominal_frames(ctx: SentenceContext) -> Iterator[Relation]:
    """A noun that states a relation (``nominal.csv``): "the county's contract with ICE", "a lawsuit by X against Y"."""
    pack = ctx.pack
    for noun in ctx.words:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for frame in pack.nominal_for(noun.lower_) or pack.nominal_for(noun.lemma_.lower()):
            subj_tokens, obj_tokens = _nominal_arguments(ctx, noun, frame)
            actors = expand_refs(ctx, subj_tokens)
            targets = expand_refs(ctx, obj_tokens, stance=frame.predicate in _STANCES)
            for actor in actors:
                for target in targets:
                    if same_list(ctx, actor.entity, target.entity):
                        continue
                    relation = make_relation(ctx, actor, frame.predicate, target, "rules.frame.nominal.v1", 0.65)
                    if relation is not None:
                        yield relation


def _adjacent_frame(frame: Frame) -> bool:
    """A direct-object frame that requires nothing of the verb beyond its two ends."""
    return frame.objects[:1] in (("dobj",), ("obj",)) and (
        not frame.requires or frame.requires in ("agency", "institution", "person") or frame.requires.startswith("class:"))


#: what the parser makes of a verb it did not see as one ("The X Jail alerts ICE": a compound)
_NOT_CLAUSES = ("compound", "amod", "nmod", "npadvmod")


def _verb_lemmas(token: Token, pack: LanguagePack) -> list[str]:
    """The lemma of a verb the parser took for a noun: its lemma, and its form with a verb
    ending undone ("notifies" -> "notify"; ``verb_inflections.csv``)."""
    out = [token.lemma_.lower()]
    for row in pack.rows("verb_inflections.csv"):
        if token.lower_.endswith(row["ending"]):
            out.append(token.lower_[:-len(row["ending"])] + row["lemma_ending"])
    return list(dict.fromkeys(out))


@register("rules.frame.adjacent.v1", Level.SENTENCE, from_packs(lambda pack: (
    f.predicate for f in pack.frames if _adjacent_frame(f))))
def adjacent_frames(ctx: SentenceContext) -> Iterator[Relation]:
    """A verb the parser missed between two names: "The Eastside Tenants Committee denounces ICE" (tagged as a noun).

    Subject, finite verb of a direct-object frame and object, adjacent in that order (only
    a determiner may stand before the object).
    """
    pack = ctx.pack
    doc = ctx.sent.doc
    start, end = ctx.sent.start, ctx.sent.end
    # the words right after a word of a name of the sentence (the cheap test first: no name
    # right before a word, nothing), in order
    for token in (ctx.words[t.i + 1 - start] for t, _ in ctx.named if t.i + 1 < end):
        if token.i in ctx.tokens or token.tag_ not in ("VBZ", "VBD", "NNS", "NN") or (
                token.pos_ in ("VERB", "AUX") and token.dep_ not in _NOT_CLAUSES):
            continue
        if not token.lower_.endswith(pack.lines("verb_endings")):
            continue
        frames = [f for lemma in _verb_lemmas(token, pack) for f in pack.frames_for(lemma) if _adjacent_frame(f)]
        if not frames:
            continue
        j = token.i + 1
        while j < ctx.sent.end and doc[j].lower_ in pack.words("determiners") and j not in ctx.tokens:
            j += 1
        if j >= ctx.sent.end or j not in ctx.tokens:
            continue
        actor, target = Ref(ctx.tokens[token.i - 1]), Ref(ctx.tokens[j])
        for frame in (f for f in frames if _pair_allowed(f, actor, target)):
            subject, obj = (target, actor) if frame.inverse else (actor, target)
            relation = make_relation(ctx, subject, frame.predicate, obj, "rules.frame.adjacent.v1", 0.55)
            if relation is not None:
                yield relation


def _together_with(verb: Token, subjects_: list[Token], pack: LanguagePack) -> list[Token]:
    """Who acts together with the subjects: "X, together with Y, filed", "filed by X together
    with Y" (a preposition of ``with_preps.txt`` modified by an adverb of ``joint_adverbs.txt``,
    on the verb or on a subject)."""
    joint = pack.words("joint_adverbs")
    return [p for holder in [verb, *subjects_] for prep in pack.lines("with_preps") for p in prep_objects(holder, prep)
            if any(a.dep_ == "advmod" and a.lower_ in joint for a in p.head.children)]


@register("rules.frame.joint.v1", Level.SENTENCE, ("collaboratesWith",))
def joint_action(ctx: SentenceContext) -> Iterator[Relation]:
    """Groups that act jointly collaborate: "X, Y and Z jointly produced the report", "X, together with Y, filed".

    The conjoined subjects of a verb of joint work (``joint_verbs.txt``: "co-sign") or of a
    verb with an adverb of jointness (``joint_adverbs.txt``: "X and Y jointly filed a
    lawsuit"), and whoever acts "together with" them; names merely listed as the subjects of
    "filed" or "published" are parties listed together, not collaborators.
    """
    pack = ctx.pack
    # every token read here (the verbs, their children, the objects of their prepositions) is a
    # token of the sentence, so an adverb of jointness is a stretch of the sentence's text in
    # lower case (but for a Greek final sigma): without one, only a verb of joint work may give
    # anything. The sentence's text is read from the document's (``Doc.text`` joins every token
    # of the passage anew)
    lowered = ctx.text[ctx.start:ctx.end].lower()
    adverbs = any(word in lowered for word in pack.words("joint_adverbs"))
    for verb in ctx.words:
        if verb.pos_ not in ("VERB", "AUX") or not (adverbs or verb.lemma_.lower() in pack.joint_verbs):
            continue
        own = _agents(verb) if is_passive(verb) else [c for c in verb.children if c.dep_ == "nsubj"]
        partners = _together_with(verb, own, pack)
        joint = verb.lemma_.lower() in pack.joint_verbs or any(  # not a word of a name ("X Families Together")
            c.lower_ in pack.words("joint_adverbs") and c.i not in ctx.tokens for c in verb.children)
        if (not joint and not partners) or negated(verb, pack):
            continue
        actors = [r for r in expand_refs(ctx, own + partners) if r.entity.cls in _GROUPS and r.via != "coref"]
        for i, a in enumerate(actors):
            for b in actors[i + 1:]:
                relation = make_relation(ctx, a, "collaboratesWith", b, "rules.frame.joint.v1", 0.55)
                if relation is not None:
                    yield relation
