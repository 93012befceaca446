#!/bin/sh
# Builds the corpus twice into scratch directories and compares the results:
# truth files must be byte-identical, and so should the base PDFs.
# Usage: cmd/fixturegen/determinism.sh   (from the repository root; ~5 min)
set -eu
a=$(mktemp -d) b=$(mktemp -d)
trap 'rm -rf "$a" "$b"' EXIT
for d in "$a" "$b"; do
	mkdir -p "$d/out"
	cp -r fixtures/data "$d/out/"
	go run ./cmd/fixturegen -out "$d/out" -variants=false >/dev/null
done
status=0
for f in "$a"/out/truth/*.yaml "$a"/out/pdf/*.pdf; do
	rel=${f#"$a"/out/}
	if cmp -s "$f" "$b/out/$rel"; then
		echo "same    $rel"
	else
		echo "DIFFERS $rel"
		status=1
	fi
done
exit $status
