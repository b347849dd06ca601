#!/usr/bin/env node
'use strict';
// The CLI is TypeScript; tsx compiles it on the fly so `npx pmo-hub` needs no build step.
require('tsx/cjs');
require('../tools/cli/main.ts');
