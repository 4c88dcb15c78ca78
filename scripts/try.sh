#!/usr/bin/env bash
# Try incident on a fresh Debian or Ubuntu machine that has only the Swift toolchain: install what is
# missing, build, and record an incident in the practice register. The real register is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v swift >/dev/null 2>&1 || { echo "try.sh: needs the Swift toolchain (swift) on the PATH" >&2; exit 1; }
need=()
[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${need[@]}"
fi

swift build --product incident
incident="$PWD/.build/debug/incident"

# Everything below goes to the practice register, never to the real one.
export INCIDENT_DB=practice
id=$("$incident" log --title "Phishing of a support agent" \
    --nature "An agent's credentials were phished and used to read chat transcripts" \
    --aware-at now --data-category chat-transcripts --subject-category end-users)
"$incident" show "$id"
echo
echo "Logged $id in the practice register, $("$incident" practice path)."
echo "Your real register was not touched. To go on trying (the README's tour does):"
echo "  export PATH=\"$PWD/.build/debug:\$PATH\" INCIDENT_DB=practice"
echo "To throw the practice register away: incident practice discard"
