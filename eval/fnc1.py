#!/usr/bin/env python3
"""Evaluates 'unecho stance' on FNC-1 (agree / disagree / discuss / unrelated).

Usage: eval/fnc1.py UNECHO [DATA] [--split heldout|tune] [--min-score X]
                    [--derive OUT] [--c C...]

DATA (default /work/shared/data/fnc1) holds the FNC-1 CSV files: bodies
(*_bodies.csv: Body ID, articleBody) and labelled pairs (*_stances.csv:
Headline, Body ID, Stance), matched by their prefix (train_, competition_test_).
The labelled pairs are split by Body ID into two halves, deterministically
(CRC-32 of the prefix and the Body ID, even: tuning, odd: held-out), so that
no body is in both.  The model (data/stance/model.tsv) is fitted on the
tuning half only (--derive OUT, with scikit-learn); figures are reported on
the held-out half unless --split tune.

Reported: the FNC-1 score (+0.25 for each pair whose related/unrelated
decision is right, +0.75 more for each related pair whose label is right)
relative to its maximum, per-class F1, the confusion matrix and the speed.
--min-score X exits 1 when the relative score is below X.  When DATA is
absent the evaluation says so and exits 0.
"""
import argparse, csv, json, os, subprocess, sys, tempfile, time, zlib

LABELS = ['agree', 'disagree', 'discuss', 'unrelated']
CLASSES = ['agree', 'disagree', 'discuss']


def load(root):
    """The labelled pairs: (key, headline, body text, stance)."""
    pairs = []
    csv.field_size_limit(1 << 30)
    names = sorted(os.listdir(root))
    for name in names:
        if not name.endswith('_stances.csv'):
            continue
        prefix = name[:-len('_stances.csv')]
        bodies_name = prefix + '_bodies.csv'
        if bodies_name not in names:
            print('fnc1: %s has no %s: skipped' % (name, bodies_name))
            continue
        with open(os.path.join(root, bodies_name), newline='',
                  encoding='utf-8') as f:
            bodies = {r['Body ID']: r['articleBody'] for r in csv.DictReader(f)}
        with open(os.path.join(root, name), newline='', encoding='utf-8') as f:
            for r in csv.DictReader(f):
                if r['Body ID'] in bodies and r['Stance'] in LABELS:
                    pairs.append(('%s/%s' % (prefix, r['Body ID']),
                                  r['Headline'], bodies[r['Body ID']],
                                  r['Stance']))
    return pairs


def half(key):
    return 'tune' if zlib.crc32(key.encode()) % 2 == 0 else 'heldout'


def run(unecho, pairs, mode):
    """Runs unecho stance over the pairs; returns the rows and seconds."""
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False,
                                     encoding='utf-8') as f:
        for i, p in enumerate(pairs):
            f.write(json.dumps({'id': i, 'claim': p[1], 'body': p[2]}) + '\n')
        path = f.name
    try:
        t0 = time.time()
        out = subprocess.run([unecho, 'stance', '--pairs', path, mode],
                             capture_output=True, text=True, check=False)
        secs = time.time() - t0
    finally:
        os.unlink(path)
    if out.returncode not in (0, 1):
        sys.exit('fnc1: unecho stance failed: %s' % out.stderr.strip())
    rows = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    if len(rows) != len(pairs):
        sys.exit('fnc1: %d pairs in, %d rows out: %s'
                 % (len(pairs), len(rows), out.stderr.strip()[:500]))
    return rows, secs


def score(gold, pred):
    s = best = 0.0
    for g, p in zip(gold, pred):
        gr, pr = g != 'unrelated', p != 'unrelated'
        best += 0.25 + (0.75 if gr else 0)
        if gr == pr:
            s += 0.25
        if gr and g == p:
            s += 0.75
    return s, best


def report(gold, pred, secs, what):
    s, best = score(gold, pred)
    rel = s / best if best else 0
    print('FNC-1 %s: %d pairs, score %.2f of %.2f, relative %.4f'
          % (what, len(gold), s, best, rel))
    print('%-10s %6s %6s %6s %6s' % ('class', 'prec', 'recall', 'F1', 'gold'))
    f1s = []
    for c in LABELS:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        np_ = sum(1 for p in pred if p == c)
        ng = sum(1 for g in gold if g == c)
        pr = tp / np_ if np_ else 0
        rc = tp / ng if ng else 0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0
        f1s.append(f1)
        print('%-10s %6.3f %6.3f %6.3f %6d' % (c, pr, rc, f1, ng))
    print('macro F1 %.3f' % (sum(f1s) / len(f1s)))
    print('confusion (rows gold, columns predicted):')
    print('%-10s' % '' + ''.join('%10s' % c for c in LABELS))
    for g in LABELS:
        print('%-10s' % g + ''.join(
            '%10d' % sum(1 for a, b in zip(gold, pred) if a == g and b == p)
            for p in LABELS))
    if secs:
        print('speed: %.0f pairs/s (%.1f s)' % (len(gold) / secs, secs))
    return rel


def derive(unecho, pairs, out, cs):
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    rows, _ = run(unecho, pairs, '--features')
    names = sorted({k for r in rows for k in r['features']})
    names.remove('bias')
    X = np.zeros((len(rows), len(names)))
    col = {n: i for i, n in enumerate(names)}
    for i, r in enumerate(rows):
        for k, v in r['features'].items():
            if k in col:
                X[i, col[k]] = v
    gold = np.array([p[3] for p in pairs])
    mean, sd = X.mean(0), X.std(0)
    sd[sd == 0] = 1
    Z = (X - mean) / sd
    y1 = (gold != 'unrelated').astype(int)

    def fit(idx, c):
        """related or not; then agree, disagree, discuss among the related"""
        m1 = LogisticRegression(C=c, max_iter=3000).fit(Z[idx], y1[idx])
        rel = idx[y1[idx] == 1]
        y2 = np.array([CLASSES.index(g) for g in gold[rel]])
        m2 = LogisticRegression(C=c, max_iter=3000).fit(Z[rel], y2)
        return m1, m2

    def best_threshold(p1, lab, g):
        bestt, bests = 0.5, -1
        for t in np.arange(0.04, 0.81, 0.02):
            s, _ = score(g, np.where(p1 >= t, lab, 'unrelated'))
            if s > bests:
                bestt, bests = float(t), s
        return bestt, bests

    # C and the threshold on P(related) by two-fold cross-validation within
    # the tuning half, the folds split by body as the halves are
    fold = np.array([zlib.crc32(('fold:' + p[0]).encode()) % 2 for p in pairs])
    choice = None
    for c in cs:
        p1 = np.zeros(len(pairs))
        lab = np.empty(len(pairs), dtype=object)
        for k in (0, 1):
            m1, m2 = fit(np.where(fold != k)[0], c)
            test = np.where(fold == k)[0]
            p1[test] = m1.predict_proba(Z[test])[:, 1]
            lab[test] = np.array(CLASSES)[m2.predict(Z[test])]
        t, s = best_threshold(p1, lab, gold)
        _, mx = score(gold, gold)
        print('fnc1: C=%g: cross-validated relative score %.4f at threshold '
              '%.2f' % (c, s / mx, t))
        if choice is None or s > choice[2]:
            choice = (c, t, s)
    c, bestt, _ = choice
    m1, m2 = fit(np.arange(len(pairs)), c)
    w = np.zeros((len(names), 4))
    b = np.zeros(4)
    w[:, 0] = m1.coef_[0] / sd
    b[0] = m1.intercept_[0] - (m1.coef_[0] * mean / sd).sum()
    for k in range(3):
        w[:, k + 1] = m2.coef_[k] / sd
        b[k + 1] = m2.intercept_[k] - (m2.coef_[k] * mean / sd).sum()
    with open(out, 'w') as f:
        f.write('# stance model: feature<TAB>related<TAB>agree<TAB>disagree'
                '<TAB>discuss, fitted by eval/fnc1.py --derive on the tuning '
                'half of FNC-1 (%d pairs, C=%g by cross-validation)\n' % (len(pairs), c))
        f.write('@threshold\t%.2f\n' % bestt)
        f.write('bias\t%s\n' % '\t'.join('%.5g' % v for v in b))
        for i, n in enumerate(names):
            if np.abs(w[i]).max() < 1e-6:
                continue
            f.write('%s\t%s\n' % (n, '\t'.join('%.5g' % v for v in w[i])))
    print('fnc1: wrote %s (%d features, threshold %.2f)'
          % (out, len(names), bestt))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('unecho')
    ap.add_argument('data', nargs='?', default='/work/shared/data/fnc1')
    ap.add_argument('--split', choices=('heldout', 'tune'), default='heldout')
    ap.add_argument('--min-score', type=float)
    ap.add_argument('--derive', metavar='OUT')
    ap.add_argument('--c', type=float, nargs='+',
                    default=[0.003, 0.01, 0.03, 0.1, 0.3, 1.0],
                    help='inverse regularisation strengths that --derive '
                         'chooses from by cross-validation')
    a = ap.parse_args()
    if not os.path.isdir(a.data):
        print('fnc1: %s not found: skipped' % a.data)
        return 0
    pairs = load(a.data)
    if not pairs:
        print('fnc1: no labelled pairs in %s: skipped' % a.data)
        return 0
    if a.derive:
        derive(a.unecho, [p for p in pairs if half(p[0]) == 'tune'],
               a.derive, a.c)
        return 0
    sel = [p for p in pairs if half(p[0]) == a.split]
    rows, secs = run(a.unecho, sel, '--json')
    rel = report([p[3] for p in sel], [r['stance'] for r in rows], secs,
                 a.split)
    if a.min_score is not None and rel < a.min_score:
        print('fnc1: relative score %.4f below %.4f' % (rel, a.min_score))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
