#!/usr/bin/env bash
# Runs the whole suite with the system clock set to the days that catch a test
# depending on today's date: the first and the last day of a month, a leap day,
# and the two DST changes of spring 2026 (Europe, then the US) with TZ set.
# Needs libfaketime (Debian: apt-get install faketime). Each date is one full
# run; DATES="2028-02-29 12:00:00|UTC" (one or more, ';'-separated) runs others.
# Arguments go to vitest: npm run test:dates -- test/slack --testTimeout=30000
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null; then
  echo 'test:dates needs faketime (libfaketime): apt-get install faketime' >&2
  exit 2
fi

default_dates='2027-01-01 00:20:00|UTC;2026-11-30 23:40:00|UTC;2028-02-29 12:00:00|UTC;2026-03-29 01:50:00|Europe/Berlin;2026-03-08 01:50:00|America/New_York'
IFS=';' read -r -a dates <<<"${DATES:-$default_dates}"

# The build some tests run (dist/), made only when missing or older than src/.
node scripts/check-build.mjs 2>/dev/null || npm run build --silent
failed=()
for entry in "${dates[@]}"; do
  when="${entry%|*}"
  zone="${entry#*|}"
  echo "== npm test at ${when} ${zone}"
  # The monotonic clock stays real: timers and timeouts behave as usual.
  if ! TZ="$zone" FAKETIME_DONT_FAKE_MONOTONIC=1 faketime "$when" npx vitest run "$@"; then
    failed+=("${when} ${zone}")
  fi
done
if ((${#failed[@]} > 0)); then
  printf 'test:dates: the suite failed at %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "test:dates: the suite passed at all ${#dates[@]} dates"
