import { describe, expect, it } from 'vitest';
import { parseWrkOutput } from './wrk.js';

const REPORT = `Running 10s test @ http://127.0.0.1:38657/api/models/x/predict
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     7.90ms    4.36ms  66.27ms   89.88%
    Req/Sec   524.73    113.47   696.00     64.00%
  5229 requests in 10.02s, 612.55MB read
Requests/sec:    521.85
Transfer/sec:     61.13MB
`;

describe('parseWrkOutput', () => {
  it('reads requests per second and defaults to no failures', () => {
    expect(parseWrkOutput(REPORT)).toEqual({
      requestsPerSecond: 521.85,
      non2xx: 0,
      socketErrors: null,
    });
  });

  it('reads non-2xx responses and socket errors', () => {
    const text = `${REPORT}  Socket errors: connect 0, read 2, write 0, timeout 1\n  Non-2xx or 3xx responses: 17\n`;
    expect(parseWrkOutput(text)).toEqual({
      requestsPerSecond: 521.85,
      non2xx: 17,
      socketErrors: 'connect 0, read 2, write 0, timeout 1',
    });
  });

  it('fails loudly on output it does not understand', () => {
    expect(() => parseWrkOutput('segfault')).toThrow(/Requests\/sec/);
  });
});
