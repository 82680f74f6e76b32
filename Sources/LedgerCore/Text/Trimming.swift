extension StringProtocol {
    /// The text without leading and trailing white space (`newlines: false`: spaces and tabs only, as Foundation's
    /// `.whitespaces`; `true`: line breaks too, as `.whitespacesAndNewlines`). Pure Swift, and free when there is
    /// nothing to trim: claim import trims several fields of every claim.
    func trimmingSpace(newlines: Bool = true) -> String {
        func isSpace(_ c: Unicode.Scalar) -> Bool {
            if c.value < 0x80 { return c == " " || c == "\t" || (newlines && (0x0A...0x0D).contains(c.value)) }
            if c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029 { return newlines }
            return c.properties.generalCategory == .spaceSeparator
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return String(self) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
