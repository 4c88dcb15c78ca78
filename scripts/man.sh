#!/usr/bin/env bash
# Regenerates docs/man/incident.1 with swift-argument-parser's generate-manual plugin.
#   bash scripts/man.sh           # write docs/man/incident.1
#   bash scripts/man.sh --check   # exit 1 when the checked-in page is not what the code generates
#
# generate-manual keeps ASCII only: it drops §, → and … from the help texts. The page is fixed up from
# the same help texts (`incident --experimental-dump-help`): every line that lost a character gets it back
# as a roff escape (\(sc, \(->, \[u2026]), which man renders in any locale. Blank lines become .Pp.
set -euo pipefail
cd "$(dirname "$0")/.."

swift package plugin generate-manual --configuration debug >&2
generated=.build/plugins/GenerateManual/outputs/incident/incident.1
dump=$(mktemp)
fixed=$(mktemp)
trap 'rm -f "$dump" "$fixed"' EXIT
.build/debug/incident --experimental-dump-help > "$dump"

python3 - "$dump" "$generated" "$fixed" <<'PY'
import json, sys

dump, generated, fixed = sys.argv[1:]
named = {"§": r"\(sc", "→": r"\(->"}

def roff(text):
    return "".join(named.get(c, "\\[u%04X]" % ord(c)) if ord(c) > 127 else c for c in text)

def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values(): yield from strings(item)
    elif isinstance(value, list):
        for item in value: yield from strings(item)

# Each text line that holds a non-ASCII character, as the generator wrote it and as it should read.
pairs = {}
for text in strings(json.load(open(dump))):
    for line in [text] + text.split("\n"):
        if any(ord(c) > 127 for c in line):
            stripped = "".join(c for c in line if ord(c) < 128)
            for escape in (lambda s: s.replace("\\", r"\e"), lambda s: s.replace("\\", r"\e").replace('"', r"\(dq")):
                pairs[escape(stripped)] = roff(escape(line))
page = open(generated).read()
missing = []
for stripped, restored in sorted(pairs.items(), key=lambda p: -len(p[0])):
    if len(stripped.strip()) < 8:
        continue
    page = page.replace(stripped, restored)
for stripped, restored in pairs.items():
    if len(stripped.strip()) >= 8 and stripped in open(generated).read() and restored not in page:
        missing.append(stripped)
# A blank line is not valid mdoc (groff warns "Empty input line"); a paragraph break is what it means.
page = "\n".join(".Pp" if line == "" else line for line in page.rstrip("\n").split("\n")) + "\n"
if missing or any(ord(c) > 127 for c in page):
    sys.exit("man.sh: could not restore: %r" % missing)
open(fixed, "w").write(page)
PY

if [ "${1:-}" = "--check" ]; then
    # The date line changes every day; everything else must match.
    if ! diff <(grep -v '^\.Dd ' docs/man/incident.1) <(grep -v '^\.Dd ' "$fixed"); then
        echo "docs/man/incident.1 is not current: run bash scripts/man.sh" >&2
        exit 1
    fi
    echo "docs/man/incident.1 is current"
else
    mkdir -p docs/man
    cp "$fixed" docs/man/incident.1
    echo "wrote docs/man/incident.1"
fi
