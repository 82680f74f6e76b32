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
