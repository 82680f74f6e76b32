#!/usr/bin/env python3
"""Writes the HTML capture fixtures of Tests/LedgerCaptureTests/Fixtures from the corpus articles.

Each page wraps the first paragraphs of a corpus article (exact text, HTML-escaped) in page furniture the
extractor must drop: navigation, a site header, scripts, styles, comments, a cookie banner, an ad, an aside,
a form and a footer. Beside each page, NAME.expected.txt is the text the extractor must produce: the headline
and the paragraphs, joined by blank lines, ending with one newline. The French page is windows-1252 with a
<meta charset>, so the charset rule is exercised too.
Run: python3 tools/make_html_fixtures.py
"""
import html
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Tests" / "Corpus"
OUT = ROOT / "Tests" / "LedgerCaptureTests" / "Fixtures"


def page(lang, charset, headline, paragraphs, quote_index):
    body = []
    for i, p in enumerate(paragraphs):
        text = html.escape(p, quote=False)
        if i == quote_index:
            body.append(f"<blockquote>\n  <p>{text}</p>\n</blockquote>")
        else:
            body.append(f"<p>{text}</p>")
        if i == 1:
            body.append('<div class="ad-slot ad">Advertisement: buy now</div>')
            body.append("<!-- inline comment: not article text -->")
            body.append('<script>document.write("tracking")</script>')
    articles = "\n      ".join(body)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="{charset}">
  <title>{html.escape(headline)} | Site</title>
  <style>body {{ font-family: serif; }} p::before {{ content: "x"; }}</style>
  <script>window.dataLayer = [{{"event": "pageview"}}];</script>
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">We use cookies. <button>Accept all</button></div>
  <header class="site-header"><a href="/">The Site</a> <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
  <nav aria-label="breadcrumbs"><ol><li>Home</li><li>Tech</li></ol></nav>
  <!-- begin article -->
  <main>
    <article>
      <header><h1>{html.escape(headline, quote=False)}</h1><div class="share-buttons">Share on X</div></header>
      {articles}
      <footer>Tags: tech, politics</footer>
    </article>
    <aside><h2>Most read</h2><ul><li>Another story</li></ul></aside>
  </main>
  <form action="/subscribe"><p>Subscribe to our newsletter</p><input name="email"></form>
  <footer><p>Copyright The Site</p></footer>
  <script src="/app.js"></script>
</body>
</html>
"""


def write(name, corpus_file, lang, charset, headline, count, quote_index):
    lines = [l for l in (CORPUS / corpus_file).read_text(encoding="utf-8").split("\n") if l.strip()]
    paragraphs = lines[:count]
    (OUT / f"{name}.html").write_bytes(page(lang, charset, headline, paragraphs, quote_index).encode(charset))
    (OUT / f"{name}.expected.txt").write_text("\n\n".join([headline] + paragraphs) + "\n", encoding="utf-8")


OUT.mkdir(parents=True, exist_ok=True)
write("article-en", "000_488dd66cb813fd74.txt", "en", "utf-8",
      "Pro-Harris accounts on X restricted as spam, alarming Democrats", 6, 3)
write("article-fr", "001_eb67628ebe55fb7f.txt", "fr", "windows-1252",
      "X restreint des comptes pro-Harris", 5, 2)
