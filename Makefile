# Build and install wenping so that it runs without the Swift toolchain, from any folder.
#
#   make install PREFIX=$HOME/.local     # or /usr/local (the default; may need sudo), or any folder
#   make uninstall PREFIX=$HOME/.local
#
# Installs, under PREFIX:
#   bin/wenping                                   the executable (Swift runtime linked in statically)
#   share/wenping/Rules/                          the bundled rules (not their tests, which read example
#                                                 projects in Fixtures/), found by wenping when no --rules,
#                                                 WENPING_RULES or ./Rules is there
#   share/man/man1/wenping.1                      the manual (`man wenping`)
#   share/bash-completion/completions/wenping     shell completions for bash,
#   share/zsh/site-functions/_wenping             zsh
#   share/fish/vendor_completions.d/wenping.fish  and fish
# DESTDIR is prepended to every path, for packagers.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
# The manual's date: the last commit's, so that the same checkout gives the same page.
MANUAL_DATE ?= $(shell git log -1 --format=%cs 2>/dev/null || date +%Y-%m-%d)

ROOT := $(abspath $(DESTDIR)$(PREFIX))
BUILD := .build/release
MANUAL := .build/manual

.PHONY: all build install uninstall

all: build

# The executable, then the manual written by it from its own command tree (`wenping manual`: the argument
# parser's generate-manual drops every non-ASCII character, which would empty a Chinese manual).
build:
	$(SWIFT) build -c release --static-swift-stdlib --product wenping
	mkdir -p $(MANUAL)
	$(BUILD)/wenping manual --date $(MANUAL_DATE) > $(MANUAL)/wenping.1

install: build
	install -d "$(ROOT)/bin" "$(ROOT)/share/wenping" "$(ROOT)/share/man/man1" \
		"$(ROOT)/share/bash-completion/completions" "$(ROOT)/share/zsh/site-functions" \
		"$(ROOT)/share/fish/vendor_completions.d"
	install -m 755 "$(BUILD)/wenping" "$(ROOT)/bin/wenping"
	rm -rf "$(ROOT)/share/wenping/Rules"
	mkdir -p "$(ROOT)/share/wenping/Rules"
	cd Rules && find . -name '*.yaml' ! -name '*.test.yaml' -exec install -D -m 644 {} "$(ROOT)/share/wenping/Rules/{}" \;
	rm -rf "$(ROOT)/share/wenping/server"
	cd Sources/WenpingServer/Resources && find . -type f -exec install -D -m 644 {} "$(ROOT)/share/wenping/server/{}" \;
	install -m 644 "$(MANUAL)/wenping.1" "$(ROOT)/share/man/man1/wenping.1"
	"$(BUILD)/wenping" --generate-completion-script bash > "$(ROOT)/share/bash-completion/completions/wenping"
	"$(BUILD)/wenping" --generate-completion-script zsh > "$(ROOT)/share/zsh/site-functions/_wenping"
	"$(BUILD)/wenping" --generate-completion-script fish > "$(ROOT)/share/fish/vendor_completions.d/wenping.fish"
	@echo "已安装到 $(ROOT):运行 $(ROOT)/bin/wenping --help(把 $(ROOT)/bin 加入 PATH 后直接用 wenping)"

uninstall:
	rm -f "$(ROOT)/bin/wenping" "$(ROOT)/share/man/man1/wenping.1" \
		"$(ROOT)/share/bash-completion/completions/wenping" "$(ROOT)/share/zsh/site-functions/_wenping" \
		"$(ROOT)/share/fish/vendor_completions.d/wenping.fish"
	rm -rf "$(ROOT)/share/wenping"
