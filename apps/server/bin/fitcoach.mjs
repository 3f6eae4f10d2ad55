#!/usr/bin/env node
// Admin CLI entry point; runs the bundled CLI with plain node, so it works without npm.
await import("../dist/cli.js");
