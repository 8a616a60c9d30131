/** Multi-threaded reduce entry points (Node only). */
export {};
