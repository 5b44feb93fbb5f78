# Accord: `make run` opens the app on its bundled sample; `make test` sets everything up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test test-fast lint bench fuzz system-deps fixtures clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# LibreOffice (for the redline round-trip tests and fixture regeneration), poppler-utils,
# Ghostscript and MuPDF's mutool (real PDFs written again by other programs), tesseract with
# English and Russian (real PDFs scanned and read by OCR, and the corpus's Russian scan), the Qt
# runtime libraries, and a font with Chinese glyphs (the window shows Chinese with it; without
# one it warns).
system-deps:
	@if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftocairo >/dev/null 2>&1 || ! command -v gs >/dev/null 2>&1 \
	    || ! command -v mutool >/dev/null 2>&1 || ! command -v tesseract >/dev/null 2>&1 \
	    || ! tesseract --list-langs 2>/dev/null | grep -qx rus \
	    || ! ldconfig -p | grep -q libxkbcommon.so.0 || ! ldconfig -p | grep -q libEGL.so.1 \
	    || ! fc-list 2>/dev/null | grep -qi "wqy\|noto sans cjk"; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      libreoffice-writer-nogui fonts-dejavu-core fonts-liberation2 fonts-wqy-microhei poppler-utils ghostscript mupdf-tools \
	      tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus \
	      libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 >/dev/null; \
	  else echo "make: LibreOffice or Qt libraries missing and not root: tests needing them will fail" >&2; fi; \
	fi

# The tests' offscreen default is not for the window: unset it unless the user set QT_QPA_PLATFORM
# (then it is theirs, e.g. wayland or xcb). Without a display accord says so in one line (exit 2).
run: $(STAMP)
	@$(if $(filter environment command line,$(origin QT_QPA_PLATFORM)),,unset QT_QPA_PLATFORM;) $(BIN)/accord

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q

# The inner loop: stops at the first failure and leaves out the slow sweeps, LibreOffice and the
# window's tests (marked `gui` by tests/conftest.py); `make test` runs everything.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -x -m "not slow and not libreoffice and not gui"

lint: $(STAMP)
	$(BIN)/ruff check parsers compare desktop resources tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP) system-deps
	$(BIN)/python -m benchmarks

fuzz: $(STAMP)
	ACCORD_FUZZ_EXAMPLES=5000 $(BIN)/python -m pytest -q tests/test_fuzz.py

fixtures: $(STAMP) system-deps
	$(BIN)/python tests/fixtures/make_fixtures.py

clean:
	rm -rf $(VENV) build *.egg-info
