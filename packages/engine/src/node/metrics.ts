/** Multi-threaded metrics entry points (Node only). */
export {};
