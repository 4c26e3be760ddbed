# Build and install a docs-lint that runs without the Swift toolchain: the Swift standard
# library and Foundation are linked in (--static-swift-stdlib), so at run time the binary
# needs only the system's libcmark (Debian: libcmark0.30.2, from libcmark-dev).
#
#   make                      build .build/static/release/docs-lint
#   make install              install into PREFIX (default /usr/local); DESTDIR is honoured
#   make uninstall            remove what install put there
#
# install puts docs-lint in PREFIX/bin, its man page in PREFIX/share/man/man1, and bash, zsh
# and fish completions where those shells look for them under PREFIX/share.

PREFIX ?= /usr/local
SCRATCH ?= .build/static
BINARY := $(SCRATCH)/release/docs-lint
BIN_DIR := $(DESTDIR)$(PREFIX)/bin
MAN_DIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASH_DIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_DIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_DIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: build install uninstall

build:
	swift build -c release --product docs-lint --static-swift-stdlib --scratch-path $(SCRATCH)

install: build
	install -d $(BIN_DIR) $(MAN_DIR) $(BASH_DIR) $(ZSH_DIR) $(FISH_DIR)
	install -m 755 $(BINARY) $(BIN_DIR)/docs-lint
	strip $(BIN_DIR)/docs-lint
	$(BINARY) --generate-completion-script bash > $(BASH_DIR)/docs-lint
	$(BINARY) --generate-completion-script zsh > $(ZSH_DIR)/_docs-lint
	$(BINARY) --generate-completion-script fish > $(FISH_DIR)/docs-lint.fish
	mkdir -p $(SCRATCH)/man
	swift package --scratch-path $(SCRATCH) --allow-writing-to-directory $(SCRATCH)/man \
		generate-manual --output-directory $(SCRATCH)/man
	install -m 644 $(SCRATCH)/man/docs-lint.1 $(MAN_DIR)/docs-lint.1

uninstall:
	rm -f $(BIN_DIR)/docs-lint $(MAN_DIR)/docs-lint.1 $(BASH_DIR)/docs-lint $(ZSH_DIR)/_docs-lint \
		$(FISH_DIR)/docs-lint.fish
