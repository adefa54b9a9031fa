#!/usr/bin/env python3
"""Counts test cases from meson's testlog.json files and prints one summary line.

TAP programs count each "ok"/"not ok" line; other tests count once. Cases
of the TAP plan that a crashed program never reached count as failed, so a
crash can never look like a pass. Exits 1 when anything failed.
"""
import json
import re
import sys

TAP_LINE = re.compile(r'^(not ok|ok)\b(.*)$')
TAP_PLAN = re.compile(r'^1\.\.(\d+)')


def main(paths):
    passed = failed = skipped = 0
    entries = []
    for path in paths:
        try:
            with open(path, encoding='utf-8', errors='replace') as f:
                entries += [json.loads(line) for line in f if line.strip()]
        except OSError as e:
            print(f'count-tests: {e}', file=sys.stderr)
            failed += 1

    for entry in entries:
        result = entry.get('result', '')
        stdout = entry.get('stdout') or ''
        p = fl = s = 0
        saw_tap = False
        planned = None
        for line in stdout.splitlines():
            plan = TAP_PLAN.match(line)
            if plan and planned is None:
                planned = int(plan.group(1))
                saw_tap = True
                continue
            m = TAP_LINE.match(line)
            if not m:
                continue
            saw_tap = True
            rest = m.group(2)
            if '# SKIP' in rest.upper():
                s += 1
            elif m.group(1) == 'ok':
                p += 1
            else:
                fl += 1
        if not saw_tap:
            if result == 'OK':
                p = 1
            elif result == 'SKIP':
                s = 1
            else:
                fl = 1
        else:
            # Cases a crashed program never reached count as failed.
            if planned is not None and p + fl + s < planned:
                fl += planned - (p + fl + s)
            if result not in ('OK', 'SKIP', 'EXPECTEDFAIL') and fl == 0:
                fl = 1
        passed += p
        failed += fl
        skipped += s

    if not entries:
        failed += 1
    print(f'{passed} passed, {failed} failed, {skipped} skipped')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:] or ['_build/meson-logs/testlog.json']))
