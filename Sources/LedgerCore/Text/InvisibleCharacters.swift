/// Characters that change how a name displays or compares without being seen: the bidi controls
/// (U+061C, U+200E/F, U+202A–202E, U+2066–2069) and every default-ignorable code point (zero-width
/// spaces and joiners, U+FEFF, the soft hyphen, variation selectors, tags…). Names and identifiers refuse
/// them; names already recorded are compared with them removed.
public enum InvisibleCharacters {
    /// Whether `scalar` is one of them.
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isDefaultIgnorableCodePoint || bidiControls.contains(scalar.value)
    }

    /// Listed as well as matched by property, so the refusal does not depend on the Unicode data's version.
    private static let bidiControls: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                                    0x2066, 0x2067, 0x2068, 0x2069]

    /// The first one in `text` and its position, counted in Unicode scalars from 1; nil when there is none.
    public static func first(in text: String) -> (scalar: Unicode.Scalar, position: Int)? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
        for (i, s) in text.unicodeScalars.enumerated() where contains(s) { return (s, i + 1) }
        return nil
    }

    /// `text` with them removed (the same string when it has none).
    public static func removed(from text: String) -> String {
        guard first(in: text) != nil else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !contains($0) }))
    }

    /// `text` with each of them written out as `<U+200B>`, so a report shows what tells two names apart.
    public static func shown(_ text: String) -> String {
        guard first(in: text) != nil else { return text }
        return text.unicodeScalars.map { contains($0) ? "<\(code($0))>" : String($0) }.joined()
    }

    /// `U+200B ZERO WIDTH SPACE`: the code point and its Unicode name.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let name = scalar.properties.name ?? scalar.properties.nameAlias
        return name.map { "\(code(scalar)) \($0)" } ?? code(scalar)
    }

    private static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
