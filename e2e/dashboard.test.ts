/**
 * The dashboard's end-to-end flows in real headless Chromium, one after the other (two browsers
 * and two pipelines at once would fight over the machine's two cores): the analyst's flow on
 * marketing_campaign.csv, then the demo that `segmint serve --demo` (npm start) serves.
 */
import { analystFlow } from './analyst-flow.js';
import { demoFlow } from './demo-flow.js';

analystFlow();
demoFlow();
