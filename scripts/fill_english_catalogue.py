"""English is the source language of Ieum's messages: its catalogue takes each msgid as is.

Run by `make messages` after makemessages, so the English catalogue is complete by construction.
"""

from __future__ import annotations

import sys

import polib


def fill(path: str) -> int:
    catalogue = polib.pofile(path)
    changed = 0
    for entry in catalogue:
        if entry.obsolete:
            continue
        # Always the source text itself: a fuzzy guess from a similar old message is never right.
        if entry.msgid_plural:
            wanted = {0: entry.msgid, 1: entry.msgid_plural}
            if entry.msgstr_plural != wanted:
                entry.msgstr_plural = wanted
                changed += 1
        elif entry.msgstr != entry.msgid:
            entry.msgstr = entry.msgid
            changed += 1
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
        entry.previous_msgid_plural = None
    catalogue.metadata["Language"] = "en"
    catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    catalogue.save(path)
    return changed


if __name__ == "__main__":
    for target in sys.argv[1:]:
        print(f"{target}: {fill(target)} entries filled")
