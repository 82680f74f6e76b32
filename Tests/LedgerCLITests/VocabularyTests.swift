import Foundation
import Testing

/// A claim's predicate must be declared: an undeclared one is refused, naming the closest declared ids.
extension BadInputTests {
    @Test func undeclaredPredicateIsRefusedWithTheClosestDeclaredIds() throws {
        let (dir, work, id) = try Self.ledger()
        var typo = claim(id)
        typo[typo.firstIndex(of: "attendance")!] = "atendance"
        try expectRejected(typo, ledger: dir, mention: "predicate atendance is not declared; did you mean attendance?")
        var unknown = claim(id)
        unknown[unknown.firstIndex(of: "attendance")!] = "colour"
        try expectRejected(unknown, ledger: dir, mention: "`claimledger predicate add colour --type …`")
        let line = #"{"source":"\#(id)","excerpt":"près de 200.000 personnes","speaker":"Tribune","text":"t","subject":"event:call","predicate":"call.attendance","value":"près de 200.000"}"#
        let file = CLI.write(Array((line + "\n").utf8), "undeclared.jsonl", in: work)
        try expectRejected(["claim", "import", file], ledger: dir, mention: "line 1: predicate: predicate call.attendance is not declared; did you mean attendance?")
        #expect(try CLI.run(claim(id) + ["--ledger", dir]).code == 0)
    }

    @Test func subjectThatLooksLikeAMisspelledEntityNameIsRefusedUnlessNew() throws {
        let (dir, _, id) = try Self.ledger()
        #expect(try CLI.run(["entity", "add", "group:white-dudes-for-harris", "--label", "en=White Dudes for Harris", "--ledger", dir]).code == 0)
        func subject(_ s: String) -> [String] {
            var c = claim(id)
            c[c.firstIndex(of: "event:call")!] = s
            return c
        }
        try expectRejected(subject("White Dudes for Haris"), ledger: dir, mention: #"--subject: "White Dudes for Haris" is not an entity name; did you mean "White Dudes for Harris"?"#)
        try expectRejected(subject("group:white-dudes-for-haris"), ledger: dir, mention: "pass --new-subject")
        #expect(try CLI.run(subject("white dudes for harris") + ["--ledger", dir]).code == 0)
        #expect(try CLI.run(subject("White Dudes for Haris") + ["--new-subject", "--ledger", dir]).code == 0)
        #expect(try CLI.run(subject("event:call") + ["--ledger", dir]).code == 0)
    }

    @Test func aLabelOrAliasAnotherEntityOwnsIsRefused() throws {
        let (dir, _, _) = try Self.ledger()
        #expect(try CLI.run(["entity", "add", "group:a", "--label", "en=Shared Name", "--alias", "SN", "--ledger", dir]).code == 0)
        try expectRejected(["entity", "add", "group:b", "--label", "fr=shared  name"], ledger: dir, mention: #""shared  name" already names another entity, group:a"#)
        try expectRejected(["entity", "add", "group:c", "--label", "en=C", "--alias", "sn"], ledger: dir, mention: "already names another entity, group:a")
        try expectRejected(["entity", "add", "group:d", "--label", "en=D", "--alias", "group:a"], ledger: dir, mention: "already names another entity, group:a")
        #expect(try CLI.run(["entity", "add", "group:b", "--label", "en=Other", "--ledger", dir]).code == 0)
        try expectRejected(["entity", "alias", "group:b", "Shared Name"], ledger: dir, mention: "already names another entity, group:a")
    }

    @Test func categoryPredicatesDeclareTheirValues() throws {
        let (dir, _, _) = try Self.ledger()
        try expectRejected(["predicate", "add", "reason", "--type", "category"], ledger: dir, code: 64, mention: "--type category needs its values declared: --values a,b,c")
        try expectRejected(["predicate", "add", "reason", "--type", "category", "--values", " , "], ledger: dir, code: 64, mention: "--values a,b,c")
    }
}
