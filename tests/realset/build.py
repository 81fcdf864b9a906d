"""Rebuild the real-article set from public git mirrors (stdlib only).

Each manifest row names a public repository, a commit and a path holding a saved copy of a news
article. This script reads that blob with `git show <commit>:<path>`, cuts out the article text
exactly as the repository saved it (page clutter included), checks its sha256 against the
manifest and writes `<cache>/articles/<id>.md` in the format of ../shared/realdev/articles:

    # <headline>
    Source: <url>
    Published: <YYYY-MM-DD>
    <blank line>
    <text as saved>

The texts stay outside the repository (publishers' copyright) except rows with `stored: true`
(public-domain / OGL / CC BY government texts), which `--store` also writes to the articles/
folder beside the manifest (tests/realset/articles/). Another set (e.g. tests/holdout) is built with
`--manifest tests/holdout/manifest.jsonl --cache DIR`; its labels.json, when there is one, is the one
beside its manifest.

Rows with `"format": "html"` (tests/holdout batch 32: AI labs' pages saved as raw HTML) hold no text to cut:
their text is what the pipeline itself reads from the page, trafilatura through the project's
`transforms.articles.extract_page` (its `text`). Only those rows need the project's environment, imported
when the first one is read: build a manifest with such rows with `.venv/bin/python tests/realset/build.py ...`.
Their sha256 holds for the trafilatura the project pins (2.3.1 when drawn); every other row needs only the
standard library.

Usage (the --mirrors and --cache paths are relative to the repository):

    python tests/realset/build.py [--mirrors ../.mirror] [--cache ../realset-cache] [--store]
                                  [--manifest tests/realset/manifest.jsonl]
"""

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent  # the mirrors and the cache sit beside the repository, like ../shared

# How each source repository saves an article: the marker after which the article text starts.
TEXT_MARKERS = {
    # hn-digest: front matter, a Japanese machine translation, then "## Original Extract" with
    # the extracted page text (description line first). Only the original English text is used.
    "jedipunkz/hn-digest": "## Original Extract",
    # bookmark-summary repositories: r.jina.ai reader output saved as "*_raw.md" (Title / URL
    # Source / [Published Time] / Markdown Content); the sibling non-raw files are LLM summaries.
    "yiGmMk/bookmark": "Markdown Content:\n",
    "VandeeFeng/bookmark-summary": "Markdown Content:\n",
    "CrazyForks/bookmark-summary": "Markdown Content:\n",
    # Interconnects-AI/homebase: the publisher's own archive of its newsletter (Substack export),
    # one post per file: YAML front matter (title, subtitle, date, post_id) then the post text.
    "Interconnects-AI/homebase": "\n---\n",
    # NovaSky-AI/novasky-ai.github.io: the lab's own blog source, src/content/posts/<slug>.md
    # (YAML front matter, then the post's Markdown).
    "NovaSky-AI/novasky-ai.github.io": "\n---\n",
}


def article_text(repo: str, blob: str) -> str:
    marker = TEXT_MARKERS[repo]
    start = blob.index(marker) + len(marker)
    text = blob[start:]
    return text.lstrip("\n") if repo == "jedipunkz/hn-digest" else text


def git_dir(mirrors: Path, repo: str) -> Path:
    return mirrors / repo.replace("/", "+") / "repo"


def read_blob_bytes(mirrors: Path, row: dict) -> bytes:
    out = subprocess.run(
        ["git", f"--git-dir={git_dir(mirrors, row['repo'])}", "show", f"{row['commit']}:{row['path']}"],
        capture_output=True,
        check=True,
    )
    return out.stdout


def read_blob(mirrors: Path, row: dict) -> str:
    return read_blob_bytes(mirrors, row).decode("utf-8")


def html_text(url: str, page: bytes) -> str:
    """An HTML row's text: the pipeline's own page extraction (needs the project's environment)."""
    sys.path.insert(0, str(REPO))
    from transforms.articles import extract_page  # lazy: the other rows need only the standard library

    return extract_page(page, url)["text"]


def row_text(mirrors: Path, row: dict) -> str:
    if row.get("format") == "html":
        return html_text(row["url"], read_blob_bytes(mirrors, row))
    return article_text(row["repo"], read_blob(mirrors, row))


def render(row: dict, text: str) -> str:
    return f"# {row['title']}\nSource: {row['url']}\nPublished: {row['published']}\n\n{text}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirrors", type=Path, default=REPO.parent / ".mirror")
    ap.add_argument("--cache", type=Path, default=REPO.parent / "realset-cache")
    ap.add_argument("--manifest", type=Path, default=HERE / "manifest.jsonl")
    ap.add_argument("--store", action="store_true",
                    help="also write stored:true rows to articles/ beside the manifest (tests/realset/articles/)")
    args = ap.parse_args(argv)

    set_dir = args.manifest.resolve().parent  # the set's directory: its labels.json and articles/
    rows = [json.loads(line) for line in args.manifest.read_text().splitlines() if line.strip()]
    out_dir = args.cache / "articles"
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = []
    for row in rows:
        try:
            text = row_text(args.mirrors, row)
        except (subprocess.CalledProcessError, ValueError, KeyError, ImportError) as exc:  # ImportError: an HTML row
            # read without the project's environment
            failed.append(f"{row['id']}: cannot read {row['repo']}:{row['path']} ({exc})")
            continue
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != row["sha256"]:
            failed.append(f"{row['id']}: sha256 {digest} != manifest {row['sha256']}")
            continue
        page = render(row, text)
        (out_dir / f"{row['id']}.md").write_text(page, encoding="utf-8")
        if args.store and row.get("stored"):
            (set_dir / "articles").mkdir(exist_ok=True)
            (set_dir / "articles" / f"{row['id']}.md").write_text(page, encoding="utf-8")
    (args.cache / "manifest.jsonl").write_text(args.manifest.read_text())
    # With the labels beside the articles, the cache is a labelled set: `radar eval <cache>`.
    # The labels are the manifest's set's own (tests/realset/labels.json by default); a cache copy that is already
    # the same is left as it is.
    labels, cached = set_dir / "labels.json", args.cache / "labels.json"
    if labels.is_file() and not (cached.is_file() and cached.read_bytes() == labels.read_bytes()):
        cached.write_text(labels.read_text())
    print(f"{len(rows) - len(failed)} of {len(rows)} articles written to {out_dir}")
    for line in failed:
        print("FAILED", line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
