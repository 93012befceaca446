# budgetpdf: see README.md.
GO ?= go
BIN := bin/budgetpdf
SAMPLE ?= fixtures/pdf/luliang-2023-calc.pdf

.PHONY: build run test bench fixtures deps vet fmt fuzz

# A static binary (no cgo: nothing of ours needs it), as the Dockerfile
# builds it: without the dynamic loader a process starts ~1 ms sooner.
build:
	CGO_ENABLED=0 $(GO) build -o $(BIN) ./cmd/budgetpdf

# The main job on the bundled sample: the seed disclosure's JSON.
run: build
	./$(BIN) extract $(SAMPLE)

test:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || (echo "gofmt needed:"; gofmt -l .; exit 1)
	$(GO) test ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Fuzz every fuzz target of the module (each func Fuzz* in a _test.go file),
# one after the other, FUZZTIME each (default 30s: a smoke run of the seeds
# and a little mutation; the issue's soak is `make fuzz FUZZTIME=30m`).
# A crasher is written to the package's testdata/fuzz/ and stops the run.
FUZZTIME ?= 30s
fuzz:
	@set -e; for t in $$(grep -r --include='*_test.go' -o '^func Fuzz[A-Za-z0-9_]*' . | sed 's/:func /:/' | sort); do \
		fn=$${t#*:}; pkg=$$(dirname "$${t%%:*}"); \
		echo "== $$fn in $$pkg ($(FUZZTIME))"; \
		nice $(GO) test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s "$$pkg/"; \
	done

# Rebuild the fixture corpus from fixtures/data (installs the Debian tools it needs).
fixtures:
	./fixtures/install-tools.sh
	$(GO) run ./cmd/fixturegen -out fixtures

# Debian tools the tests cross-check against (poppler, qpdf, ghostscript,
# mupdf; chromium loads the review report in TestReviewBrowser and prints
# the fixture corpus with WenQuanYi Zen Hei, a TrueType CJK font, since Skia
# prints the CFF Noto CJK fonts as Type 3); tests that
# need one skip with a message where it is missing.
deps:
	@missing=""; \
	for t in pdftotext:poppler-utils qpdf:qpdf gs:ghostscript mutool:mupdf-tools chromium:chromium; do \
		command -v $${t%%:*} >/dev/null || missing="$$missing $${t#*:}"; \
	done; \
	fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	fc-list 2>/dev/null | grep -q "WenQuanYi Zen Hei" || missing="$$missing fonts-wqy-zenhei"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
		$$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
