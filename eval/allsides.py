#!/usr/bin/env python3
"""Wire-copy detection at scale on AllSides.

Usage: allsides.py UNECHO DB DATA_DIR [--sample N --sample-out FILE]
       [--min-recall X] [--same-outlet]

DB must hold the AllSides corpus, analysed.  Prints the recall of the
silver cross-outlet pairs of cross_source_reuse_pairs.json (all, those
with containment 0.5 or more, and of these the ones whose documents unecho
resolves to two outlets; --min-recall asserts the last, or with
--same-outlet the second), and with --sample writes N further pairs
found, chosen at random with a fixed seed, with their passages, for a person
to judge.
"""
import json, random, subprocess, sys

def main():
    unecho, db, data = sys.argv[1:4]
    opt = lambda k, d=None: sys.argv[sys.argv.index(k) + 1] if k in sys.argv else d
    silver = json.load(open(f'{data}/allsides/cross_source_reuse_pairs.json'))
    same = ['--same-outlet'] if '--same-outlet' in sys.argv else []
    out = subprocess.run([unecho, '--db', db, 'reuse', '--json', *same],
                         check=True, capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        p = json.loads(line)
        found[frozenset((p['source'], p['copy']))] = p
    def hit(a, b):
        return frozenset((f'allsides/{a}', f'allsides/{b}')) in found
    outlet = {}
    for line in subprocess.run([unecho, '--db', db, 'docs', '--json'],
                               check=True, capture_output=True,
                               text=True).stdout.splitlines():
        d = json.loads(line)
        outlet[d['id']] = d['outlet']
    def cross(a, b):
        return outlet.get(f'allsides/{a}') != outlet.get(f'allsides/{b}')
    strong = [s for s in silver if s[0] >= 0.5]
    # AllSides names some sources after columns or people ("Guest Writer -
    # Right") on a known outlet's site: unecho resolves those to the outlet,
    # so such a pair is reuse within one outlet, ignored by default.
    cross_strong = [s for s in strong if cross(s[1], s[2])]
    rec_all = sum(hit(a, b) for _, a, b in silver) / len(silver)
    rec_strong = sum(hit(a, b) for _, a, b in strong) / len(strong)
    rec_cross = (sum(hit(a, b) for _, a, b in cross_strong) /
                 max(1, len(cross_strong)))
    kinds = {}
    for p in found.values():
        kinds[p['kind']] = kinds.get(p['kind'], 0) + 1
    print(f"eval: allsides pairs found: {len(found)} (" +
          ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")")
    print(f"eval: allsides silver recall {rec_all:.3f} of {len(silver)}; "
          f"containment >= 0.5: {rec_strong:.3f} of {len(strong)}; "
          f"of those between two outlets as unecho resolves them: "
          f"{rec_cross:.3f} of {len(cross_strong)}")
    for c, a, b in silver:
        if not hit(a, b):
            print(f"eval: allsides missed silver pair {a} {b} (containment {c}"
                  f"{'' if cross(a, b) else '; one outlet: ' + outlet.get(f'allsides/{a}', '?')})")
    n = int(opt('--sample', 0))
    if n:
        silver_keys = {frozenset((f'allsides/{a}', f'allsides/{b}'))
                       for _, a, b in silver}
        rest = sorted((k for k in found if k not in silver_keys),
                      key=lambda k: sorted(k))
        random.seed(20261127)
        pick = random.sample(rest, min(n, len(rest)))
        docs = {}
        ids = {d for k in pick for d in k}
        for line in subprocess.run([unecho, '--db', db, 'docs', '--json',
                                    '--text'], check=True, capture_output=True,
                                   text=True).stdout.splitlines():
            d = json.loads(line)
            if d['id'] in ids:
                docs[d['id']] = d
        with open(opt('--sample-out'), 'w') as f:
            for i, k in enumerate(pick, 1):
                p = found[k]
                s, c = docs[p['source']], docs[p['copy']]
                f.write(f"=== {i}: {p['source']} ({p['source_outlet']}) -> "
                        f"{p['copy']} ({p['copy_outlet']}) by {p['direction']}, "
                        f"kind {p['kind']}, "
                        f"copy coverage {p['copy_coverage']:.2f}\n")
                f.write(f"source title: {s['title']}\ncopy title: {c['title']}\n")
                st, ct = s['text'].encode(), c['text'].encode()
                for x in p['passages'][:4]:
                    f.write("  S: " + st[x['source_start']:x['source_end']]
                            .decode(errors='replace')[:300].replace('\n', ' ') + "\n")
                    f.write("  C: " + ct[x['copy_start']:x['copy_end']]
                            .decode(errors='replace')[:300].replace('\n', ' ') + "\n")
        print(f"eval: allsides sample of {len(pick)} pairs written to "
              f"{opt('--sample-out')}")
    floor = opt('--min-recall')
    rec = rec_strong if same else rec_cross
    if floor is not None and rec < float(floor):
        print(f"eval: FAIL: allsides silver recall {rec:.3f} below {floor}")
        return 1
    return 0

if __name__ == '__main__':
    sys.exit(main())
