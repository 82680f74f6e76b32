/// A count and its noun in English, singular for one ("1 claim", "2 claims"; `plural` for irregular nouns).
public func counted(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
}
