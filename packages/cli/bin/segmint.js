#!/usr/bin/env node
// The segmint command. Runs the built CLI (npm run build); the entry sets the exit code.
import { main } from '../dist/main.js';

await main(process.argv.slice(2));
