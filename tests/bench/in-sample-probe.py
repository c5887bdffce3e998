"""
A probe, not part of the product: does a model on top of the rubric lose anything by being trained on the rubric's
scores on the sets it was trained on (in-sample, what a build-time calibration sees), instead of its leave-one-set-out
scores (which would need folds within folds)? Reads `npx tsx tests/bench/rubric-dump-folds.ts folds.jsonl` and, for
each set in turn, fits bag-of-words-probe.py's `bow` model on the other sets (MODE=insample: their scores under this
fold's training; MODE=crossval: their own leave-one-set-out scores) and predicts the set left out. Prints the rubric,
the free model and the model behind the calibration's guard (a sign turned round, or set from 0 at FROM_ZERO).
Round twenty-seven (README): in-sample and cross-validated agreed to 0.1 point. Needs python3-sklearn.

  MODE=insample /usr/bin/python3 tests/bench/in-sample-probe.py folds.jsonl
"""
import json, os, re, sys
from collections import Counter
import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
rows = [json.loads(l) for l in open(sys.argv[1])]
rows = [r for r in rows if not r['unscored']]
C = float(os.environ.get('C', '0.3')); SCALE = float(os.environ.get('SCALE', '10')); FZ = float(os.environ.get('FROM_ZERO', '0.9'))
MODE = os.environ.get("MODE", "insample")  # insample | crossval
SIGN = {'-': 0, '0': 1, '+': 2}
tokens = lambda s: re.findall(r"[a-z]+(?:'[a-z]+)?|[!?]", s.lower().replace('\u2019', "'"))
words = [tokens(r['reply']) for r in rows]
sets = list(dict.fromkeys(r['set'] for r in rows))
si = {s: i for i, s in enumerate(sets)}
set_of = np.array([si[r['set']] for r in rows]); scored = np.array([r['scored'] for r in rows])
F = np.array([r['folds'] for r in rows], dtype=float)  # rows × folds × 3
own = F[np.arange(len(rows)), set_of]  # LOSO output
seen = Counter(w for ws in words for w in set(ws))
index = {w: i for i, w in enumerate(w for w, n in seen.items() if n >= 3)}
r_, c_, v_ = [], [], []
for i, ws in enumerate(words):
    counts = Counter(w for w in ws if w in index)
    for w, n in counts.items():
        r_.append(i); c_.append(index[w]); v_.append(SCALE * n / max(1, sum(counts.values())))
bow = csr_matrix((v_, (r_, c_)), shape=(len(rows), len(index)))
loglen = np.log1p([len(w) for w in words])
def base(S): return np.column_stack([np.clip(S, -4, 4), S > 0, S < 0, loglen])
sign = lambda v: np.where(v > 0, 2, np.where(v < 0, 0, 1))
for d, name in enumerate(['empathy', 'flexibility', 'ownership']):
    want = np.array([SIGN[r['panel'][d]] for r in rows])
    got = np.zeros(len(rows), int); conf = np.zeros(len(rows))
    for k in range(len(sets)):
        test, train = set_of == k, set_of != k
        Btrain = base(F[:, k] if MODE == 'insample' else own)
        Btest = base(F[:, k])
        mu, sd = Btrain[train].mean(0), Btrain[train].std(0) + 1e-6
        Xtr = hstack([csr_matrix((Btrain - mu) / sd), bow]).tocsr()
        Xte = hstack([csr_matrix((Btest - mu) / sd), bow]).tocsr()
        m = LogisticRegression(C=C, max_iter=3000).fit(Xtr[train], want[train])
        got[test] = m.predict(Xte[test]); conf[test] = m.predict_proba(Xte[test]).max(1)
    rs = sign(own[:, d]); raw = got.copy()
    keep = np.where(rs == 1, conf < FZ, got == 1); got[keep] = rs[keep]
    for label, g in [('rubric', rs), ('free', raw), ('flips', got)]:
        ok = g == want
        print(f'{name:12} {label:7} scored {100*ok[scored].mean():.1f}  dev {100*ok[~scored].mean():.1f}  all {100*ok.mean():.1f}', flush=True)
