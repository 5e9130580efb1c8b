#!/usr/bin/env python3
"""Text-reuse accuracy on METER (showbiz): document classes and reused words.

Usage: meter.py UNECHO DATA_DIR WORK_DIR [--min-macro-f1 X]

Ingests ../shared/data/meter-showbiz, runs `unecho analyze` with the default
thresholds, and compares each labelled newspaper text's reuse_class with the
gold label (wholly / partially / non-derived), and the words inside the
passages unecho found (taken from PA) with the SGML annotations
(Verbatim + Rewrite = reused, New = not reused).
"""
import json, os, re, subprocess, sys

def run(unecho, db, *args):
    out = subprocess.run([unecho, '--db', db, *args], check=True,
                         capture_output=True, text=True).stdout
    return out

def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0

def prf(gold, pred, cls):
    tp = sum(1 for g, p in zip(gold, pred) if g == cls and p == cls)
    fp = sum(1 for g, p in zip(gold, pred) if g != cls and p == cls)
    fn = sum(1 for g, p in zip(gold, pred) if g == cls and p != cls)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, f1(p, r)

WORD = re.compile(r"\w+", re.UNICODE)

def sgml_words(path):
    """Words of an annotated newspaper text with True when reused."""
    raw = open(path, encoding='latin-1').read()
    words = []
    for tag, body in re.findall(r'<(Verbatim|Rewrite|New)[^>]*>(.*?)</\1>',
                                raw, re.S):
        for w in WORD.findall(body):
            words.append((w.lower(), tag != 'New'))
    return words

def text_words(text):
    return [(m.group().lower(), m.start(), m.end())
            for m in WORD.finditer(text)]

def align_words(gold, mine):
    """Pairs gold words with words of the stored text, in order."""
    pairs, j = [], 0
    for w, reused in gold:
        k = j
        while k < len(mine) and k < j + 30 and mine[k][0] != w:
            k += 1
        if k < len(mine) and mine[k][0] == w:
            pairs.append((reused, mine[k][1], mine[k][2]))
            j = k + 1
    return pairs

def main():
    unecho, data, work = sys.argv[1:4]
    min_f1 = None
    if '--min-macro-f1' in sys.argv:
        min_f1 = float(sys.argv[sys.argv.index('--min-macro-f1') + 1])
    corpus = os.path.join(data, 'meter-showbiz')
    db = os.path.join(work, 'meter.db')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    run(unecho, db, 'ingest', '-q', os.path.join(corpus, 'meter-showbiz.jsonl'))
    run(unecho, db, 'analyze')
    labels = {}
    for line in open(os.path.join(corpus, 'meter-showbiz.jsonl')):
        d = json.loads(line)
        if d['reuse_label'] != 'source':
            labels[d['id']] = d['reuse_label']
    docs = {}
    for line in run(unecho, db, 'docs', '--json', '--text').splitlines():
        d = json.loads(line)
        docs[d['id']] = d
    name = {'wholly': 'wholly_derived', 'partially': 'partially_derived',
            'none': 'non_derived'}
    ids = sorted(labels)
    gold = [labels[i] for i in ids]
    pred = [name[docs[i]['reuse_class']] for i in ids]
    classes = ['wholly_derived', 'partially_derived', 'non_derived']
    scores = {c: prf(gold, pred, c) for c in classes}
    macro = sum(s[2] for s in scores.values()) / 3
    bgold = ['derived' if g != 'non_derived' else 'non' for g in gold]
    bpred = ['derived' if p != 'non_derived' else 'non' for p in pred]
    bp, br, bf = prf(bgold, bpred, 'derived')
    print(f"eval: meter documents: {len(ids)} labelled newspaper texts")
    for c in classes:
        p, r, f = scores[c]
        print(f"eval: meter {c}: precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    print(f"eval: meter 3-class macro-F1 {macro:.3f} (published best 0.664)")
    print(f"eval: meter binary derived F1 {bf:.3f} (precision {bp:.3f}, "
          f"recall {br:.3f})")
    confusion = {}
    for g, p in zip(gold, pred):
        confusion[(g, p)] = confusion.get((g, p), 0) + 1
    for g in classes:
        print("eval: meter confusion " + g + ": " +
              ", ".join(f"{p} {confusion.get((g, p), 0)}" for p in classes))

    # Reused words against the SGML annotations.
    ann = os.path.join(corpus, 'raw', 'newspapers', 'annotated')
    tp = fp = fn = 0
    for i in ids:
        path = os.path.join(ann, i.split('rawtexts/', 1)[1] + '.sgml')
        if not os.path.exists(path):
            continue
        gold_words = sgml_words(path)
        if not gold_words:
            continue
        spans = []
        for line in run(unecho, db, 'reuse', '--json', '--doc', i).splitlines():
            pair = json.loads(line)
            if pair['copy'] == i and pair['source_outlet'] == 'PA Media':
                spans += [(p['copy_start'], p['copy_end'])
                          for p in pair['passages']]
        text = docs[i]['text'].encode('utf-8')
        mine = text_words(text.decode('utf-8'))
        # Word offsets are in characters; turn them into bytes.
        byte_at = [len(text.decode('utf-8')[:k].encode('utf-8'))
                   for k in range(len(text.decode('utf-8')) + 1)]
        for reused, s, e in align_words(gold_words, mine):
            bs, be = byte_at[s], byte_at[e]
            hit = any(a <= bs and be <= b for a, b in spans)
            tp += reused and hit
            fp += (not reused) and hit
            fn += reused and not hit
    wp = tp / (tp + fp) if tp + fp else 0.0
    wr = tp / (tp + fn) if tp + fn else 0.0
    print(f"eval: meter reused words: precision {wp:.3f} recall {wr:.3f} "
          f"F1 {f1(wp, wr):.3f}")
    if min_f1 is not None and macro < min_f1:
        print(f"eval: FAIL: meter macro-F1 {macro:.3f} below {min_f1}")
        return 1
    return 0

if __name__ == '__main__':
    sys.exit(main())
