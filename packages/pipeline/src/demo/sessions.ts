/**
 * Demo web sessions: SessionID, CustomerID, StartTime, Pages, DurationSeconds, Device,
 * Converted. Each customer has about `NumWebVisitsMonth` sessions in the 30 days before
 * {@link DEMO_AS_OF}; devices follow the preferred channel, conversion the persona's online
 * purchases. About 10% of sessions are anonymous (no CustomerID).
 */
import type { Random } from '@segmint/engine';
import type { CustomerPlan } from './customers.js';
import { dayOf, formatTimestamp, pickIndex, poisson, uniformInt } from './draw.js';
import { DEMO_AS_OF } from './transactions.js';

/** Column order of sessions.csv. */
export const SESSION_COLUMNS = [
  'SessionID',
  'CustomerID',
  'StartTime',
  'Pages',
  'DurationSeconds',
  'Device',
  'Converted',
] as const;

/** Anonymous sessions, as a share of customer sessions. */
export const ANONYMOUS_SHARE = 0.1;
const DEVICES = ['desktop', 'mobile', 'tablet'] as const;
/** Device weights by preferred channel (store, web, app, catalog). */
const DEVICE_WEIGHTS: Readonly<Record<string, readonly number[]>> = {
  store: [0.45, 0.45, 0.1],
  web: [0.65, 0.25, 0.1],
  app: [0.05, 0.85, 0.1],
  catalog: [0.6, 0.2, 0.2],
};

interface Session {
  readonly customer: number | null;
  readonly second: number;
  readonly pages: number;
  readonly duration: number;
  readonly device: string;
  readonly converted: boolean;
}

function drawSession(
  rng: Random,
  customer: number | null,
  deviceWeights: readonly number[],
  conversion: number,
  start: number,
): Session {
  const pages = 1 + poisson(rng, 4);
  return {
    customer,
    second: start + uniformInt(rng, 0, 30 * 86_400 - 1),
    pages,
    duration: pages * uniformInt(rng, 15, 90),
    device: DEVICES[pickIndex(rng, deviceWeights)]!,
    converted: rng.next() < conversion,
  };
}

/** Draws the sessions of these customers, sorted by start time, as records in CSV column order. */
export function generateSessions(
  rng: Random,
  customers: readonly CustomerPlan[],
): Record<string, unknown>[] {
  const start = (dayOf(DEMO_AS_OF) - 30) * 86_400;
  const sessions: Session[] = [];
  for (const customer of customers) {
    const visits = poisson(rng, Math.max(0.2, Number(customer.record.NumWebVisitsMonth)));
    const weights = DEVICE_WEIGHTS[String(customer.record.Channel)] ?? [1, 1, 1];
    // Online buyers convert more: web purchases over two years per monthly visit, capped.
    const conversion = Math.min(0.5, 0.03 + Number(customer.record.NumWebPurchases) / 40);
    for (let i = 0; i < visits; i++)
      sessions.push(drawSession(rng, customer.id, weights, conversion, start));
  }
  const anonymous = Math.round(sessions.length * ANONYMOUS_SHARE);
  for (let i = 0; i < anonymous; i++)
    sessions.push(drawSession(rng, null, [0.5, 0.4, 0.1], 0.02, start));
  const order = sessions
    .map((session, index) => ({ session, index }))
    .sort((a, b) => a.session.second - b.session.second || a.index - b.index);
  return order.map(({ session }, position) => ({
    SessionID: `S${String(position + 1).padStart(6, '0')}`,
    CustomerID: session.customer,
    StartTime: formatTimestamp(Math.floor(session.second / 86_400), session.second % 86_400),
    Pages: session.pages,
    DurationSeconds: session.duration,
    Device: session.device,
    Converted: session.converted,
  }));
}
