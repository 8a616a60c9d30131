/** Types for skmeans 0.11 (the package ships none). */
declare module 'skmeans' {
  interface SkmeansResult {
    it: number;
    k: number;
    idxs: number[];
    centroids: number[][];
  }
  function skmeans(
    data: number[][],
    k: number,
    initial?: number[][] | 'kmrand' | 'kmpp' | null,
    maxIterations?: number,
  ): SkmeansResult;
  export default skmeans;
}
