import Foundation

/// The English and French words the value parsers understand, in one place.
enum ValueWords {
    /// Lowercase, NFKC (folding U+00A0 and U+202F to spaces), curly apostrophes straightened, dashes unified,
    /// a space between a digit and a following letter ("24h" → "24 h", "$4m" → "$4 m"), spaces collapsed.
    static func simplify(_ text: String) -> String {
        simplifyASCII(text) ?? simplifyUnicode(text)
    }

    static func simplifyUnicode(_ text: String) -> String {
        let lowered = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out = ""
        var previous: Character = " "
        for c in lowered {
            var c = c
            if c == "’" || c == "‘" || c == "ʼ" { c = "'" }
            if "–—‑‐".contains(c) { c = "-" }
            if c.isWhitespace { c = " " }
            if c == " " && previous == " " { continue }
            if previous.isASCIIDigit && c.isLetter && !out.isEmpty { out.append(" ") }
            out.append(c)
            previous = c
        }
        return out.trimmingSpace(newlines: false)
    }

    /// `simplify` for ASCII text (most values), byte by byte: the same result without NFKC, Unicode case mapping
    /// or grapheme breaking, which ASCII does not need. Nil for any other text.
    static func simplifyASCII(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 4)
        var previous: UInt8 = 0x20
        for b in text.utf8 {
            guard b < 0x80 else { return nil }
            var c = (0x41...0x5A).contains(b) ? b + 0x20 : b
            if (0x09...0x0D).contains(c) { c = 0x20 }
            if c == 0x20 && previous == 0x20 { continue }
            if (0x30...0x39).contains(previous) && (0x61...0x7A).contains(c) && !out.isEmpty { out.append(0x20) }
            out.append(c)
            previous = c
        }
        if out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Qualifier phrases, EN and FR, that precede a number.
    static let qualifierPrefixes: [(String, QuantityQualifier)] = [
        ("exactly", .exactly), ("precisely", .exactly), ("exactement", .exactly), ("précisément", .exactly),
        ("about", .about), ("around", .about), ("approximately", .about), ("roughly", .about), ("some", .about),
        ("circa", .about), ("an estimated", .about), ("estimated", .about), ("~", .about), ("≈", .about),
        ("environ", .about), ("quelque", .about), ("autour de", .about), ("approximativement", .about),
        ("nearly", .nearly), ("almost", .nearly), ("close to", .nearly), ("près de", .nearly), ("pres de", .nearly),
        ("presque", .nearly), ("quasiment", .nearly), ("pratiquement", .nearly), ("not quite", .nearly),
        ("more than", .more_than), ("over", .more_than), ("above", .more_than), ("upwards of", .more_than),
        ("greater than", .more_than), ("plus de", .more_than), ("au-delà de", .more_than), ("au-dela de", .more_than),
        ("au moins", .at_least), ("at least", .at_least), ("no fewer than", .at_least), ("no less than", .at_least),
        ("a minimum of", .at_least), ("pas moins de", .at_least), ("minimum", .at_least), (">=", .at_least), ("≥", .at_least),
        ("less than", .less_than), ("fewer than", .less_than), ("under", .less_than), ("below", .less_than),
        ("moins de", .less_than), ("<", .less_than), (">", .more_than),
        ("at most", .at_most), ("up to", .at_most), ("no more than", .at_most), ("as many as", .at_most),
        ("a maximum of", .at_most), ("au plus", .at_most), ("jusqu'à", .at_most), ("jusqu'a", .at_most),
        ("pas plus de", .at_most), ("maximum", .at_most), ("<=", .at_most), ("≤", .at_most),
        ("between", .between), ("entre", .between),
    ].sorted { $0.0.count > $1.0.count }

    /// Qualifier phrases that follow a number ("200,000 or more").
    static let qualifierSuffixes: [(String, QuantityQualifier)] = [
        ("or more", .at_least), ("ou plus", .at_least), ("and more", .at_least), ("et plus", .at_least),
        ("or less", .at_most), ("ou moins", .at_most), ("or fewer", .at_most),
        ("plus", .more_than), ("+", .more_than), ("environ", .about), ("approximately", .about),
    ].sorted { $0.0.count > $1.0.count }

    /// Words joining the two ends of a range.
    static let rangeJoiners = ["and", "et", "to", "à", "a", "-", "and/or"]

    /// Scale words → power of ten. "billion" depends on the language (10^9 in English, 10^12 in French).
    static func scale(_ word: String, language: String) -> Int? {
        switch word {
        case "hundred", "hundreds", "cent", "cents": 2
        case "thousand", "thousands", "k", "mille", "milliers", "millier": 3
        case "million", "millions", "m", "mn", "mio", "mil": 6
        case "billion", "billions": language.hasPrefix("fr") ? 12 : 9
        case "bn", "milliard", "milliards", "md", "mds", "mrd": 9
        case "trillion", "trillions": language.hasPrefix("fr") ? 18 : 12
        case "billiard", "billiards": 15
        default: nil
        }
    }

    /// Number words of the two languages.
    static let numbers: [String: Int] = [
        "zero": 0, "zéro": 0, "a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "two": 2, "deux": 2, "three": 3, "trois": 3,
        "four": 4, "quatre": 4, "five": 5, "cinq": 5, "six": 6, "seven": 7, "sept": 7, "eight": 8, "huit": 8,
        "nine": 9, "neuf": 9, "ten": 10, "dix": 10, "eleven": 11, "onze": 11, "twelve": 12, "douze": 12,
        "a dozen": 12, "une douzaine": 12, "dozen": 12, "thirteen": 13, "treize": 13, "fourteen": 14, "quatorze": 14,
        "fifteen": 15, "quinze": 15, "sixteen": 16, "seize": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "twenty": 20, "vingt": 20, "thirty": 30, "trente": 30, "forty": 40, "quarante": 40, "fifty": 50,
        "cinquante": 50, "sixty": 60, "soixante": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19,
    ]

    /// Currency and percent words → unit code.
    static let units: [String: String] = [
        "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "de dollars": "USD",
        "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "d'euros": "EUR",
        "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "de livres": "GBP", "livres": "GBP",
        "%": "percent", "percent": "percent", "per cent": "percent", "pour cent": "percent", "pourcent": "percent",
    ]

    /// Month names and abbreviations of both languages → month number.
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "janvier": 1, "janv": 1, "february": 2, "feb": 2, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2,
        "march": 3, "mar": 3, "mars": 3, "april": 4, "apr": 4, "avril": 4, "avr": 4, "may": 5, "mai": 5,
        "june": 6, "jun": 6, "juin": 6, "july": 7, "jul": 7, "juillet": 7, "juil": 7, "august": 8, "aug": 8, "août": 8, "aout": 8,
        "september": 9, "sep": 9, "sept": 9, "septembre": 9, "october": 10, "oct": 10, "octobre": 10,
        "november": 11, "nov": 11, "novembre": 11, "december": 12, "dec": 12, "décembre": 12, "decembre": 12, "déc": 12,
    ]

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ]

    /// Time units → seconds.
    static let timeUnits: [String: Int] = [
        "second": 1, "seconds": 1, "seconde": 1, "secondes": 1, "sec": 1, "secs": 1, "s": 1,
        "minute": 60, "minutes": 60, "min": 60, "mins": 60,
        "hour": 3600, "hours": 3600, "heure": 3600, "heures": 3600, "h": 3600, "hr": 3600, "hrs": 3600,
        "day": 86400, "days": 86400, "jour": 86400, "jours": 86400, "journée": 86400, "journées": 86400,
        "week": 604_800, "weeks": 604_800, "semaine": 604_800, "semaines": 604_800,
        "month": 2_592_000, "months": 2_592_000, "mois": 2_592_000,
        "year": 31_536_000, "years": 31_536_000, "an": 31_536_000, "ans": 31_536_000,
        "année": 31_536_000, "années": 31_536_000,
    ]

    /// Vague counts of time units: "a few hours" = 2–5 hours, "several days" = 2–9 days.
    static let vagueCounts: [String: (Int, Int)] = [
        "a few": (2, 5), "few": (2, 5), "quelques": (2, 5), "several": (2, 9), "plusieurs": (2, 9),
    ]

    static let booleans: [String: Bool] = [
        "true": true, "yes": true, "y": true, "oui": true, "vrai": true,
        "false": false, "no": false, "n": false, "non": false, "faux": false,
    ]
}
