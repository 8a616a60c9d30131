/**
 * plotly.js-dist-min ships no types of its own: it is the plotly.js bundle, so it has the API
 * that @types/plotly.js describes (the default export of the UMD bundle under Vite's interop).
 */
declare module 'plotly.js-dist-min' {
  import type * as Plotly from 'plotly.js';
  const plotly: typeof Plotly;
  export default plotly;
}
