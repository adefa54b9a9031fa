#!/bin/bash
# test-docs.sh: man pages, user help, bash completion and packaging
# metadata, as TAP.
#   test-docs.sh SRCDIR DEMARC_CHECK DEMARC VERSION
# Tools that are missing (man, yelp-check, bash-completion) skip their
# tests with the reason.
set -u

src=$1
check=$2
app=$3
version=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }
check_that () { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
# Prints to stderr what is missing, for the log.
missing () { echo "# missing: $*" >&2; }

# The long options a --help output lists: "--name" for each.
help_options () { grep -oE '^ +(-[a-zA-Z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+' | sort -u; }

echo "1..18"

# --- Man pages --------------------------------------------------------------
man_clean () {
  local page=$1
  MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings=w -E UTF-8 -l -Tutf8 "$page" > "$work/out" 2> "$work/warnings"
  [ -s "$work/out" ] && [ ! -s "$work/warnings" ] || { cat "$work/warnings" >&2; return 1; }
  # lexgrog reads the NAME section the way mandb and whatis do.
  lexgrog "$page" | grep -q ": \"$(basename "$page" .1) - "
}
for page in demarc demarc-check demarc-collect; do
  if command -v man >/dev/null && command -v lexgrog >/dev/null; then
    check_that "man page $page.1 renders without warnings and has a NAME line" "man_clean '$src/doc/$page.1'"
  else
    skip "man-db is not installed"
  fi
done

# Every option of the programs' own help is documented.
documents_all () {
  local page=$1 opt rc=0
  shift
  while read -r opt; do
    grep -qF -- "${opt//-/\\-}" "$page" || { missing "$opt in $page"; rc=1; }
  done < <("$@" 2>&1 | help_options)
  return $rc
}
check_that "demarc-check.1 documents every option of demarc-check --help" \
  "documents_all '$src/doc/demarc-check.1' '$check' --help"
check_that "demarc.1 documents every option of demarc --help-all" \
  "documents_all '$src/doc/demarc.1' '$app' --help-all"
collect_documents_all () {
  local opt rc=0
  for opt in $("$src/data/demarc-collect" --help 2>&1 | grep -oE -- '--[a-z-]+' | sort -u); do
    grep -qF -- "${opt//-/\\-}" "$src/doc/demarc-collect.1" || { missing "$opt"; rc=1; }
  done
  # The parser's own cases, so an option added there without usage is caught.
  for opt in $(grep -oE '^ +--[a-z-]+(\|-[a-z])?\)' "$src/data/demarc-collect" | grep -oE -- '--[a-z-]+'); do
    grep -qF -- "${opt//-/\\-}" "$src/doc/demarc-collect.1" || { missing "$opt"; rc=1; }
  done
  return $rc
}
check_that "demarc-collect.1 documents every option of demarc-collect" collect_documents_all

# --- User help --------------------------------------------------------------
if command -v yelp-check >/dev/null; then
  check_that "yelp-check validates every help page" \
    "(cd '$src/help/C' && yelp-check validate *.page) >&2"
  check_that "help pages have no broken links" \
    "(cd '$src/help/C' && yelp-check links .) > '$work/links' && [ ! -s '$work/links' ] || { cat '$work/links' >&2; false; }"
  check_that "every help page is reachable from the index" \
    "(cd '$src/help/C' && yelp-check orphans .) > '$work/orphans' && [ ! -s '$work/orphans' ] || { cat '$work/orphans' >&2; false; }"
  listed () {
    local page rc=0
    for page in "$src"/help/C/*.page; do
      grep -q "'$(basename "$page")'" "$src/help/meson.build" || { missing "$page in help/meson.build"; rc=1; }
    done
    return $rc
  }
  check_that "help/meson.build installs every page" listed
else
  for i in 1 2 3 4; do skip "yelp-tools is not installed"; done
fi

# --- Bash completion --------------------------------------------------------
completion=/usr/share/bash-completion/bash_completion
if [ -r "$completion" ]; then
  # Completes the words given and prints the candidates one a line.
  cat > "$work/complete.sh" <<COMPLETE
source '$completion'
source '$src/data/completions/demarc-check'
cd '$src'
COMP_WORDS=("\$@")
COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1))
COMP_LINE="\${COMP_WORDS[*]}"
COMP_POINT=\${#COMP_LINE}
_demarc_check 2>/dev/null
printf '%s\n' "\${COMPREPLY[@]}"
COMPLETE
  complete () { PATH="$(dirname "$check"):$PATH" bash --norc --noprofile "$work/complete.sh" "$@"; }

  check_that "completes --format values" \
    "[ \"\$(complete demarc-check --format '' | sort | tr '\n' ' ')\" = 'csv json junit sarif text ' ]"
  formats_match () {
    # The words of --help's "Output format:" line, less the joining ones.
    "$check" --help | grep -- '--format=' | sed 's/.*Output format://' | tr -c 'a-z\n' ' ' | tr ' ' '\n' |
      grep -vxE 'or|with|exports|also|' | sort -u > "$work/want"
    complete demarc-check --format '' | sort > "$work/got"
    [ -s "$work/want" ] && cmp -s "$work/want" "$work/got"
  }
  check_that "completes the --format values demarc-check --help lists" formats_match
  check_that "completes --fail-on values, as --fail-on=VALUE too" \
    "[ \"\$(complete demarc-check --fail-on c)\" = critical ] && [ \"\$(complete demarc-check --fail-on=m)\" = medium ]"
  services_match () {
    "$check" --list-services | awk '{ print $1 }' | sort > "$work/want"
    complete demarc-check --service '' | sort > "$work/got"
    [ -s "$work/want" ] && cmp -s "$work/want" "$work/got" &&
      [ "$(complete demarc-check --model tests/data/model-good.json --service '' | sort | tr '\n' ' ')" = \
        "$("$check" --model "$src/tests/data/model-good.json" --list-services | awk '{ print $1 }' | sort | tr '\n' ' ')" ]
  }
  check_that "completes --service with the ids of --list-services, of --model's model when given" services_match
  options_match () {
    local opt rc=0
    complete demarc-check -- | tr -d '=' > "$work/opts"
    while read -r opt; do
      grep -qx -- "$opt" "$work/opts" || { missing "$opt in the completion"; rc=1; }
    done < <("$check" --help | help_options)
    return $rc
  }
  check_that "completes every option of demarc-check --help" options_match
  check_that "completes exports and folders as arguments" \
    "complete demarc-check tests/data/asff-m | grep -qx tests/data/asff-mixed.json && complete demarc-check tests/da | grep -qx tests/data"
else
  for i in 1 2 3 4 5 6; do skip "bash-completion is not installed"; done
fi

# --- Packaging --------------------------------------------------------------
check_that "COPYING is the GNU GPL version 3 (meson.build declares GPL-3.0-or-later)" \
  "grep -q 'GNU GENERAL PUBLIC LICENSE' '$src/COPYING' && grep -q '^ *Version 3, 29 June 2007' '$src/COPYING' && grep -q \"license: 'GPL-3.0-or-later'\" '$src/meson.build'"
check_that "debian/changelog's upstream version is meson's ($version)" \
  "[ \"\$(sed -n '1s/^demarc (\([^-)]*\).*/\1/p' '$src/debian/changelog')\" = '$version' ]"
