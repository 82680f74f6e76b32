/// What a newsroom account may do. Each role includes the ones below it: an admin manages users and writes,
/// an editor writes entries, a viewer only reads.
public enum Role: String, Sendable, CaseIterable, Comparable {
    case viewer, editor, admin

    private var rank: Int { Role.allCases.firstIndex(of: self)! }
    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
}
