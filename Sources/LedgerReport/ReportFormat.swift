/// The output formats of every report.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Readable in a terminal.
    case text
    /// Pastes into an issue or a newsroom document.
    case md
    /// Machine-readable, following a schema in schemas/.
    case json
    /// One self-contained page: no network, no scripts, readable in print.
    case html
}

/// Escaping for the text formats.
enum Escape {
    static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
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

    /// Markdown table cells and inline text: pipes and line breaks would break the table.
    static func markdown(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// One line for a terminal: white space runs (including no-break spaces) shown as single spaces.
    static func line(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
