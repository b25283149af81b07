#!/usr/bin/env python3
"""The reference study's learning stack on exactly sonemo's features and folds.

Reads DIR/data.csv written by `sonemo experiment` (domain, id, fold, sign_only, arousal,
valence, features...) and, for the training sets "A only", "B only" and "A+B" of every fold,
runs scikit-learn's StandardScaler + PCA + SVR with the study's grid under
HalvingGridSearchCV (factor 4, starting at 10% of the training data, RMSE), as the study did,
then tests on each domain's test part. Prints and writes DIR/peer_sklearn.csv and the wall time.

usage: peer_sklearn.py DIR [--labels arousal,valence] [--grid study|fast] [--inner-folds 3] [--jobs -1]
"""
import argparse
import csv
import sys
import time

import numpy as np
from sklearn.decomposition import PCA
from sklearn.experimental import enable_halving_search_cv  # noqa: F401
from sklearn.model_selection import HalvingGridSearchCV, KFold
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR


def study_grid():
    """The study's SVR grid (the same candidates as sonemo's `--grid study`)."""
    pcas = []
    for var in (0.8, 0.9, 0.95, None):
        for whiten in (False, True):
            pcas.append({"pca": [PCA(n_components=var, whiten=whiten, svd_solver="full")]})
    common = {"svr__C": list(np.geomspace(0.1, 10, 5)), "svr__epsilon": list(np.linspace(0, 1, 5)),
              "svr__gamma": ["scale", "auto"]}
    grid = []
    for p in pcas:
        grid.append({**p, **common, "svr__kernel": ["rbf"]})
        grid.append({**p, **common, "svr__kernel": ["sigmoid"], "svr__coef0": [0.0]})
        grid.append({**p, **common, "svr__kernel": ["poly"], "svr__degree": [2, 3, 4, 5], "svr__coef0": [0.0]})
    return grid


def fast_grid():
    grid = []
    for var in (0.95, None):
        grid.append({"pca": [PCA(n_components=var, svd_solver="full")], "svr__kernel": ["rbf"],
                     "svr__C": [0.3, 1, 3, 10], "svr__epsilon": [0.05, 0.1, 0.2], "svr__gamma": ["scale", "auto"]})
    return grid


def load(path):
    with open(path, newline="") as f:
        r = csv.reader(f)
        header = next(r)
        rows = list(r)
    dom = np.array([x[0] for x in rows])
    fold = np.array([int(x[2]) for x in rows])
    sign = np.array([x[3] == "true" for x in rows])
    y = {"arousal": np.array([float(x[4]) for x in rows]), "valence": np.array([float(x[5]) for x in rows])}
    X = np.array([[float(v) for v in x[6:]] for x in rows])
    return header, dom, fold, sign, y, X


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--labels", default="arousal,valence")
    ap.add_argument("--grid", default="study")
    ap.add_argument("--inner-folds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=-1)
    a = ap.parse_args()
    t0 = time.time()
    header, dom, fold, sign, ys, X = load(a.dir + "/data.csv")
    domains = list(dict.fromkeys(dom))
    A, B = domains[0], domains[1]
    grid = study_grid() if a.grid == "study" else fast_grid()
    k = fold.max() + 1
    out = []
    for label in a.labels.split(","):
        y = ys[label]
        for train_name, train_doms in ((A, {A}), (B, {B}), (A + "+" + B, {A, B})):
            for f in range(k):
                tr = np.array([d in train_doms for d in dom]) & (fold != f)
                pipe = Pipeline([("scaler", StandardScaler()), ("pca", PCA()), ("svr", SVR())])
                n = int(tr.sum())
                search = HalvingGridSearchCV(pipe, grid, factor=4, min_resources=max(int(0.1 * n), 2 * a.inner_folds + 2),
                                             resource="n_samples", scoring="neg_root_mean_squared_error",
                                             cv=KFold(a.inner_folds, shuffle=True, random_state=f),
                                             n_jobs=a.jobs, random_state=f, refit=True, error_score=np.nan)
                ts = time.time()
                search.fit(X[tr], y[tr])
                secs = time.time() - ts
                for tested in (A, B):
                    te = (dom == tested) & (fold == f)
                    p = search.predict(X[te])
                    t = y[te]
                    so = bool(sign[te][0])
                    auc = roc_auc_score(t > 0, p) if so and len(set(t > 0)) == 2 else float("nan")
                    acc = float(np.mean((t >= 0) == (p >= 0)))
                    out.append([label, train_name, f, tested, so, n, int(te.sum()), r2_score(t, p),
                                mean_squared_error(t, p) ** 0.5, mean_absolute_error(t, p), acc, auc, secs])
            print(f"{label} {train_name}: done ({time.time() - t0:.0f} s)", file=sys.stderr, flush=True)
    wall = time.time() - t0
    with open(a.dir + "/peer_sklearn.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["label", "training", "fold", "tested", "sign_only", "n_train", "n_test", "r2", "rmse", "mae",
                    "sign_accuracy", "roc_auc", "seconds"])
        w.writerows(out)
    print("label,training,tested,r2_mean,rmse_mean,sign_accuracy_mean,roc_auc_mean")
    keys = dict.fromkeys((r[0], r[1], r[3]) for r in out)
    for key in keys:
        rs = [r for r in out if (r[0], r[1], r[3]) == key]
        m = lambda i: float(np.nanmean([r[i] for r in rs]))
        print(f"{key[0]},{key[1]},{key[2]},{m(7):.3f},{m(8):.3f},{m(10):.3f},{m(11):.3f}")
    print(f"wall_seconds,{wall:.1f}")


if __name__ == "__main__":
    main()
