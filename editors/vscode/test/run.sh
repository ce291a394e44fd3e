#!/usr/bin/env bash
# The grammar's tests: a snapshot of the scopes of every example (test/examples/*.snap,
# each against a link to ../../examples/NAME.rileva or ../../examples/FOLDER/NAME.rileva), then the assertions of
# test/*.test.rileva. An example without a committed snapshot fails: run
# `bash test/run.sh --update` and review the new .snap file.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=node_modules/.bin
rm -f test/examples/*.rileva
missing=0
# examples/ and its folders (examples/versions/: later versions of some examples).
for example in ../../examples/*.rileva ../../examples/*/*.rileva; do
  name=$(basename "$example")
  ln -s "../../$example" "test/examples/$name"
  if [ "${1:-}" != "--update" ] && [ ! -f "test/examples/$name.snap" ]; then
    echo "no grammar snapshot for ${example#../../} (test/examples/$name.snap): run bash test/run.sh --update" >&2
    missing=1
  fi
done
shopt -s nullglob
for snap in test/examples/*.snap; do
  [ -e "${snap%.snap}" ] || { echo "snapshot of a removed example: $snap" >&2; missing=1; }
done
[ "$missing" -eq 0 ]
update=()
[ "${1:-}" = "--update" ] && update=(--updateSnapshot)
"$bin/vscode-tmgrammar-snap" --grammar syntaxes/rileva.tmLanguage.json "${update[@]}" 'test/examples/*.rileva'
"$bin/vscode-tmgrammar-test" --grammar syntaxes/rileva.tmLanguage.json 'test/*.test.rileva'
