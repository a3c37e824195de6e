#!/usr/bin/env bash
# Says which system libraries Qt (offscreen) and the PDF checks need, and how to install them.
missing_libs=()
declare -A pkg=( [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libX11.so.6]=libx11-6 [libdbus-1.so.3]=libdbus-1-3
                 [libfontconfig.so.1]=libfontconfig1 [libfreetype.so.6]=libfreetype6 [libglib-2.0.so.0]=libglib2.0-0
                 [libxkbcommon.so.0]=libxkbcommon0 )
cache=$(ldconfig -p 2>/dev/null)
for lib in "${!pkg[@]}"; do
  grep -q "$lib" <<<"$cache" || missing_libs+=("${pkg[$lib]}")
done
for tool in pdftotext:poppler-utils pdffonts:poppler-utils pdftoppm:poppler-utils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing_libs+=("${tool##*:}")
done
if [ -z "${CANBO_TEST_DB_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then
  missing_libs+=(postgresql)  # the PostgreSQL tests start a private server (or set CANBO_TEST_DB_URL)
fi
if ((${#missing_libs[@]})); then
  uniq=$(printf '%s\n' "${missing_libs[@]}" | sort -u | tr '\n' ' ')
  echo "Thiếu thư viện hệ thống cho Qt/PDF (missing system packages): $uniq"
  echo "Cài bằng lệnh (install with):  sudo apt-get install -y --no-install-recommends $uniq"
  exit 1
fi
