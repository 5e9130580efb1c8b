# unecho - a thin wrapper over Meson and Ninja.
#   make demo     install missing packages, build, run the demo
#   make check    build and run every test (last line: N passed, N failed)
#   make install  install the program, library, header, pkg-config and man page
#   make sanitize the tests under AddressSanitizer and UBSan
#   make fuzz     run each fuzz target for FUZZ_TIME seconds (default 60)
#   make eval     the evaluation and benchmark suite on ../shared/data
BUILD ?= build
PREFIX ?= /usr/local
FUZZ_TIME ?= 60

.PHONY: all deps webdeps build demo check install sanitize fuzz eval bench clean

all: build

deps:
	@tools/install-deps.sh

# The front-end libraries embedded at build time (npm ci when missing).
webdeps:
	@tools/web-deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD) --prefix=$(PREFIX)

build: webdeps $(BUILD)/build.ninja
	@ninja -C $(BUILD)

demo: deps
	@$(MAKE) --no-print-directory build
	@tools/demo.sh $(BUILD)/unecho

check: build
	@tools/run-tests.sh $(BUILD)

install: build
	meson install -C $(BUILD)

build-asan/build.ninja:
	meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false

sanitize: webdeps build-asan/build.ninja
	@ninja -C build-asan
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	 tools/run-tests.sh build-asan

build-fuzz/build.ninja:
	CC=clang meson setup build-fuzz -Dfuzzing=true \
	  -Db_sanitize=address,undefined -Db_lundef=false

fuzz: webdeps build-fuzz/build.ninja
	@ninja -C build-fuzz
	@tools/fuzz.sh build-fuzz $(FUZZ_TIME)

eval: build
	@tools/eval.sh $(BUILD)

bench: build
	@tools/eval.sh $(BUILD) bench

clean:
	rm -rf $(BUILD) build-asan build-fuzz
