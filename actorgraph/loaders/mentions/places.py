"""Places: a USPS state code after a place ("Springfield, KY") names the state."""

from __future__ import annotations

import re

from actorgraph.loaders import data_tables
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.model import Mention

_STATE_CODE = re.compile(r",\s*([A-Z]{2})(?![\w-])")


@register("mentions.place.state_code.v1")
def state_codes(ctx: MentionContext) -> list[Mention]:
    """"Springfield, KY": a USPS code after a place names the state."""
    codes = data_tables.us_states()
    out = []
    for m in ctx.found:
        if m.cls != "Place":
            continue
        match = _STATE_CODE.match(ctx.text, m.end)
        if match and match.group(1) in codes:
            out.append(Mention(match.start(1), match.end(1), match.group(1), "Place", "rules.state_code.v1", 0.9,
                               codes[match.group(1)]))
    return out
