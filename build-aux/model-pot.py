#!/usr/bin/env python3
# model-pot.py: the display strings of a Demarc model file as a POT fragment
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: model-pot.py MODEL.json OUTPUT.pot [REFERENCE]
#
# Each kind of string gets its own msgctxt ("model band", "model layer"…),
# the same context the loader passes to g_dpgettext2 (), so a layer called
# "Shared" and the owner label "Shared" can be translated differently.
# po/meson.build runs this at configure time and hands the fragment to
# xgettext as one more input, so `ninja demarc-pot` keeps these strings.
# Ids, URLs and AWS service names are not extracted: they are not prose.

import json
import sys

# (list key in the model, context, fields of each entry to extract).
# The per-layer reasons of each service (~600) are translated by the loader
# too ("model reason"); they are not offered yet: add
# ("services", "model reason", …) with a walk of each service's "layers".
KINDS = [
    ("bands", "model band", ["name", "description"]),
    ("layers", "model layer", ["name", "description", "customer_tasks"]),
    ("categories", "model category", ["name", "description"]),
    ("groups", "model group", ["name", "description"]),
    ("control_kinds", "model control kind", ["name", "description", "examples"]),
    ("security_services", "model security service", ["description"]),
    ("common_layers", "model reason", ["reason"]),
    ("services", "model service", ["summary"]),
    # The checklist's account-wide duties (branch "checklist").
    ("responsibilities", "model responsibility", ["title", "description"]),
]


def po_quote(text):
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\n", "\\n").replace("\t", "\\t")
    return '"' + text + '"'


def collect(model):
    seen = {}
    order = []

    def add(context, text, where):
        if not isinstance(text, str) or not text.strip():
            return
        key = (context, text)
        if key not in seen:
            seen[key] = []
            order.append(key)
        seen[key].append(where)

    for field in ("name", "description"):
        add("model", model.get(field), "model/" + field)

    for key, context, fields in KINDS:
        for index, entry in enumerate(model.get(key) or []):
            if not isinstance(entry, dict):
                continue
            ident = entry.get("id") or entry.get("layer") or str(index)
            for field in fields:
                value = entry.get(field)
                values = value if isinstance(value, list) else [value]
                for text in values:
                    add(context, text, "%s/%s/%s" % (key, ident, field))
    return order, seen


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: model-pot.py MODEL.json OUTPUT.pot [REFERENCE]\n")
        return 2
    with open(argv[1], encoding="utf-8") as f:
        model = json.load(f)
    reference = argv[3] if len(argv) > 3 else "data/model/aws.json"
    order, seen = collect(model)

    out = ['msgid ""', 'msgstr ""',
           '"Content-Type: text/plain; charset=UTF-8\\n"',
           '"Content-Transfer-Encoding: 8bit\\n"', ""]
    for context, text in order:
        out.append("#. Translators: model text (%s)" % ", ".join(seen[(context, text)][:3]))
        out.append("#: " + reference)
        out.append("msgctxt " + po_quote(context))
        out.append("msgid " + po_quote(text))
        out.append('msgstr ""')
        out.append("")
    with open(argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
