# Amparo: build, run and test. `make run` and `make test` set up everything
# they need on a fresh Debian or Ubuntu machine (system packages through
# apt, the UI's packages through npm ci, tauri-driver through cargo).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
APP := $(TARGET_DIR)/debug/amparo-desktop
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages: the WebKitGTK toolkit the window is built on, Xvfb and
# the WebDriver server for the end-to-end tests, ImageMagick for screenshots,
# cmake and nasm to build libjpeg-turbo and libheif (Debian 12's are too old),
# libde265 for libheif to decode HEIC, poppler and qpdf to read printed PDFs
# back in the print tests (text, page labels, bookmarks), age and unzip to
# open the encrypted export for counsel the way counsel does, minisign and jq
# to check a case file the way docs/case-file.md tells counsel to; unshare
# and mount for the full-disk test's small disk of its own.
APT_PACKAGES := build-essential pkg-config libwebkit2gtk-4.1-dev libxdo-dev libssl-dev \
	libayatana-appindicator3-dev librsvg2-dev xvfb webkit2gtk-driver dbus imagemagick \
	poppler-utils qpdf cmake nasm libde265-dev age unzip minisign jq \
	tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa \
	libglib2.0-bin shared-mime-info desktop-file-utils util-linux mount
NODE_MIN := 20.19

.PHONY: core-bins fuzz fuzz-tools test-crash fuzz-case-files bench-open bench-documents bench-search bench-unlock bench-packet bench-print bench-start package test-package samples help deps system-deps node-deps e2e-tools ui app app-e2e run test lint test-core test-ui \
	test-e2e bindings screenshots bench-import clean

help:
	@echo "make run          build and open Amparo (first start offers an example case)"
	@echo "make test         lint and run every test suite (core, UI, end-to-end)"
	@echo "make screenshots  write docs/screenshots/*.png from the real window"
	@echo "make bindings     regenerate the UI's TypeScript types from the Rust ones"
	@echo "make bench-import photo import speed against vipsthumbnail, and peak memory"
	@echo "make fuzz-case-files  20,000 mutated case files opened (make test opens 240)"
	@echo "make fuzz         each fuzz target for FUZZ_SECONDS (8 in make test; try FUZZ_SECONDS=600)"
	@echo "make test-crash   kill amparo at 100 random moments of import, save, sign, print, backup, restore, erase (make test: 21)"
	@echo "make bench-documents filing a 200-page PDF against pdftotext, OCR pages/s against tesseract"
	@echo "make bench-open   opening a 200-photo case file against importing the photos, and peak memory"
	@echo "make bench-print  a 30-page declaration against Chromium print-to-PDF"
	@echo "make bench-start  starting the window with 1,000 cases, and its idle memory"
	@echo "make bench-packet a 45-exhibit evidence packet: time and size, against Chromium"
	@echo "make bench-unlock unlocking the vault (Argon2id + encrypted store), against the argon2 command"
	@echo "make bench-search search over 100 generated cases with 50,000 paragraphs, against a LIKE scan"
	@echo "make samples      signed filing sets, evidence packets and a federal filing as PDF and PNG in docs/samples"

deps: system-deps node-deps e2e-tools

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null \
		| grep -q 'install ok installed' || echo $$p; done); \
	if ! command -v node >/dev/null; then missing="$$missing nodejs npm"; fi; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@node -e 'const [a, b] = process.versions.node.split(".").map(Number); if (a < 20 || (a === 20 && b < 19)) { console.error("Node.js $(NODE_MIN) or newer is needed; this machine has " + process.version); process.exit(1); }'

node-deps: ui/node_modules/.installed

ui/node_modules/.installed: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	touch $@

e2e-tools:
	@command -v tauri-driver >/dev/null || [ -x "$${CARGO_HOME:-$$HOME/.cargo}/bin/tauri-driver" ] \
		|| cargo install tauri-driver --version '=2.1.0' --locked

ui: node-deps
	cd ui && npm run build

WORKSPACE := --workspace --exclude amparo-e2e
# Libraries, binaries and test suites; the examples (benchmarks, samples)
# are compiled by clippy in `make lint` but not linked again for the tests.
TEST_TARGETS := $(WORKSPACE) --lib --bins --tests

# The window as a family runs it (without the test-only commands), built
# the way the tests build: cargo test resolves dependency features with the
# dev-dependencies, a plain cargo build without, so `cargo build` after
# `make test` compiled the Tauri stack and typst a second time. Built this
# way, only the shell itself is compiled again.
app: ui
	cargo test $(TEST_TARGETS) --no-run

# The same window plus one test-only command that imports files by path
# (end-to-end tests cannot drive the native file picker). It is built the
# way the core tests build it (cargo test also builds the app for the
# shell's integration tests), so the Tauri stack is compiled once: a plain
# cargo build resolves dependency features without dev-dependencies and
# would compile it all again.
app-e2e: ui
	cargo test $(TEST_TARGETS) --features amparo-desktop/e2e --no-run

run: deps app
	$(APP)

lint: ui
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check
	@# The window must not be able to reach any network: no HTTP client in its tree.
	@for crate in reqwest hyper ureq isahc attohttpc curl; do \
		if cargo tree -p amparo-desktop -e normal -i $$crate 2>/dev/null | grep -q .; then \
			echo "amparo-desktop depends on the HTTP client $$crate"; exit 1; fi; done
	@# One date library in Amparo's own code: chrono (typst, tauri and the
	@# WebDriver client bring `time` along on their own).
	@if cargo tree --workspace -e normal --depth 1 --prefix none --no-dedupe | grep -E '^(time|jiff) v'; then \
		echo "a workspace crate depends on a second date library; use chrono"; exit 1; fi
	@echo "lint: ok"

test-core: ui
	cargo test $(TEST_TARGETS) --features amparo-desktop/e2e
	cargo test -p amparo-core --doc

# The UI's tests run against the real core: each starts `amparo serve`.
test-ui: node-deps core-bins
	cd ui && AMPARO_CLI=$(TARGET_DIR)/debug/amparo npm test

# The `amparo` command (and every test binary), built the way test-core
# builds them, so that nothing is compiled twice.
core-bins: ui
	cargo test $(TEST_TARGETS) --features amparo-desktop/e2e --no-run

test-e2e: deps app-e2e
	AMPARO_APP=$(APP) cargo test -p amparo-e2e --test cases --test lock --test photos --test statements --test packets --test timeline --test confinement --test canary --test case_files --test second_start --test text_size --test federal --test next_steps --test interview --test translation --test documents --test accessibility -- --test-threads=1

test: deps lint test-core test-ui test-e2e test-package fuzz
	@echo "make test: every suite passed"

# The Debian package: the window and the `amparo` command, a desktop entry
# in both languages, the icon, the fonts, the case-file MIME type. `make
# package` bundles the release build; `make test-package` bundles the debug
# build `make app` made (bundling compiles nothing), installs it, drives
# the installed window, and removes it again, checking a family's data
# stays.
DEB_CONFIG = --config packaging/package.conf.json --config '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/amparo":"$(TARGET_DIR)/$(1)/amparo","/usr/share/mime/packages/amparo.xml":"packaging/amparo-mime.xml"}}}}}'
PACKAGE_DATA := $(TARGET_DIR)/package-test-data

package: deps ui
	cargo build --release -p amparo-desktop -p amparo-cli
	cd src-tauri && ../ui/node_modules/.bin/tauri bundle --bundles deb --ci $(call DEB_CONFIG,release)
	@ls $(TARGET_DIR)/release/bundle/deb/*.deb

test-package: deps app e2e-tools
	rm -f $(TARGET_DIR)/debug/bundle/deb/*.deb
	cd src-tauri && ../ui/node_modules/.bin/tauri bundle --debug --bundles deb --ci $(call DEB_CONFIG,debug)
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(TARGET_DIR)/debug/bundle/deb/*.deb >/dev/null
	AMPARO_APP=/usr/bin/amparo-desktop cargo test -q -p amparo-e2e --test installed_package
	rm -rf $(PACKAGE_DATA)
	AMPARO_PASSPHRASE='corona de mamá' /usr/bin/amparo --data-dir $(PACKAGE_DATA) vault create >/dev/null
	AMPARO_PASSPHRASE='corona de mamá' /usr/bin/amparo --data-dir $(PACKAGE_DATA) case example >/dev/null
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get remove -y -qq amparo >/dev/null
	@! command -v amparo-desktop >/dev/null || { echo "amparo-desktop is still installed"; exit 1; }
	@test -s $(PACKAGE_DATA)/amparo.sqlite3 || { echo "removing the package took the data"; exit 1; }
	@echo "test-package: installed, opened a case file through the desktop, removed; the data stayed"

bindings:
	AMPARO_WRITE_BINDINGS=1 cargo test -p amparo-desktop --test bindings

# Printing speed: a 30-page declaration against Chromium's print-to-PDF of
# the same text (never part of make test).
bench-print: deps
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	cargo build -q --release -p amparo-cli
	cargo run -q --release -p amparo-print --example bench_print

# Start time with 1,000 cases, in the release window under Xvfb (never part
# of make test): the lock screen drawn, then the case list after the unlock.
bench-start: deps ui
	cargo build -q --release -p amparo-desktop
	AMPARO_APP=$(TARGET_DIR)/release/amparo-desktop cargo run -q --release -p amparo-e2e --bin bench_start

# Evidence packet speed and size: 3 declarations and 40 phone-size photos,
# against Chromium printing the same photos (never part of make test).
bench-packet: deps
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	cargo run -q --release -p amparo-print --example bench_packet

# Search speed over 100 generated cases and 50,000 paragraphs, against a
# plain LIKE scan of the same database (never part of make test).
bench-search:
	cargo run -q --release -p amparo-core --example bench_search

# Unlocking the vault (Argon2id, then the encrypted store), against the
# reference Argon2 command at the same cost.
bench-unlock:
	@command -v argon2 >/dev/null || { $(SUDO) apt-get update -qq; DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq argon2 >/dev/null; }
	cargo run -q --release -p amparo-core --example bench_unlock

# The example's two signed filing sets and a fixture case's evidence packet
# as PDFs and PNG pages, to look at.
samples: deps
	cargo run -q -p amparo-print --example samples -- docs/samples
	cargo run -q -p amparo-print --example packet_sample -- docs/samples
	cargo run -q -p amparo-print --example documents_sample -- docs/samples
	cargo run -q -p amparo-print --example federal_sample -- docs/samples/federal
	rm -f docs/samples/*.png docs/samples/federal/*.png
	for f in docs/samples/*.pdf docs/samples/federal/*.pdf; do pdftoppm -r 60 -png "$$f" "$${f%.pdf}"; done

screenshots: deps app-e2e
	AMPARO_APP=$(APP) cargo run -q -p amparo-e2e --bin screenshots -- docs/screenshots
	AMPARO_APP=$(APP) cargo run -q -p amparo-e2e --bin interview_shots -- docs/screenshots

# Photo import speed, decoding in process and in workers, against
# vipsthumbnail, JPEG and HEIC (never part of make test); then the rate and
# Amparo's own peak memory (workers apart) importing 1,000 photos.
BENCH_PHOTOS ?= /var/tmp/amparo-bench-photos
# Seeded mutation rounds of whole case files (short in `make test`).
fuzz-case-files:
	AMPARO_FUZZ_ROUNDS=20000 cargo test -p amparo-casefile --test mutations -- --nocapture

# Coverage-guided fuzzing (libFuzzer through cargo-fuzz, on the stable
# toolchain, so without a sanitizer: `-s none`, debug assertions on) of
# the parsers in fuzz/fuzz_targets. Each target first runs its committed
# seeds (real photos for the photo parsers) and fuzz/regressions/<target>
# (every crash found, kept; fuzz/seeds/case_file holds the example case's
# records, manifest and archive), then fuzzes for FUZZ_SECONDS; what it learns
# stays in the target folder, not in the repository.
FUZZ_SECONDS ?= 8
FUZZ_TARGETS := photo_headers exif worker_reply a_number remembered_date search_query backup_list case_file pdf
FUZZ_PHOTO_SEEDS := ../crates/amparo-media/tests/fixtures
FUZZ_PDF_SEEDS := ../crates/amparo-media/tests/fixtures/pdf seeds/pdf
fuzz: fuzz-tools
	cd fuzz && cargo fuzz build -s none -O -a
	@for target in $(FUZZ_TARGETS); do \
		corpus=$(TARGET_DIR)/fuzz-corpus/$$target; mkdir -p $$corpus fuzz/regressions/$$target; \
		seeds=""; case $$target in photo_headers|exif) seeds="$(FUZZ_PHOTO_SEEDS)";; case_file) seeds=seeds/case_file;; pdf) seeds="$(FUZZ_PDF_SEEDS)";; esac; \
		if ! (cd fuzz && cargo fuzz run -s none -O -a $$target $$corpus regressions/$$target $$seeds -- \
			-max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
			-print_final_stats=1) > $$corpus.log 2>&1; then \
			grep -vE "^\s*\[|^#[0-9]+" $$corpus.log | tail -30; \
			echo "fuzz target $$target failed; its input is in fuzz/artifacts/$$target (keep it in fuzz/regressions/$$target once fixed)"; \
			exit 1; \
		fi; \
		echo "fuzz $$target: $$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' $$corpus.log | tail -1), corpus $$(ls $$corpus | wc -l) inputs"; \
	done

fuzz-tools:
	@command -v cargo-fuzz >/dev/null || [ -x "$${CARGO_HOME:-$$HOME/.cargo}/bin/cargo-fuzz" ] \
		|| cargo install cargo-fuzz --version '=0.12.0' --locked

# The crash harness at 100 kill points (make test runs 21), with its report.
test-crash: system-deps
	AMPARO_CRASH_POINTS=100 cargo test -p amparo-cli --test crash_safety -- --nocapture

# The photos come from bench_import (generated once into BENCH_PHOTOS).
bench-open: system-deps
	cargo build --release -p amparo-media --example bench_import -p amparo-casefile --example bench_open
	$(TARGET_DIR)/release/examples/bench_import --photos 200 --folder $(BENCH_PHOTOS)/200 >/dev/null
	$(TARGET_DIR)/release/examples/bench_open --photos 200 --rounds 5 --folder $(BENCH_PHOTOS)/200

# Filing a 200-page PDF against pdftotext, and OCR pages per second against
# tesseract alone (never part of make test).
bench-documents: system-deps
	cargo build --release -p amparo-media --example bench_documents
	$(TARGET_DIR)/release/examples/bench_documents --pages 200 --scans 12

bench-import: system-deps
	@command -v vipsthumbnail >/dev/null && command -v heif-enc >/dev/null || { $(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libvips-tools libheif-examples >/dev/null; }
	cargo build --release -p amparo-media --example bench_import
	$(TARGET_DIR)/release/examples/bench_import --photos 100 --folder $(BENCH_PHOTOS)/100 --vips --heic 12
	/usr/bin/time -v $(TARGET_DIR)/release/examples/bench_import --photos 1000 \
		--folder $(BENCH_PHOTOS)/1000 --only workers 2>&1 | grep -E "photos|^[0-9.]+$$|Maximum resident"

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
