import LedgerReport

/// The server's one stylesheet, served at `/style.css` (the CSP allows `style-src 'self'` only): the reports'
/// rules (`HTMLPage.stylesheet`, for the findings pages) then the server's own — readable on a phone (single
/// column under 700px, tables scroll), visible keyboard focus, and plain in print.
enum Stylesheet {
    static let full = HTMLPage.stylesheet + "\n" + css + "\n" + HTMLPage.printStyle + "\n"

    static let css = """
    body { max-width: none; margin: 0; padding: 0; }
    :root { --ink:#1d232a; --muted:#5b6670; --line:#d8dee4; --accent:#0b5cad; --bad:#b3261e; --good:#1b6e3a; }
    * { box-sizing: border-box; }
    body { font: 16px/1.5 -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); margin: 0; }
    a { color: var(--accent); } a:focus, button:focus, input:focus, select:focus { outline: 3px solid #f0a500; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .3rem; }
    header.top { display: flex; flex-wrap: wrap; gap: .6rem 1.2rem; align-items: center; padding: .6rem 1rem; border-bottom: 2px solid var(--line); background: #f6f8fa; }
    header.top nav a { margin-right: .8rem; } header.top nav a[aria-current] { font-weight: 700; text-decoration: none; color: var(--ink); }
    form.logout { margin-left: auto; } .who { color: var(--muted); }
    main { max-width: 1100px; margin: 1rem auto; padding: 0 1rem; }
    h1 { margin: .5rem 0; font-size: 1.6rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); margin-top: 1.6rem; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; overflow-wrap: anywhere; }
    pre { background: #f6f8fa; padding: .6rem; white-space: pre-wrap; }
    .table { overflow-x: auto; } table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    .ok { color: var(--good); font-weight: 700; } .bad { color: var(--bad); font-weight: 700; }
    .retracted { color: var(--bad); } mark { background: #fff3b0; color: var(--ink); } mark a { color: inherit; }
    blockquote { margin: .5rem 0; padding: .4rem .8rem; border-left: 4px solid var(--line); background: #fafbfc; }
    .article { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); padding: 1rem; line-height: 1.7; }
    form.filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-bottom: 1rem; } form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
    input, select, button { font: inherit; padding: .3rem .5rem; } button { cursor: pointer; }
    form.login { max-width: 22rem; display: flex; flex-direction: column; gap: .6rem; } form.login label { display: flex; flex-direction: column; }
    form.record { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .7rem 1rem; align-items: start; margin: .5rem 0 1.5rem; }
    form.record label { display: flex; flex-direction: column; gap: .15rem; } form.record .wide, form.record output, form.record button { grid-column: 1 / -1; }
    form.record label.check { flex-direction: row; gap: .4rem; align-items: center; } form.record small { color: var(--muted); font-size: .8rem; }
    form.record button { justify-self: start; } textarea { font: inherit; padding: .3rem .5rem; }
    output.ok { color: var(--good); } output.bad { color: var(--bad); }
    .audit .headline { font-weight: 700; } .audit .headline.ok, .audit .mark.ok { color: var(--good); } .audit .headline.problems, .audit .bad { color: var(--bad); }
    .audit table { display: block; overflow-x: auto; } .audit ul { padding-left: 1.2rem; }
    .audit .url, .audit .none { color: var(--muted); } .audit li { margin: .4rem 0; }
    .error { background: #fde8e7; border-left: 4px solid var(--bad); padding: .5rem .8rem; }
    .notice { background: #fff6dd; border-left: 4px solid #b8860b; padding: .5rem .8rem; }
    @media (max-width: 700px) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .4rem; } form.logout { margin-left: 0; } }
    @media print { header.top, form, .skip { display: none; } main { max-width: none; } mark { background: none; text-decoration: underline; } }
    """
}
