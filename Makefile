# Two commands on a fresh Debian machine:
#   make run   installs what is missing, builds, and serves http://localhost:8080 with demo data in ./var
#              (make run STORE=postgresql: the same with the metadata in a PostgreSQL of its own)
#   make test  installs what is missing, builds, and runs every test: the suite through CTest (but
#              for the tests in Chromium), the whole suite once more under AddressSanitizer, UBSan
#              and LeakSanitizer (the tests in Chromium included), and every
#              libFuzzer target for FUZZ_SMOKE_SECONDS (tests/check.sh; CI runs it, .ci/run)
# and by themselves:
#   make test-plain     the suite alone (the quick loop while working)
#   make test-sanitize  the sanitized suite alone
#   make test-postgresql  everything on PostgreSQL (make test runs the store's part of it)
#   make fuzz           every libFuzzer target for FUZZ_SECONDS each (tests/fuzz)
SHELL := /bin/bash
BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 30
JOBS ?= $(shell nproc)
PORT ?= 8080
# The properties `make run` serves with; another file points the demo at an identity provider
# (README, "Inloggning med kommunens identitetsleverantör").
CONFIG ?= config/samverkan.properties
# Where `make run` keeps the metadata: sqlite (./var/samverkan.db) or postgresql (a cluster of its
# own in PG_DEMO, README "PostgreSQL").
STORE ?= sqlite
PG_DEMO ?= $(CURDIR)/var-postgresql

# Debian packages. What the build needs (compilers, headers, what CMake looks for at configure
# time, the sRGB profile it embeds) comes first; the rest (the server's runtime tools, the test and
# benchmark tools, clang for the fuzz tree) installs while the code compiles under make -j2
# (.ci/run): apt installs one set at a time, so `deps` waits for `build-deps`, and the build needs
# nothing from the second set.
BUILD_PACKAGES := build-essential cmake pkg-config git libpoco-dev libsqlite3-dev libgit2-dev zlib1g-dev \
  libcmark-dev libsodium-dev libssl-dev libkainjow-mustache-dev catch2 \
  libcairo2-dev libpango1.0-dev libqpdf-dev libgs-common libpq-dev python3 nodejs
APT_PACKAGES := $(BUILD_PACKAGES) sqlite3 wrk nginx-light curl \
  fonts-dejavu-core qpdf poppler-utils chromium libxml2-utils \
  default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java \
  python3-aiosmtpd openssl ca-certificates postgresql \
  clang-16 libclang-rt-16-dev

.PHONY: run test test-plain test-postgresql build build-deps deps npm-deps bench clean format test-sanitize sanitize-build fuzz \
  fuzz-build

# The sanitizers' settings for every process of the sanitized suite, the servers the tests start
# included: stop at the first report; leaks reported at exit except fontconfig's (tests/lsan.supp).
SANITIZE_ENV := ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# install-missing PACKAGES: apt-get install of those not installed yet (as root).
define install-missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "run as root (or install: $$missing)"; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

build-deps: .build-deps-stamp
.build-deps-stamp: Makefile
	$(call install-missing,$(filter-out nodejs,$(BUILD_PACKAGES)))
	@# Node may come from elsewhere than Debian (with its own npm): only install it when absent.
	@if ! command -v node >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs; \
	fi
	@touch $@

deps: .deps-stamp
.deps-stamp: Makefile .build-deps-stamp
	$(call install-missing,$(filter-out $(BUILD_PACKAGES),$(APT_PACKAGES)))
	@if ! command -v npm >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm; \
	fi
	@touch $@

npm-deps: tests/js/node_modules/.stamp
tests/js/node_modules/.stamp: tests/js/package.json tests/js/package-lock.json | deps
	cd tests/js && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build: build-deps
	@# Warnings are errors here and in CI (a plain cmake configure leaves them warnings).
	@# Line tables (-g1) are what a backtrace needs; full debug info cost a third of the build.
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
	  -DSV_WERROR=ON -DSV_UNITY=ON > /dev/null
	cmake --build $(BUILD) -j $(JOBS)

run: build deps
ifeq ($(STORE),postgresql)
	@# The same demo with its metadata in a PostgreSQL of its own: a cluster in $(PG_DEMO)/cluster
	@# (tests/support/pg_cluster.sh: made on the first run, started again if it stopped; the
	@# postgres user's when run as root), the data folder (repositories, keys) in $(PG_DEMO)/data.
	@port=$$(tests/support/pg_cluster.sh ensure $(PG_DEMO)/cluster) && \
	SAMVERKAN_STORE=postgresql \
	  SAMVERKAN_STORE_CONNECTION="host=$(PG_DEMO)/cluster port=$$port dbname=samverkan user=samverkan" \
	  SAMVERKAN_PORT=$${SAMVERKAN_PORT:-$(PORT)} SAMVERKAN_DATA_DIR=$${SAMVERKAN_DATA_DIR:-$(PG_DEMO)/data} \
	  ./$(BUILD)/server/samverkan --config=$(CONFIG) --demo
else
	SAMVERKAN_PORT=$${SAMVERKAN_PORT:-$(PORT)} SAMVERKAN_DATA_DIR=$${SAMVERKAN_DATA_DIR:-./var} \
	  ./$(BUILD)/server/samverkan --config=$(CONFIG) --demo
endif

# Everything, as CI runs it: tests/check.sh runs the plain suite with the sanitized and the fuzz
# trees building beside it, then the sanitized suite with the fuzz smoke beside it.
test: build npm-deps
	SANITIZE_ENV="$(SANITIZE_ENV)" tests/check.sh "$(MAKE)" $(BUILD) $(SANITIZE_BUILD) $(FUZZ_BUILD) \
	  $(FUZZ_SMOKE_SECONDS)

test-plain: build npm-deps
	cd $(BUILD) && ctest --output-on-failure -j 2 --timeout 600

# The same suite against a build with ASan and UBSan in every library and in the server binary the
# tests start, every check on. -Og: GCC's -O1 without the inlining that makes UBSan's checks
# (alignment and null above all) slow to compile; measured on a fresh clone, the sanitized tree
# alone took 205 s against 336 s at -O1, and its suite ran as fast (357.7 s against 356.5 s).
# Line tables are all a report needs. The test programs are linked here from the plain tree's
# objects (tests/CMakeLists.txt, SV_TEST_OBJECTS_FROM): the tests' own code is not instrumented, so
# it is compiled once. The plain tree must be built first (test and test-sanitize see to it;
# check.sh builds this beside its tests).
sanitize-build: build-deps
	cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-Og -g1 -DNDEBUG" \
	  -DSV_WERROR=ON -DSV_SANITIZE=ON -DSV_UNITY=ON -DSV_TEST_OBJECTS_FROM=$(abspath $(BUILD)) > /dev/null
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)

# Everything on PostgreSQL: the schema's check, the store's tests and every use case's, each on a
# database of its own in a cluster CTest starts and stops (README, "PostgreSQL instead of SQLite").
test-postgresql: build deps
	cd $(BUILD) && ctest --output-on-failure -j 2 --timeout 600 -R postgresql

# Four at a time: its tests wait on their servers and browsers, and at two the cores were idle 7 %
# of the time (tests/check.sh).
test-sanitize: build sanitize-build npm-deps
	cd $(SANITIZE_BUILD) && $(SANITIZE_ENV) ctest --output-on-failure -j 4 --timeout 900

# libFuzzer needs clang; Debian 12's clang 16 (see CMakeLists.txt for the one definition it needs).
fuzz-build: deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_CXX_COMPILER=clang++-16 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DSV_FUZZ=ON -DSV_UNITY=ON > /dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_targets

fuzz: fuzz-build
	tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(JOBS)

bench: build deps
	cmake --build $(BUILD) -j $(JOBS) --target benches
	tests/bench/run.sh $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(FUZZ_BUILD)
