/** Multi-threaded kmeans entry points (Node only). */
export {};
