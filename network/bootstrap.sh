#!/usr/bin/env bash
# Entry of `npm start`, `npm stop`, `npm run demo` and `npm test` on a fresh or a used checkout:
# installs what is missing (npm packages with the pinned Node 24 runtime; Fabric binaries are built by
# the network scripts), compiles the TypeScript, then hands over to the project's own Node.
set -euo pipefail
cd "$(dirname "$0")/.."
command=${1:-up}

install_marker=node_modules/.cats-installed
if [ ! -x node_modules/.bin/node ] || [ ! -f "$install_marker" ] || [ package-lock.json -nt "$install_marker" ]; then
  echo "Installing npm packages (with the project's Node 24 runtime)…"
  npm install --no-audit --no-fund --loglevel=error
  touch "$install_marker"
fi
NODE=$PWD/node_modules/.bin/node
major=$("$NODE" -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 24 ]; then echo "error: node_modules/.bin/node is Node $major; expected 24 (reinstall: rm -rf node_modules && npm start)" >&2; exit 1; fi
export PATH="$PWD/node_modules/.bin:$PATH"

build() {
  echo "Compiling TypeScript…"
  "$NODE" node_modules/typescript/bin/tsc -p tsconfig.json
  # The web console each gateway serves: built once, rebuilt when its sources are newer.
  if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/index.html -newer web/dist/index.html -print -quit 2>/dev/null)" ]; then
    echo "Building the web console…"
    "$NODE" node_modules/vite/bin/vite.js build web --logLevel warn
  fi
}

case "$command" in
  up)
    build
    "$NODE" dist/network/src/cli.js up default
    "$NODE" dist/client/src/demo/main.js
    ;;
  demo)
    build
    "$NODE" dist/client/src/demo/main.js
    ;;
  down)
    [ -f dist/network/src/cli.js ] || build
    "$NODE" dist/network/src/cli.js down default
    ;;
  accede)
    build
    shift
    "$NODE" dist/network/src/cli.js accede "$@"
    ;;
  conformance)
    build
    "$NODE" -r @swc-node/register tests/conformance/run.ts
    ;;
  bench)
    build
    shift
    "$NODE" -r @swc-node/register tests/bench/main.ts "$@"
    ;;
  chaos)
    build
    shift
    "$NODE" -r @swc-node/register chaos/main.ts "$@"
    ;;
  status)
    "$NODE" dist/network/src/cli.js status default
    ;;
  test)
    build
    "$NODE" node_modules/mocha/bin/mocha.js --config .mocharc.json
    "$NODE" node_modules/mocha/bin/mocha.js --config tests/integration/.mocharc.json
    ;;
  *)
    echo "usage: bootstrap.sh up|down|demo|status|accede|conformance|bench|chaos|test" >&2; exit 2;;
esac
