#!/usr/bin/env python3
"""Validate the evaluation corpus written by ``generate.py``.

Checks: every record parses and carries the required fields; labels match listings/posts
one to one and in order; (platform, external_id) is unique; every account used has an
account record in the same split; titles are 30-120 and texts 80-400 characters; the
tune/holdout split is 70/30 within 3 points; the minimum counts per kind and per group are
met; an independent rule-based reading of each record agrees with its ``mention`` label;
and running the generator twice gives byte-identical files (sha256).

Usage: ``python tests/corpus/check.py [--no-determinism]``; exits 1 on any failure.
"""

from __future__ import annotations

import collections
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import confusable_homoglyphs
import wordfreq
import yaml

HERE = Path(__file__).resolve().parent
ORDER = ["homoglyph", "leetspeak", "spaced", "typo", "alias", "compound", "hashtag", "exact"]
PLATFORMS = {
    "amazon",
    "ebay",
    "etsy",
    "aliexpress",
    "shopify",
    "webstore",
    "instagram",
    "tiktok",
    "x",
    "pinterest",
    "facebook",
}
LABEL_KEYS = [
    "platform",
    "external_id",
    "brand",
    "mention",
    "wording",
    "price",
    "seller",
    "infringing",
    "expected_level",
    "case",
]
ZW = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
LEET = {"a": "a@4", "o": "o0", "e": "e3", "i": "i1", "l": "l1", "s": "s$", "t": "t7"}
failures: list[str] = []


def fail(msg: str) -> None:
    failures.append(msg)


def osa(a: str, b: str) -> int:
    """Optimal string alignment distance (adjacent swaps count as one edit)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def confusable_classes() -> dict[str, set[str]]:
    """Latin letter -> non-ASCII look-alikes (Cyrillic, Greek, fullwidth) from confusables.json."""
    path = os.path.join(os.path.dirname(confusable_homoglyphs.__file__), "confusables.json")
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    out: dict[str, set[str]] = collections.defaultdict(set)
    for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        for e in data.get(letter, []):
            c = e["c"]
            if (
                len(c) == 1
                and not c.isascii()
                and unicodedata.name(c, "").startswith(("CYRILLIC", "GREEK", "FULLWIDTH"))
            ):
                out[letter.lower()].add(c)
    for cp in range(0xFF21, 0xFF5B):
        ch = chr(cp)
        if ch.isalpha():
            out[unicodedata.normalize("NFKC", ch).lower()].add(ch)
    return out


CONF = confusable_classes()
ZWC = "".join(sorted(ZW))


def is_word(w: str) -> bool:
    return max(wordfreq.zipf_frequency(w, lg) for lg in ("en", "fr", "es", "it", "de")) >= 1.0


class Oracle:
    """A deliberately simple reading of the disguise rules, independent of the generator."""

    def __init__(self, brand: dict[str, Any]) -> None:
        self.name = brand["name"]
        mark = brand["marks"][0]["text"].lower()
        self.words = mark.split()
        self.slug = "".join(self.words)
        self.aliases = brand["marks"][0].get("aliases", [])
        self.short = len(self.slug) <= 3
        self.common = self.slug == "juniper"

    def kinds(self, title: str, text: str, hashtags: list[str]) -> list[str]:
        body = "\n".join([title, text])
        tags = [h.lstrip("#") for h in hashtags] + re.findall(r"#(\w+)", body)
        body_nohash = re.sub(r"#\w+", " ", body)
        found = []
        # homoglyph: each letter may be a look-alike, zero-width characters may sit between
        hpat = r"\s+".join(
            f"[{ZWC}]*".join(
                "[" + re.escape(c + c.upper() + "".join(sorted(CONF.get(c, set())))) + "]"
                for c in w
            )
            for w in self.words
        )
        for m in re.finditer(rf"(?<![A-Za-z0-9]){hpat}(?![A-Za-z0-9])", body):
            if not m.group(0).isascii():
                found.append("homoglyph")
                break
        # leetspeak
        pat = r"\s+".join("".join(f"[{re.escape(LEET.get(c, c))}]" for c in w) for w in self.words)
        for m in re.finditer(rf"(?<![A-Za-z0-9@$]){pat}(?![A-Za-z0-9@$])", body, flags=re.I):
            if re.search(r"[0-9@$]", m.group(0)):
                found.append("leetspeak")
                break
        # spaced: a separator between every letter
        sep = r"(?:[\s.\-_]|[^\w\s])+"
        spat = sep.join(sep.join(re.escape(c) for c in w) for w in self.words)
        if re.search(rf"(?<![A-Za-z0-9]){spat}(?![A-Za-z0-9])", body, flags=re.I):
            found.append("spaced")
        # typo: tokens 1-2 edits from the first word, not a dictionary word
        if not self.short:
            first = self.words[0]
            toks = re.findall(r"[A-Za-z]+", body_nohash)
            for i, tok in enumerate(toks):
                t = tok.lower()
                near = t != first and abs(len(t) - len(first)) <= 1 and osa(t, first) == 1
                whole = len(self.words) == 1 or (
                    i + 1 < len(toks) and toks[i + 1].lower() == self.words[1]
                )
                if near and whole and not is_word(t):
                    found.append("typo")
                    break
        # alias
        if any(a in body for a in self.aliases):
            found.append("alias")
        # compound: a Latin run containing the mark and more, outside hashtags
        if not self.short and not self.common:
            for tok in re.findall(r"[A-Za-z0-9]+", body_nohash):
                t = tok.lower()
                if self.slug in t and t != self.slug:
                    found.append("compound")
                    break
        # hashtag
        for tag in tags:
            t = tag.lower()
            if t == self.slug or (self.slug in t and (not self.short or t.startswith(self.slug))):
                if self.short and re.match(r"aro(ma|matherapy)", t):
                    continue
                found.append("hashtag")
                break
        # exact: the mark as whole token(s); CJK neighbours count as boundaries
        if re.search(rf"(?<![A-Za-z0-9]){self.word_re()}(?![A-Za-z0-9])", body_nohash, flags=re.I):
            found.append("exact")
        return sorted(set(found), key=ORDER.index)

    def word_re(self) -> str:
        return r"\s+".join(re.escape(w) for w in self.words)


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                fail(f"{path}:{n}: {exc}")
    return out


def digest() -> dict[str, str]:
    out = {}
    for p in sorted(HERE.rglob("*")):
        if p.is_file() and p.suffix in (".jsonl", ".yaml", ".md"):
            out[str(p.relative_to(HERE))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def main() -> None:
    brands = []
    for p in sorted((HERE / "brands").glob("*.yaml")):
        b = yaml.safe_load(p.read_text(encoding="utf-8"))
        for key in ("name", "marks", "products", "authorized_sellers", "negative_contexts"):
            if key not in b:
                fail(f"{p.name}: missing {key}")
        for prod in b["products"]:
            for key in ("name", "category", "list_price", "price_floor"):
                if key not in prod:
                    fail(f"{p.name}: product missing {key}")
        brands.append(b)
    oracles = {b["name"]: Oracle(b) for b in brands}
    auth = {
        (s["platform"], s["account"], b["name"]) for b in brands for s in b["authorized_sellers"]
    }

    seen: set[tuple[str, str]] = set()
    all_labels: list[dict[str, Any]] = []
    split_sizes = {}
    disagreements: list[str] = []
    incidental: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for split in ("tune", "holdout"):
        recs = load_jsonl(HERE / split / "listings.jsonl")
        labels = load_jsonl(HERE / split / "labels.jsonl")
        accounts = {(r["platform"], r["external_id"]) for r in recs if r["kind"] == "account"}
        items = [r for r in recs if r["kind"] in ("listing", "post")]
        split_sizes[split] = len(items)
        if len(items) != len(labels):
            fail(f"{split}: {len(items)} records but {len(labels)} labels")
        for r in recs:
            if r.get("kind") not in ("listing", "post", "account"):
                fail(f"{split}: bad kind {r.get('kind')}")
            if r.get("platform") not in PLATFORMS:
                fail(f"{split}: bad platform {r.get('platform')}")
            if not isinstance(r.get("external_id"), str) or not r["external_id"]:
                fail(f"{split}: bad external_id {r}")
        for r, lab in zip(items, labels, strict=False):
            key = (r["platform"], r["external_id"])
            if key in seen:
                fail(f"duplicate record {key}")
            seen.add(key)
            if (lab["platform"], lab["external_id"]) != key:
                fail(f"{split}: label order mismatch at {key}")
            if list(lab) != LABEL_KEYS:
                fail(f"{split}: label keys {list(lab)}")
            if "captured_at" not in r or not re.match(
                r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$", r["captured_at"]
            ):
                fail(f"{key}: captured_at")
            if r["kind"] == "listing" and not r.get("url"):
                fail(f"{key}: listing without url")
            if "price" in r and r.get("currency") not in ("USD", "EUR"):
                fail(f"{key}: price without currency")
            if (r["platform"], r["account"]) not in accounts:
                fail(f"{key}: account {r['account']} has no account record in {split}")
            if r.get("title") is not None and not 30 <= len(r["title"]) <= 120:
                fail(f"{key}: title length {len(r['title'])}: {r['title']}")
            if not 80 <= len(r.get("text", "")) <= 400:
                fail(f"{key}: text length {len(r.get('text', ''))}")
            # label consistency
            if lab["mention"] is None and lab["brand"] is not None:
                fail(f"{key}: brand without mention")
            if lab["infringing"] != (lab["expected_level"] in ("medium", "high")):
                fail(f"{key}: infringing/level mismatch")
            if lab["mention"] is None and lab["expected_level"] != "none":
                fail(f"{key}: no mention but level {lab['expected_level']}")
            if lab["seller"]:
                if r["kind"] != "listing" or (r["platform"], r["account"], lab["brand"]) in auth:
                    fail(f"{key}: seller flag on post or authorized account")
            elif (
                r["kind"] == "listing"
                and lab["brand"]
                and (r["platform"], r["account"], lab["brand"]) not in auth
            ):
                fail(f"{key}: unauthorized listing naming the brand without seller flag")
            if lab["price"] and lab["brand"] is None:
                names = [
                    (b, prod["name"].lower())
                    for b in brands
                    for prod in b["products"]
                    if prod["name"].lower() in ((r.get("title") or "") + " " + r["text"]).lower()
                ]
                if not names:
                    fail(f"{key}: price flag without brand or product name")
            elif lab["price"]:
                b = next(b for b in brands if b["name"] == lab["brand"])
                floors = [
                    p["price_floor"][r["currency"]]
                    for p in b["products"]
                    if r["currency"] in p["price_floor"]
                ]
                if not floors or float(r["price"]) >= min(floors):
                    fail(f"{key}: price flag but price {r.get('price')} not below floor")
            # independent reading of the mention
            title, text, tags = r.get("title") or "", r.get("text", ""), r.get("hashtags") or []
            for name, orc in oracles.items():
                kinds = orc.kinds(title, text, tags)
                if name == lab["brand"]:
                    got = kinds[0] if kinds else None
                    if got != lab["mention"]:
                        disagreements.append(
                            f"{key} {lab['case']}: label {lab['mention']} "
                            f"oracle {kinds} | {title} | {text[:120]}"
                        )
                elif kinds:
                    incidental[(lab["case"], name, kinds[0])] += 1
        all_labels += labels

    total = sum(split_sizes.values())
    share = split_sizes["tune"] / total
    if not 0.67 <= share <= 0.73:
        fail(f"tune share {share:.3f} outside 0.70 +/- 0.03")
    pos = [lab for lab in all_labels if lab["infringing"]]
    neg = [lab for lab in all_labels if not lab["infringing"]]
    if total < 700:
        fail(f"only {total} listings/posts")
    if len(pos) < 350 or len(neg) < 350:
        fail(f"positives {len(pos)}, negatives {len(neg)} (need 350 each)")
    per_kind = collections.Counter(lab["mention"] for lab in pos)
    for kind in ORDER:
        if per_kind[kind] < 30:
            fail(f"only {per_kind[kind]} positives of kind {kind}")
    cases = collections.Counter(lab["case"] for lab in all_labels)
    for sub in ("cyrillic", "greek", "fullwidth", "zerowidth"):
        if cases[f"pos_homoglyph_{sub}"] < 5:
            fail(f"too few pos_homoglyph_{sub}")

    print(
        f"records {total}: tune {split_sizes['tune']} ({share:.1%}), "
        f"holdout {split_sizes['holdout']}"
    )
    print(f"infringing {len(pos)}, not infringing {len(neg)}")
    print("positives per kind:", dict(sorted(per_kind.items(), key=lambda x: ORDER.index(x[0]))))
    if disagreements:
        fail(f"{len(disagreements)} oracle disagreements")
        for d in disagreements[:40]:
            print("  DISAGREE", d)
    if incidental:
        print("other-brand readings (case, brand, first kind): count")
        for k, v in sorted(incidental.items()):
            print(f"  {k}: {v}")

    if "--no-determinism" not in sys.argv:
        before = digest()
        digests = []
        for hashseed in ("1", "2"):  # different str hashing must not change the output
            env = {**os.environ, "PYTHONHASHSEED": hashseed}
            subprocess.run(
                [sys.executable, str(HERE / "generate.py")],
                check=True,
                stdout=subprocess.DEVNULL,
                env=env,
            )
            digests.append(digest())
        first, second = digests
        if first != second:
            fail(
                "generator is not deterministic: "
                + ", ".join(k for k in first if first[k] != second.get(k))
            )
        elif before != first:
            fail(
                "committed corpus differs from a fresh generation: "
                + ", ".join(k for k in first if first[k] != before.get(k))
            )
        else:
            print(f"deterministic: {len(first)} files identical across two runs")

    if failures:
        print(f"\nFAILED ({len(failures)}):")
        for f in failures[:60]:
            print("  -", f)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
