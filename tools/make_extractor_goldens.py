#!/usr/bin/env python3
"""Writes the inputs of the HTML extractor's equivalence fixtures (Tests/LedgerCaptureTests/Fixtures/extractor).

The expected outputs beside them were written ONCE by the DOM extractor that ledgers recorded `text_sha256`s of
(extractor "html" version 1), before the streaming extractor replaced it:
    python3 tools/make_extractor_goldens.py
    CLAIMLEDGER_WRITE_EXTRACTOR_GOLDENS=1 swift test --skip-build --filter ExtractorGoldenTests
They are the oracle now: never regenerate them with a changed extractor (a changed output breaks `verify` of
real ledgers); add new inputs only together with outputs you can show are today's.

Inputs:
- cases/NAME.html: hand-written pages covering what libxml2's HTML parser fixes up (unclosed p/li, misnested
  inline tags, implied tbody, loose text, comments, CDATA, script holding "</p>", entities, br, hidden and
  aria-hidden, boilerplate classes, nested blocks, header inside/outside article, no article or main, ties,
  meta charset in several forms and places, BOMs, windows-1252 and latin-1 pages), and the corpus articles
  wrapped in a page;
- tagsoup.jsonl: a few hundred seeded random tag-soup pages, one JSON string per line;
- tagsoup-wide.jsonl: 800 more from a wider generator (prefixed and unknown tags, processing instructions,
  white-space entities, strict doctypes, deep nesting, content after </html>), whose expected outputs are kept as
  SHA-256s (tagsoup-wide.expected): tools/record_extractor_hashes.py BINARY records them with a claimledger
  built from the DOM extractor (main at 93081fc), through `source add` and the entries' `text_sha256`.
"""
import json
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Tests" / "Corpus"
OUT = ROOT / "Tests" / "LedgerCaptureTests" / "Fixtures" / "extractor"

P = "<p>One paragraph of the story, long enough to count.</p>"

CASES = {
    "unclosed-p": "<html><body><article><p>First<p>Second <b>bold<p>Third</article></body></html>",
    "unclosed-li": "<body><main><ul><li>one<li>two <i>it<li>three</ul><p>after</main>",
    "misnested-inline": "<body><article><p>a <b>b <i>c</b> d</i> e</p><p><a href=x>link <b>x</a> y</b></p></article>",
    "implied-tbody": "<body><div><table><tr><td>cell one</td><td>cell two</td></tr><tr><td><p>para in cell</p></td></tr></table></div>",
    "loose-text": "<body><article>loose before<p>block</p>loose <span>between</span> text<h2>Head</h2>tail</article>",
    "text-in-body": "text directly in body <b>bold</b><p>a paragraph</p> more text",
    "text-only": "just some text, no tags at all",
    "comments": "<!-- top --><html><!-- h --><body><article><!--c--><p>a<!-- in --> b</p><!-- x -->  <p>c</p></article></body></html>",
    "cdata": "<body><article><p>before <![CDATA[inside cdata]]> after</p></article>",
    "script-close-p": "<body><article><p>x<script>document.write('</p><p>no')</script> y</p><style>p{}</style></article>",
    "entities": "<body><article><p>caf&eacute; &amp; &lt;tag&gt; &#233;&#x20AC; &nbsp;nbsp &bogus; &#0; &#xD800; &copy</p></article>",
    "br": "<body><article><p>line one<br>line two<br/>three</p>loose<br>text<li>a<br>b</li></article>",
    "hidden": "<body><article><p hidden>hidden p</p><p aria-hidden=\"TRUE\">aria</p><p aria-hidden=false>shown</p><div hidden><p>x</p></div><p>kept</p></article>",
    "boilerplate-classes": "<body><article><div class=\"ad-slot\">ad</div><div id=\"cookie_banner\">c</div><div class=\"header-ads2\">no</div><div class=\"shareBar\">kept?</div><p class=\"Related-links\">r</p><p role=navigation>n</p><p role=\"ALERT\">al</p><p>main text</p></article>",
    "nested-blocks": "<body><article><blockquote>quote start<p>inner one</p>quote mid<p>inner two</p></blockquote><li>item<ul><li>sub</li></ul></li><blockquote>solo quote</blockquote></article>",
    "header-inside-article": "<body><header><h1>Site</h1></header><article><header><h1>Headline</h1><p>byline</p></header><p>text</p></article>",
    "header-outside-article": "<body><main><header><h1>Main head</h1></header><p>text of main</p></main>",
    "header-in-p-outside": "<body><div><p>para <header>hdr</header> end</p><p>more para text here</p></div>",
    "no-article-no-main": "<body><div class=menu><p>Home</p></div><div id=story><h2>Title</h2><p>First paragraph of the story, long enough.</p><p>Second.</p></div><div><p>Short.</p></div></body>",
    "tie": "<body><div><p>abcd</p></div><div><p>abcd</p></div></body>",
    "tie-nested": "<body><div><p>xy</p><div><p>xy</p></div></div></body>",
    "article-in-header": "<body><header><article><p>in header</p></article></header><main><p>main</p></main>",
    "article-after-main": "<body><main><p>main text</p></main><article><p>article text</p></article>",
    "two-articles": "<body><article><p>first</p></article><article><p>second</p></article>",
    "nested-article": "<body><main><p>m</p><article><header><h1>H</h1></header><p>a</p></article></main>",
    "hidden-body": "<html><body hidden><p>nothing</p></body></html>",
    "no-text": "<body><nav><p>Menu</p></nav><script>x()</script></body>",
    "whitespace-only": "   \n\t  ",
    "doctype-strict": "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><html><body> <b>a</b> <i>b</i> <p>c</p> </body></html>",
    "doctype-late": "<html><body><p>a</p><!DOCTYPE html><p>b</p></body></html>",
    "after-html": "<html><body><p>inside</p></body></html><p>after html</p>tail text",
    "after-html-doctype": "<!DOCTYPE html><html><body><p>inside</p></body></html><p>after html</p>tail",
    "after-html-comment": "<!-- c --><html><body><p>inside</p></body></html><p>after</p>",
    "pi": "<body><article><p>a <?php echo 1 ?> b</p><?p x?> <p>c</p></article>",
    "blank-runs": "<body><div> <span>a</span> <span>b</span>\n<em>c</em>\t<p> d  e </p> </div>",
    "blank-after-block": "<body><div><p>a</p> <b>b</b> <ul> <li>c</li> </ul> &amp; </div>",
    "deep-nesting": "<body><article>" + "<div>" * 300 + "<p>deep</p>" + "</div>" * 300 + "<p>after</p></article>",
    "unknown-tags": "<body><article><custom-el>custom <x-y>text</x-y></custom-el><p>p</p><font>f</font></article>",
    "select-form": "<body><article><form><p>in form</p></form><select><option>o</select><button>b</button><p>ok</p></article>",
    "pre": "<body><article><pre>  code\n   line  </pre><figure><img src=x><figcaption>cap</figcaption></figure></article>",
    "heading-with-p": "<body><article><h1>Title <p>para in h1</p></h1></article>",
    "misplaced-html-body": "<html><body><p>a</p><html lang=fr><body class=ad><p>b</p></body></html>",
    "head-content": "<html><head><title>T</title><p>p in head</p></head><body><p>body</p></body></html>",
    "nul-byte": "<body><article><p>a\u0000b</p><p>c</p></article>",
    "combining": "<body><article><p>\u0301starts with a mark</p><p>e\u0301 cafe\u0301</p><p>ends with e</p><p>\u0327c</p></article>",
    "textarea": "<body><article><textarea>text <p>area</p></textarea><p>after</p></article>",
    "iframe-noscript": "<body><article><iframe>frame</iframe><noscript><p>ns</p></noscript><p>ok</p></article>",
    "svg-math": "<body><article><svg><text>s</text></svg><math><mi>x</mi></math><p>ok</p></article>",
    "attr-oddities": "<body><article><p class=\"\">a</p><p id=ad>b</p><p class='x  AD y'>c</p><p class=\"ad\" class=\"x\">d</p><p CLASS=AD>e</p><p class=ad-free>f</p></article>",
    "uppercase-tags": "<BODY><ARTICLE><P>Upper</P><LI>Item</ARTICLE></BODY>",
    "long-text-node": "<body><article><p>" + ("word " * 3000) + "</p></article>",
    "many-blanks": "<body><div>" + ("<b>x</b>   " * 400) + "</div>",
}

# Pages whose bytes are not plain UTF-8 source text: (name, bytes).
BYTES = {
    "meta-charset-1252": b"<html><head><meta charset=\"windows-1252\"></head><body><article><p>caf\xe9 \x93quoted\x94 \x80</p></article></body></html>",
    "meta-http-equiv-latin1": b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>na\xefve d\xe9j\xe0</p></body></html>",
    "meta-charset-unquoted": b"<html><head><meta charset=latin1></head><body><p>\xe9t\xe9</p></body></html>",
    "meta-charset-spaces": b"<html><head><meta charset=\"  windows-1252\"></head><body><p>\xe9</p></body></html>",
    "meta-charset-in-body": b"<html><body><p>first</p><meta charset=\"windows-1252\"><p>caf\xe9</p></body></html>",
    "meta-charset-past-1024": b"<html><head><!--" + b"x" * 1100 + b"--><meta charset=\"windows-1252\"></head><body><p>\xe9l\xe8ve</p></body></html>",
    "meta-charset-in-comment": b"<html><head><!-- <meta charset=\"windows-1252\"> --></head><body><p>plain</p></body></html>",
    "meta-charset-in-script": b"<html><head><script>var s='<meta charset=\"windows-1252\">';</script></head><body><p>plain</p></body></html>",
    "meta-two-charsets": b"<html><head><meta charset=\"utf-8\"><meta charset=\"windows-1252\"></head><body><p>caf\xc3\xa9</p></body></html>",
    "meta-charset-unsupported": b"<html><head><meta charset=\"koi8-r\"></head><body><p>text</p></body></html>",
    "meta-charset-bogus": b"<html><head><meta charset=\"no-such-charset\"></head><body><p>text</p></body></html>",
    "meta-charset-ascii": b"<html><head><meta charset=\"us-ascii\"></head><body><p>ascii text</p></body></html>",
    "meta-charset-ascii-high": b"<html><head><meta charset=\"us-ascii\"></head><body><p>caf\xe9</p></body></html>",
    "meta-utf8-invalid": b"<html><head><meta charset=\"utf-8\"></head><body><p>caf\xe9\xff</p></body></html>",
    "undeclared-1252": b"<html><body><p>caf\xe9 without a declaration</p></body></html>",
    "invalid-utf8-before-meta": b"<html><head><title>\xe9</title><meta charset=\"windows-1252\"></head><body><p>caf\xe9</p></body></html>",
    "bom-utf8": b"\xef\xbb\xbf<html><body><p>caf\xc3\xa9 with a BOM</p></body></html>",
    "bom-utf8-meta-1252": b"\xef\xbb\xbf<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xc3\xa9</p></body></html>",
    "bom-utf8-double": b"\xef\xbb\xbf\xef\xbb\xbf<html><body><p>two BOMs</p></body></html>",
    "bom-utf16le": "\ufeff<html><body><p>utf-16 little end\u00e9</p></body></html>".encode("utf-16-le"),
    "bom-utf16be": "\ufeff<html><body><p>utf-16 big end\u00e9</p></body></html>".encode("utf-16-be"),
    "utf16le-no-bom": "<?xml version=\"1.0\"?><html><body><p>no bom</p></body></html>".encode("utf-16-le"),
    "xml-decl-encoding": b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><html><body><p>caf\xe9</p></body></html>",
    "latin1-control-bytes": b"<html><head><meta charset=\"windows-1252\"></head><body><p>a\x81b\x8dc\x9fd</p></body></html>",
    "empty": b"",
}


def corpus_pages():
    pages = {}
    for path in sorted(CORPUS.glob("*.txt")):
        paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
        esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        body = "\n".join(f"<p>{esc(p)}</p>" for p in paras[1:])
        pages["corpus-" + path.stem[:3]] = (
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body><nav><a>Home</a></nav>"
            f"<article><h1>{esc(paras[0])}</h1>\n{body}\n</article><footer>foot</footer></body></html>")
        pages["corpus-" + path.stem[:3] + "-noarticle"] = f"<body><div class=x>{body}</div><div><p>short</p></div></body>"
    return pages


WORDS = ["the", "news", "said", "claim", "vote", "city", "président", "été", "naïve", "über", "e\u0301", "x", "&amp;",
         "&eacute;", "&#8212;", "&nbsp;", " ", "  ", "\n", "\t", "<!--c-->", "<![CDATA[d]]>", "</p>", "</div>",
         "</b>", "</li>", "</article>", "</html>", "</body>", "<br>", "<?pi x?>"]
TAGS = ["p", "div", "span", "b", "i", "a", "li", "ul", "ol", "h1", "h2", "h3", "blockquote", "pre", "figcaption",
        "figure", "article", "main", "section", "header", "footer", "nav", "aside", "table", "tr", "td", "tbody",
        "script", "style", "form", "button", "em", "strong", "br", "img", "dl", "dt", "dd", "html", "body", "head",
        "title", "meta", "textarea", "font", "noscript", "template", "select", "option", "iframe", "svg", "center"]
ATTRS = ["", "", "", " class=ad", " class=\"story body\"", " id=cookie-bar", " hidden", " aria-hidden=true",
         " role=banner", " class=related", " id=main", " class='x y'", " role=main", " class=\"share-box\""]


def tag_soup(rng):
    out = []
    if rng.random() < 0.3:
        out.append(rng.choice(["<!DOCTYPE html>", "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", "<!-- lead -->"]))
    open_tags = []
    for _ in range(rng.randint(5, 120)):
        r = rng.random()
        if r < 0.35:
            t = rng.choice(TAGS)
            out.append(f"<{t}{rng.choice(ATTRS)}>")
            open_tags.append(t)
        elif r < 0.55 and open_tags:
            t = open_tags.pop(rng.randrange(len(open_tags))) if rng.random() < 0.3 else open_tags.pop()
            out.append(f"</{t}>")
        else:
            out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8))))
    return "".join(out)


WIDE_WORDS = WORDS + ["&#32;", "&#9;", "&#10;", "&#xA0;", "&#13;", "&amp;&amp;", "<?php x ?>", "<!---->", "<!DOCTYPE html>",
                      "</html>", "<html>", "<body>", "</head>", "<head>", "&#x301;", "\u0301", "\r\n", "\f", "  \n  "]
WIDE_TAGS = TAGS + ["o:p", "svg:rect", "x:y:z", "custom-el", "P", "LI", "Article", "th", "caption", "thead", "frameset",
                    "frame", "noframes", "object", "embed", "dialog", "menu", "address", "label", "legend", "fieldset",
                    "input", "hr", "img", "wbr", "q", "s", "u", "sub", "sup", "applet", "marquee", "xmp", "plaintext"]
WIDE_ATTRS = ATTRS + [" class=AD", " ID=Cookie", " aria-hidden=\"TRUE\"", " aria-hidden=false", " role=\"Navigation\"",
                      " role=alertdialog", " class=\"header-promo\"", " class=\"ad ad\"", " hidden=hidden", " class",
                      " id=\"main&amp;ad\"", " class=\"related-ads\" class=\"x\"", " data-x='<p>'"]


def wide_soup(rng):
    out = []
    lead = rng.random()
    if lead < 0.15:
        out.append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">")
    elif lead < 0.3:
        out.append("<!DOCTYPE html><!-- c -->")
    elif lead < 0.4:
        out.append("<?xml version=\"1.0\"?><!-- c --><?pi?>")
    open_tags = []
    for _ in range(rng.randint(5, 80)):
        r = rng.random()
        if r < 0.4:
            t = rng.choice(WIDE_TAGS)
            out.append(f"<{t}{rng.choice(WIDE_ATTRS)}{rng.choice(['', '', ' /'])}>")
            open_tags.append(t)
        elif r < 0.6 and open_tags:
            t = open_tags.pop(rng.randrange(len(open_tags))) if rng.random() < 0.3 else open_tags.pop()
            out.append(f"</{t}>")
        elif r < 0.63:
            out.append("<div>" * rng.randint(1, 90))
        else:
            out.append(rng.choice(["", " ", "\n"]).join(rng.choice(WIDE_WORDS) for _ in range(rng.randint(1, 10))))
    return "".join(out)


def main():
    cases = OUT / "cases"
    cases.mkdir(parents=True, exist_ok=True)
    for name, text in {**CASES, **corpus_pages()}.items():
        (cases / f"{name}.html").write_bytes(text.encode("utf-8"))
    for name, data in BYTES.items():
        (cases / f"{name}.html").write_bytes(data)
    rng = random.Random(20261204)
    with open(OUT / "tagsoup.jsonl", "w", encoding="utf-8") as f:
        for _ in range(400):
            f.write(json.dumps(tag_soup(rng), ensure_ascii=False) + "\n")
    rng = random.Random(20261205)
    with open(OUT / "tagsoup-wide.jsonl", "w", encoding="utf-8") as f:
        for _ in range(800):
            f.write(json.dumps(wide_soup(rng), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
