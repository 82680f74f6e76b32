/// The one escaping rule of each output format. Every user-supplied value (anything read from an entry body or a
/// row) goes through the rule of the format it is written in, and nowhere else is escaping done. JSON needs none of
/// these: it is always written by `CanonicalJSON` from a `JSONValue`.

/// HTML: `& < > " '` as character references, C0/C1 controls other than newline and tab made visible as on a
/// terminal; a user value in element content is wrapped in `<bdi>` so that
/// right-to-left or bidi-control text cannot reorder what surrounds it.
public enum HTMLEscape {
    /// Escaped text, for element content written by the renderer or an attribute value.
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            // The visible form of a C1 control is `<U+009B>`: its angle brackets are escaped too, so no parser reads
            // an element there, and the control itself is never written raw.
            case _ where TerminalEscape.isControl(c):
                out += TerminalEscape.visible(c).replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A user value in element content: escaped and isolated in `<bdi>`.
    public static func value(_ s: String) -> String { "<bdi>" + text(s) + "</bdi>" }

    /// A link to a recorded URL: `<a href>` around `label` (already escaped) when the URL is http(s), else the label
    /// alone, so no other scheme (`javascript:`) is ever written into an attribute.
    public static func link(_ url: String, label: String) -> String {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return label }
        return "<a href=\"\(text(url))\" rel=\"noopener noreferrer\">\(label)</a>"
    }

    /// A short form of a long value (a hash) with the full value on hover: `<code title="full">short</code>`.
    public static func abbreviated(_ full: String, _ short: String) -> String {
        "<code title=\"\(text(full))\">\(text(short))</code>"
    }
}

/// Markdown (CommonMark and GitHub tables): every markup character is backslash-escaped, so raw HTML (`<img …>`)
/// and emphasis stay literal text; a leading list or heading marker (`-`, `+`, `1.`) is escaped too; line breaks
/// become spaces, so a value never leaves its line or table cell; controls are made visible as on a terminal.
public enum MarkdownEscape {
    static let markup: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "~", "&"]

    /// A user value in inline text or a table cell.
    public static func value(_ s: String) -> String {
        var out = ""
        let flat = TerminalEscape.visible(s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " "))
        for c in flat.unicodeScalars {
            if markup.contains(c) { out += "\\" }
            out.unicodeScalars.append(c)
        }
        // A value at the start of a line must not open a list item or an ordered list ("1. …").
        if let first = out.unicodeScalars.first, first == "-" || first == "+" { return "\\" + out }
        if let dot = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != out.startIndex, out[dot] == "." || out[dot] == ")" {
            out.insert("\\", at: dot)
        }
        return out
    }

    /// An inline link `[label](url)` to a recorded http(s) URL: the label escaped as a value, the URL with `<`, `>`,
    /// parentheses, backslashes, spaces, line breaks and controls percent-encoded, so it can neither end early nor open raw HTML;
    /// any other scheme is written as text.
    public static func link(_ label: String, url: String) -> String {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return value(label) + " (" + value(url) + ")" }
        var destination = ""
        for c in url.unicodeScalars {
            switch c {
            case "<": destination += "%3C"
            case ">": destination += "%3E"
            case "(": destination += "%28"
            case ")": destination += "%29"
            case "\\": destination += "%5C"
            case " ": destination += "%20"
            case _ where c.properties.isWhitespace || TerminalEscape.needsEscape(c):
                destination += String(c).utf8.map { ($0 < 16 ? "%0" : "%") + String($0, radix: 16, uppercase: true) }.joined()
            default: destination.unicodeScalars.append(c)
            }
        }
        return "[\(value(label))](\(destination))"
    }
}

/// CSV (RFC 4180) with the OWASP formula-injection rule: a cell that begins with `=`, `+`, `-`, `@`, TAB or CR is
/// prefixed with `'` so no spreadsheet evaluates it; a cell holding a comma, quote or line break is quoted.
public enum CSVEscape {
    static let formulaStart: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// One cell.
    public static func field(_ s: String) -> String {
        // A CSV file is also read with `cat`: controls are shown as on a terminal (a leading CR as `^M`, after the `'`).
        // The first Unicode scalar, not the first Character: `=` followed by a combining mark (U+0301) is one
        // Character that is not "=", yet a spreadsheet still reads a formula.
        let cell = (s.unicodeScalars.first.map(formulaStart.contains) == true ? "'" : "") + TerminalEscape.visible(s)
        return cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline || $0 == "\r\n" })
            ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
}

/// A terminal: C0 controls other than newline and tab, DEL and C1 controls are shown in caret or `<U+XXXX>`
/// notation (ESC as `^[`), and bidi controls and invisible characters (U+200B …) as `<U+XXXX>`, so no value can move the cursor, recolour the screen or
/// reorder a line.
public enum TerminalEscape {
    /// Whether `c` is a bidi control: ALM, LRM, RLM, the embeddings and overrides, the isolates.
    static func isBidiControl(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `s` with every control made visible.
    public static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsEscape) else { return s }
        var out = ""
        for c in s.unicodeScalars { out += visible(c) }
        return out
    }

    /// One scalar, made visible if it is a control.
    public static func visible(_ c: Unicode.Scalar) -> String {
        guard needsEscape(c) else { return String(c) }
        switch c.value {
        case 0x00...0x1F: return "^" + String(Unicode.Scalar(UInt8(c.value + 0x40)))
        case 0x7F: return "^?"
        default:
            let hex = String(c.value, radix: 16, uppercase: true)
            return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
        }
    }

    static func needsEscape(_ c: Unicode.Scalar) -> Bool { isControl(c) || isBidiControl(c) || isInvisible(c) }

    /// Whether `c` is an invisible character that can make one name look like another: zero width space, word
    /// joiner and the invisible operators, the byte order mark. (Joiners and variation selectors, which emoji and
    /// some scripts need, are left alone.)
    static func isInvisible(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x200B, 0x2060...0x2064, 0xFEFF: true
        default: false
        }
    }

    /// Whether `c` is a C0 control other than newline and tab, DEL, or a C1 control.
    static func isControl(_ c: Unicode.Scalar) -> Bool { c.value < 0x20 && c != "\n" && c != "\t" || (0x7F...0x9F).contains(c.value) }

    /// One line: white space runs (including no-break spaces and line breaks) shown as single spaces, controls visible.
    public static func line(_ s: String) -> String {
        visible(s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    }
}
