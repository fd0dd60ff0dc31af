#!/usr/bin/env node
// The published CLI runs the committed bundle, so it needs no build step and no dev dependencies.
import '../dist/cli.js';
