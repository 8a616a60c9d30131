"""Long-lived scikit-learn side of the Segmint benchmark.

Reads one JSON command per line on stdin and answers one JSON line on stdout. Datasets are
loaded once (numpy.fromfile on the raw little-endian files the harness writes under
bench/.cache) and kept in memory; only the computation is timed, with time.perf_counter.
Quality measures (inertia, potential, explained variance, silhouette) are computed outside the
timed region. scikit-learn runs with its default threads (reported by the "info" command).

Commands ({"op": ...}):
  info                                        -> versions and thread pools
  load       key, path, rows, cols, dtype     -> {}
  drop       key                              -> {}
  kmeans     data, init, tol, max_iter         -> seconds, inertia, iterations
  kmeans++   data, k, seed                     -> seconds, potential
  pca        data, components                  -> seconds, explained_variance_ratio_sum
  silhouette data, labels                      -> seconds, score
  minibatch  data, k, batch, seed              -> seconds, inertia, iterations
  labels     data, k, seed, out                -> writes int32 k-means labels to out
  agglomerative data, k, linkage               -> seconds, inertia (within-cluster squares)
  dbscan     data, eps, min_samples            -> seconds, clusters, noise
  quit
"""
import json
import platform
import sys
import time

import numpy as np

arrays = {}


def potential(X, centers):
    """Sum over rows of the squared distance to the nearest centre (chunked to bound memory)."""
    total = 0.0
    centers_sq = (centers**2).sum(axis=1)
    for start in range(0, X.shape[0], 65536):
        chunk = X[start : start + 65536]
        d2 = (chunk**2).sum(axis=1)[:, None] - 2.0 * chunk @ centers.T + centers_sq[None, :]
        total += float(np.maximum(d2.min(axis=1), 0.0).sum())
    return total


def handle(command):
    op = command["op"]
    if op == "info":
        import sklearn
        import sklearn.cluster  # noqa: F401  (loads OpenMP, so threadpool_info lists it)
        import threadpoolctl

        pools = threadpoolctl.threadpool_info()
        return {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "sklearn": sklearn.__version__,
            "threadpools": [
                {
                    "api": pool.get("user_api"),
                    "library": pool.get("internal_api"),
                    "threads": pool.get("num_threads"),
                }
                for pool in pools
            ],
        }
    if op == "load":
        dtype = "<f8" if command["dtype"] == "float64" else "<i4"
        values = np.fromfile(command["path"], dtype=dtype)
        rows, cols = command["rows"], command["cols"]
        if values.size != rows * cols:
            raise ValueError(f"{command['path']}: {values.size} values, expected {rows}x{cols}")
        arrays[command["key"]] = values.reshape(rows, cols) if cols > 1 else values
        return {}
    if op == "drop":
        arrays.pop(command["key"], None)
        return {}
    X = arrays[command["data"]]
    if op == "kmeans":
        from sklearn.cluster import KMeans

        init = arrays[command["init"]]
        model = KMeans(
            n_clusters=init.shape[0],
            init=init,
            n_init=1,
            algorithm="lloyd",
            tol=command.get("tol", 1e-4),
            max_iter=command.get("max_iter", 300),
        )
        start = time.perf_counter()
        model.fit(X)
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "inertia": float(model.inertia_), "iterations": int(model.n_iter_)}
    if op == "kmeans++":
        from sklearn.cluster import kmeans_plusplus

        start = time.perf_counter()
        centers, _ = kmeans_plusplus(X, command["k"], random_state=command.get("seed", 0))
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "potential": potential(X, centers)}
    if op == "pca":
        from sklearn.decomposition import PCA

        model = PCA(n_components=command["components"], svd_solver="full")
        start = time.perf_counter()
        model.fit(X)
        seconds = time.perf_counter() - start
        return {
            "seconds": seconds,
            "explained_variance_ratio_sum": float(model.explained_variance_ratio_.sum()),
        }
    if op == "silhouette":
        from sklearn.metrics import silhouette_score

        labels = arrays[command["labels"]]
        start = time.perf_counter()
        score = silhouette_score(X, labels)
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "score": float(score)}
    if op == "minibatch":
        from sklearn.cluster import MiniBatchKMeans

        model = MiniBatchKMeans(
            n_clusters=command["k"],
            batch_size=command["batch"],
            random_state=command.get("seed", 0),
            n_init=1,
        )
        start = time.perf_counter()
        model.fit(X)
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "inertia": float(model.inertia_), "iterations": int(model.n_iter_)}
    if op == "agglomerative":
        from sklearn.cluster import AgglomerativeClustering

        model = AgglomerativeClustering(n_clusters=command["k"], linkage=command["linkage"])
        start = time.perf_counter()
        model.fit(X)
        seconds = time.perf_counter() - start
        inertia = 0.0
        for label in np.unique(model.labels_):
            members = X[model.labels_ == label]
            inertia += float(((members - members.mean(axis=0)) ** 2).sum())
        return {"seconds": seconds, "inertia": inertia}
    if op == "dbscan":
        from sklearn.cluster import DBSCAN

        model = DBSCAN(eps=command["eps"], min_samples=command["min_samples"])
        start = time.perf_counter()
        model.fit(X)
        seconds = time.perf_counter() - start
        labels = model.labels_
        return {"seconds": seconds, "clusters": int(labels.max() + 1), "noise": int((labels < 0).sum())}
    if op == "labels":
        from sklearn.cluster import KMeans

        model = KMeans(n_clusters=command["k"], n_init=1, random_state=command.get("seed", 0))
        labels = model.fit_predict(X).astype("<i4")
        labels.tofile(command["out"])
        return {"inertia": float(model.inertia_)}
    raise ValueError(f"unknown op {op!r}")


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        command = json.loads(line)
        if command.get("op") == "quit":
            break
        try:
            reply = {"ok": True, **handle(command)}
        except Exception as error:  # answer every command, even a failing one
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
