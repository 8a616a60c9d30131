/**
 * Benchmark entry point (filled in by the benchmark harness): `npm run bench [-- --quick]`.
 */
console.log('segmint bench: no cases yet');
