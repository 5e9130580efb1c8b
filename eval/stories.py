#!/usr/bin/env python3
"""Story clustering accuracy: B-cubed precision, recall and F1 against gold.

Usage: stories.py UNECHO DATA_DIR WORK_DIR [--set basil|meter|all]
                  [--min-f1 X] [--analyze-arg ARG ...]

Ingests the set (../shared/data/basil: each event's three articles form one
story; ../shared/data/meter-showbiz: the `story` field), runs `unecho
analyze` with the default parameters (or those given with --analyze-arg),
and compares each document's `story` from `unecho docs --json` with the
gold grouping.  B-cubed (Bagga & Baldwin 1998): for each document, the
precision is the share of its predicted story that belongs to its gold
story, the recall the share of its gold story found in its predicted
story; both are averaged over documents.
"""
import argparse, collections, json, os, subprocess, sys

SETS = {
    'basil': 'basil/basil.jsonl',
    'meter': 'meter-showbiz/meter-showbiz.jsonl',
}

def bcubed(gold, pred):
    """gold, pred: dicts doc -> label.  Returns (P, R, F1)."""
    gsize = collections.Counter(gold.values())
    psize = collections.Counter(pred.values())
    both = collections.Counter((gold[d], pred[d]) for d in gold)
    p = sum(both[(gold[d], pred[d])] / psize[pred[d]] for d in gold) / len(gold)
    r = sum(both[(gold[d], pred[d])] / gsize[gold[d]] for d in gold) / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)

def evaluate(unecho, data, work, name, extra):
    path = os.path.join(data, SETS[name])
    gold = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            row = json.loads(line)
            gold[row['id']] = row['story']
    db = os.path.join(work, 'stories-%s.db' % name)
    if os.path.exists(db):
        os.remove(db)
    run = lambda *a: subprocess.run([unecho, '--db', db, *a], check=True,
                                    capture_output=True, text=True).stdout
    run('ingest', path)
    run('analyze', *extra)
    pred = {}
    for line in run('docs', '--json').splitlines():
        row = json.loads(line)
        pred[row['id']] = row['story']
    missing = [d for d in gold if pred.get(d) is None]
    if missing:
        sys.exit('stories: %d documents have no story, e.g. %s'
                 % (len(missing), missing[0]))
    p, r, f = bcubed(gold, {d: pred[d] for d in gold})
    print('stories %-6s %4d docs, %3d gold stories, %3d found: '
          'B-cubed P %.3f R %.3f F1 %.3f'
          % (name, len(gold), len(set(gold.values())),
             len(set(pred[d] for d in gold)), p, r, f))
    return f

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('unecho')
    ap.add_argument('data')
    ap.add_argument('work')
    ap.add_argument('--set', default='all', choices=['all', *SETS])
    ap.add_argument('--min-f1', type=float)
    ap.add_argument('--analyze-arg', action='append', default=[])
    a = ap.parse_args()
    names = list(SETS) if a.set == 'all' else [a.set]
    names = [n for n in names if os.path.exists(os.path.join(a.data, SETS[n]))]
    if not names:
        print('stories: %s has no BASIL or METER data: skipped' % a.data)
        return 0
    os.makedirs(a.work, exist_ok=True)
    low = []
    for n in names:
        f = evaluate(a.unecho, a.data, a.work, n, a.analyze_arg)
        if a.min_f1 is not None and f < a.min_f1:
            low.append('%s F1 %.3f < %.2f' % (n, f, a.min_f1))
    if low:
        print('stories: FAILED: ' + '; '.join(low))
        return 1
    return 0

if __name__ == '__main__':
    sys.exit(main())
