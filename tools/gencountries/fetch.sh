#!/bin/sh
# Regenerates internal/lexicon/data/countries.yaml from the npm package
# world-countries (mledoze data). Needs npm; CI does not run this, the
# generated YAML is committed. Run from the module root or via go generate.
set -eu
version=${WORLD_COUNTRIES_VERSION:-5.1.0}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "world-countries@$version" >/dev/null && tar xzf "world-countries-$version.tgz")
cd "$root"
go run ./tools/gencountries -version "$version" -in "$tmp/package/countries.json" -out internal/lexicon/data/countries.yaml
