/// The server's one script, served at `/app.js` (the CSP allows `script-src 'self'` only, no inline script):
/// selecting a passage of an article fills the claim form's quote and occurrence, and the value typed is parsed
/// as it is typed (`/value-preview`). Pages work without it: the quote can be typed, the value is parsed on submit.
enum Script {
    static let app = """
    "use strict";
    (function () {
      var article = document.getElementById("article"), form = document.getElementById("record-claim");
      if (!form) return;
      var excerpt = form.elements.excerpt, occurrence = form.elements.occurrence, hint = document.getElementById("selection-hint");
      function take() {
        var sel = window.getSelection();
        if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
        var range = sel.getRangeAt(0);
        if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return;
        var before = document.createRange();
        before.selectNodeContents(article);
        before.setEnd(range.startContainer, range.startOffset);
        var raw = range.toString(), quote = raw.trim();
        if (quote.length === 0) return;
        var start = before.toString().length + (raw.length - raw.replace(/^\\s+/, "").length);
        var full = article.textContent, n = 0, i = -1;
        while ((i = full.indexOf(quote, i + 1)) !== -1 && i <= start) n++;
        excerpt.value = quote;
        occurrence.value = String(n);
        hint.textContent = "Selected " + quote.length + " characters (occurrence " + n + " of this passage). Fill in the rest and record the claim.";
      }
      if (article) {
        article.addEventListener("mouseup", take);
        article.addEventListener("keyup", take);
      }
      var value = form.elements.value, predicate = form.elements.predicate, out = document.getElementById("value-reading"), timer = 0;
      function preview() {
        if (value.value.trim() === "") { out.textContent = ""; return; }
        var q = new URLSearchParams({ text: value.value, predicate: predicate.value, lang: form.dataset.lang || "en" });
        fetch("/value-preview?" + q.toString(), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (r) { return r.json(); })
          .then(function (j) { out.textContent = j.ok ? "reads as " + j.reading : "not a value: " + j.error; out.className = j.ok ? "ok" : "bad"; })
          .catch(function () { out.textContent = ""; });
      }
      function later() { clearTimeout(timer); timer = setTimeout(preview, 200); }
      value.addEventListener("input", later);
      predicate.addEventListener("change", later);
      if (value.value) preview();
    })();
    """
}
