import ArgumentParser
import LedgerCore
import LedgerStore

/// `claimledger entity …`.
struct EntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Record entities: the canonical ids claims are about, with labels and aliases.",
        subcommands: [EntityAdd.self, EntityAlias.self, EntityList.self]
    )
}

/// `claimledger entity add ID --label TEXT [--alias TEXT]…`.
struct EntityAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record an entity, e.g. account:@dudes4harris, with labels per language and aliases.",
        discussion: """
        Example:
          claimledger entity add group:white-dudes-for-harris \\
            --label "en=White Dudes for Harris" \\
            --label "fr=Les Blancs pour Harris" --alias "WD4H"
        """
    )

    @Argument(help: ArgumentHelp("The canonical id, e.g. account:@dudes4harris (no spaces).", valueName: "ID"))
    var id: String

    @Option(help: ArgumentHelp("A label, as LANG=TEXT (repeatable; plain TEXT is language-undetermined).", valueName: "LANG=TEXT"))
    var label: [String] = []

    @Option(help: ArgumentHelp("Another name the entity goes by (repeatable).", valueName: "TEXT"))
    var alias: [String] = []

    @OptionGroup var signing: SigningOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if label.isEmpty { throw ValidationError("give at least one --label") }
    }

    func run() throws {
        let entry = try signing.open(global).addEntity(id: id, labels: Labels.parse(label), aliases: alias)
        if global.json {
            Output.json(["seq": .number(Double(entry.seq)), "leaf_hash": .string(entry.leafHash.hex)])
        } else {
            Output.line("recorded \(id) at seq \(entry.seq)")
        }
    }
}

/// `claimledger entity alias ID TEXT`.
struct EntityAlias: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias",
        abstract: "Record another name for an entity, in any language.",
        discussion: """
        Claims whose --subject is this name are compared as the entity (names match ignoring case, quote style, \
        dashes and spacing). A name can belong to one entity only.

        Example:
          claimledger entity alias account:@dudes4harris "Les Blancs pour Harris"
        """
    )

    @Argument(help: ArgumentHelp("The entity's id.", valueName: "ID"))
    var id: String

    @Argument(help: ArgumentHelp("The other name.", valueName: "TEXT"))
    var alias: String

    @OptionGroup var signing: SigningOptions

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let entry = try signing.open(global).addAlias(entity: id, alias: alias)
        if global.json {
            Output.json(["seq": .number(Double(entry.seq)), "leaf_hash": .string(entry.leafHash.hex)])
        } else {
            Output.line("\"\(alias)\" now names \(id) (seq \(entry.seq))")
        }
    }
}

/// `claimledger entity list [--name TEXT]`.
struct EntityList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the recorded entities with their labels and aliases.",
        discussion: """
        With --name, only the entity that name belongs to (compared as claims' subjects are: ignoring case, \
        quote style, dashes and spacing).
        Examples:
          claimledger entity list
          claimledger entity list --name "White Dudes for Harris" --json
        """
    )

    @Option(help: ArgumentHelp("Only the entity this id, label or alias names.", valueName: "TEXT"))
    var name: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.open(readOnly: true)
        var entities: [(id: String, labels: [String: String], aliases: [String])] = [], names = EntityNames()
        try ledger.store.snapshot {
            try ledger.store.forEachStoredEntry { row in
                guard let body = EntryBody(row.bytes) else { return }
                switch body {
                case .entity(let e):
                    names.add(body)
                    entities.append((e.id, e.labels, e.aliases))
                case .entityAlias(let a):
                    names.add(body)
                    if let i = entities.firstIndex(where: { $0.id == a.entity }) { entities[i].aliases.append(a.alias) }
                default: break
                }
            }
        }
        if let name {
            let owner = names.resolve(name)
            entities = entities.filter { $0.id == owner }
        }
        if global.json {
            Output.json(["entities": .array(entities.map { e in
                ["id": .string(e.id), "labels": .object(e.labels.mapValues { .string($0) }), "aliases": .array(e.aliases.map { .string($0) })]
            })])
            return
        }
        if entities.isEmpty { Output.note(name == nil ? "no entities recorded: record one with `claimledger entity add ID --label LANG=TEXT`" : "no entity goes by that name") }
        for e in entities {
            let labels = e.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            Output.line("\(EntrySummary.pad(e.id, 32)) \(EntrySummary.clip(labels, 60))\(e.aliases.isEmpty ? "" : "  aliases: " + EntrySummary.clip(e.aliases.joined(separator: "; "), 60))")
        }
    }
}
