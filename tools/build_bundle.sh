#!/usr/bin/env bash
# Build the one-folder bundle (build.spec) and test the frozen programs: `canbo-desktop --smoke` offscreen (demo
# database, migrations, search, one PDF, the main window once) and the frozen `canbo` CLI (--version, demo,
# report targets --json/--pdf). Prints the build time and the folder size. Used by `make bundle` and .ci/run.
#
#   tools/build_bundle.sh            # build into dist/canbo-desktop, then test it
#   tools/build_bundle.sh --no-build # only test an existing dist/canbo-desktop
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
DIST=${DIST:-dist}
WORK=${WORK:-build/pyinstaller}
BUNDLE="$DIST/canbo-desktop"
build=1
[[ "${1:-}" == "--no-build" ]] && build=0

if ((build)); then
  start=$(date +%s)
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath "$WORK" build.spec
  echo "bundle: PyInstaller build took $(( $(date +%s) - start )) s"
fi
[[ -x "$BUNDLE/canbo-desktop" && -x "$BUNDLE/canbo" ]] || { echo "bundle: $BUNDLE/canbo-desktop or canbo is missing" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Everything the frozen programs write (settings, log, databases) stays in the temporary folder.
export CANBO_DATA_DIR="$tmp/data" XDG_CONFIG_HOME="$tmp/config" QT_QPA_PLATFORM=offscreen
unset CANBO_DB CANBO_USER CANBO_PASSWORD

start=$(date +%s)
out=$("$BUNDLE/canbo-desktop" --smoke 2>"$tmp/smoke.err") || { cat "$tmp/smoke.err" >&2; echo "bundle: frozen --smoke FAILED" >&2; exit 1; }
echo "$out"
grep -q "window=True" <<<"$out" || { echo "bundle: the frozen main window or its SVG icon failed" >&2; exit 1; }
grep -Eq "built=[0-9]{2}/[0-9]{2}/[0-9]{4}" <<<"$out" || { echo "bundle: resources/build-info.json is missing" >&2; exit 1; }
grep -q "drivers=sqlite3" <<<"$out" || { echo "bundle: the SQLite driver is missing" >&2; exit 1; }
echo "bundle: frozen canbo-desktop --smoke passed in $(( $(date +%s) - start )) s"

version=$("$BUNDLE/canbo" --version)
[[ "$version" == "canbo $("$PY" -c 'import canbo_desktop; print(canbo_desktop.__version__)')" ]] \
  || { echo "bundle: unexpected 'canbo --version': $version" >&2; exit 1; }
"$BUNDLE/canbo" --db "$tmp/demo.db" demo --size small --quiet
export CANBO_USER=admin CANBO_PASSWORD=canbo2026  # the demo's administrator (README): a real Argon2 login
"$BUNDLE/canbo" --db "$tmp/demo.db" report targets --json >"$tmp/targets.json"
"$PY" - "$tmp/targets.json" <<'PYEOF'
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
assert rows and all("indicator" in r for r in rows), "report targets --json returned no indicators"
print(f"bundle: frozen 'canbo report targets --json': {len(rows)} rows, first: {rows[0]['name']} = {rows[0]['value']}")
PYEOF
"$BUNDLE/canbo" --db "$tmp/demo.db" report targets --pdf "$tmp/targets.pdf" >/dev/null
if command -v pdftotext >/dev/null; then
  pdftotext "$tmp/targets.pdf" "$tmp/targets.txt"
  grep -q "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "$tmp/targets.txt" \
    || { echo "bundle: the frozen report PDF lacks its Vietnamese heading" >&2; exit 1; }
fi
echo "bundle: frozen canbo CLI passed ($version; report PDF $(stat -c %s "$tmp/targets.pdf") bytes)"
echo "bundle: size of $BUNDLE: $(du -sh "$BUNDLE" | cut -f1) ($(find "$BUNDLE" -type f | wc -l) files)"
