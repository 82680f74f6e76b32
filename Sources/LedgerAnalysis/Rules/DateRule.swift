import LedgerCore

/// Dates compare as the span their precision covers (a day, a month, a year; a minute or second for times),
/// in seconds since 1970. Disjoint spans contradict — except dates without a time zone that are at most one
/// day apart, which are in tension (the same moment can carry two dates in two zones).
public enum DateRule {
    public static func interval(_ d: DateValue) -> Interval? {
        let parts = d.value.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard let y = parts.first else { return nil }
        let m = parts.count > 1 ? parts[1] : 1, day = parts.count > 2 ? parts[2] : 1
        let start = Double(daysFromCivil(y, m, day)) * 86_400
        switch d.precision {
        case .year: return Interval(start, Double(daysFromCivil(y + 1, 1, 1)) * 86_400, upperOpen: true)
        case .month: return Interval(start, Double(m == 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1)) * 86_400, upperOpen: true)
        case .day: return Interval(start, start + 86_400, upperOpen: true)
        case .minute, .second:
            let t = Array(d.value.utf8)
            func n(_ i: Int) -> Double { Double((Int(t[i]) - 48) * 10 + Int(t[i + 1]) - 48) }
            var seconds = start + n(11) * 3600 + n(14) * 60 + (d.precision == .second ? n(17) : 0)
            let zoneAt = d.precision == .second ? 19 : 16
            if t.count >= zoneAt + 6 {
                let sign: Double = t[zoneAt] == UInt8(ascii: "+") ? 1 : -1
                seconds -= sign * (n(zoneAt + 1) * 3600 + n(zoneAt + 4) * 60)
            }
            return Interval(seconds, seconds + (d.precision == .second ? 1 : 60), upperOpen: true)
        }
    }

    /// True when the date says nothing about its time zone (date-only, or a time without Z or offset).
    static func zoneUnknown(_ d: DateValue) -> Bool {
        d.precision == .day || d.precision == .month || d.precision == .year || !(d.value.hasSuffix("Z") || d.value.dropFirst(16).contains { $0 == "+" || $0 == "-" })
    }

    public static func compare(_ a: DateValue, _ b: DateValue) -> RuleOutcome {
        guard let x = interval(a), let y = interval(b) else { return .notComparable("unreadable date") }
        if x.overlaps(y) { return .agree }
        let gap = x.lower >= y.upper ? x.lower - y.upper : y.lower - x.upper
        let numbers: JSONValue = ["a": .string(a.value), "b": .string(b.value), "gap_seconds": .decimal(gap)]
        if gap <= 86_400 && (zoneUnknown(a) || zoneUnknown(b)) {
            return .conflict(.tension, rule: "date", explanation: "\(a.value) and \(b.value) are within a day; time zones are unknown",
                             numbers: numbers, width: gap / 86_400 / 365)
        }
        return .conflict(.contradiction, rule: "date", explanation: "\(a.value) and \(b.value) do not overlap",
                         numbers: numbers, width: gap / 86_400 / 365)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

extension DateRule {
    /// A day of an interval's bound (seconds since 1970) as YYYY-MM-DD, for spans in words.
    public static func day(_ seconds: Double) -> String {
        // Civil from days (H. Hinnant's algorithm), the inverse of `daysFromCivil`.
        let z = Int((seconds / 86_400).rounded(.down)) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
