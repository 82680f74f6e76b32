import Foundation

/// A progress line on stderr ("verifying: 120,000 of 1,000,000 entries (12%)"), redrawn in place at most five
/// times a second, only when stderr is a terminal; `finish()` clears it. Silent otherwise, so logs and pipes
/// see only results.
final class ProgressLine {
    private let label: String
    private let enabled = isatty(2) == 1
    private var last = Date.distantPast
    private var shown = false

    init(_ label: String) { self.label = label }

    /// Shows `done` of `total` items (`unit` in the plural).
    func update(_ done: Int64, of total: Int64, unit: String = "entries") {
        guard enabled, total > 0, Date().timeIntervalSince(last) >= 0.2 else { return }
        last = Date()
        shown = true
        let percent = Int(Double(done) * 100 / Double(total))
        let text = "\r\u{1B}[2K\(label): \(done.formatted()) of \(total.formatted()) \(unit) (\(percent)%)"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Erases the line, if one was drawn.
    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        shown = false
    }
}
