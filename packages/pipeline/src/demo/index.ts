/** Demo data: synthetic customers with planted segments, their transactions and web sessions, and ready-to-run configs. */
export {
  DEMO_DATA_DEFAULTS,
  type DemoData,
  type DemoDataOptions,
  generateDemoData,
} from './generate-demo-data.js';
export { type DemoFiles, writeDemo } from './write-demo.js';
export { DEMO_CONFIG, DEMO_RFM_CONFIG } from './demo-configs.js';
export { CUSTOMER_COLUMNS } from './customers.js';
export { DEMO_AS_OF, TRANSACTION_COLUMNS } from './transactions.js';
export { SESSION_COLUMNS } from './sessions.js';
export { PERSONAS, type Persona } from './personas.js';
export { toCsv } from './csv.js';
