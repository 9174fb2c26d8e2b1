# Two commands on a fresh Debian machine:
#   make run   installs what is missing, builds, and serves http://localhost:8080 with demo data in ./var
#   make test  installs what is missing, builds, and runs every test through CTest
SHELL := /bin/bash
BUILD ?= build
JOBS ?= $(shell nproc)
PORT ?= 8080

# Debian packages: build, run, test, benchmark.
APT_PACKAGES := build-essential cmake pkg-config git libpoco-dev libsqlite3-dev sqlite3 libgit2-dev zlib1g-dev \
  libcmark-dev libsodium-dev libkainjow-mustache-dev catch2 wrk nginx-light curl \
  libcairo2-dev libpango1.0-dev libqpdf-dev fonts-dejavu-core ghostscript qpdf poppler-utils chromium libxml2-utils \
  python3 python3-aiosmtpd openssl ca-certificates

.PHONY: run test build deps npm-deps bench clean format

deps: .deps-stamp
.deps-stamp: Makefile
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "run as root (or install: $$missing)"; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@# Node may come from elsewhere than Debian (with its own npm): only install it when absent.
	@if ! command -v npm >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm; \
	fi
	@touch $@

npm-deps: tests/js/node_modules/.stamp
tests/js/node_modules/.stamp: tests/js/package.json tests/js/package-lock.json | deps
	cd tests/js && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build: deps
	@# Warnings are errors here and in CI (a plain cmake configure leaves them warnings).
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSV_WERROR=ON > /dev/null
	cmake --build $(BUILD) -j $(JOBS)

run: build
	SAMVERKAN_PORT=$${SAMVERKAN_PORT:-$(PORT)} SAMVERKAN_DATA_DIR=$${SAMVERKAN_DATA_DIR:-./var} \
	  ./$(BUILD)/server/samverkan --config=config/samverkan.properties --demo

test: build npm-deps
	cd $(BUILD) && ctest --output-on-failure -j 2 --timeout 600

bench: build
	tests/bench/run.sh $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD)
