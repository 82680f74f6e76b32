/// The English and French words the suggestion rules look for, in one place.
enum SpeechWords {
    /// Verbs (and participles) that report speech or writing: the speaker is the subject before them, or, after a
    /// quotation, the name that follows ("…,” said Daniel Kreiss"; "», a ainsi posté … Mike Nellis").
    static let reportingVerbs: Set<String> = [
        "said", "says", "say", "saying", "told", "tells", "stated", "claimed", "reported", "announced", "announces", "wrote", "writes", "posted", "alleged", "alleging", "indicated", "clarified",
        "confirmed", "confirming", "speculated", "accused", "added", "noted", "explained", "argued", "insisted", "denied",
        "warned", "tweeted", "responded", "read", "declared",
        "déclaré", "déclare", "dit", "affirme", "affirment", "affirmé", "explique", "expliqué", "indiqué", "indique",
        "indiquant", "publié", "posté", "écrit", "précisé", "rapporte", "rapporté", "annoncé", "annonce", "estime",
        "dénonce", "assure", "assuré", "plaints", "ajouté", "ajouter", "confirmé", "démenti",
    ]

    /// Words introducing the source a statement is relayed from.
    static let relayCues: [[String]] = [["according", "to"], ["selon"], ["d'après"], ["in", "line", "with"]]

    /// Documents that carry a statement: after "according to an email … from X" the speaker is X.
    static let documents: Set<String> = [
        "email", "e-mail", "post", "screenshot", "statement", "letter", "report", "message", "tweet", "notification",
        "publication", "courriel", "communiqué", "capture", "article", "lettre", "rapport",
    ]

    /// Prepositions after which a document names its author.
    static let authorship: Set<String> = ["by", "from", "par", "des", "du", "de"]

    /// Auxiliaries and adverbs between a subject and its reporting verb.
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "also", "then", "a", "ont", "avait", "avaient", "ainsi", "a-t-il", "avait-t-il",
        "aussi", "déjà", "été", "is", "was", "were", "been", "only", "later", "since", "publicly", "repeatedly",
    ]

    /// Words that open a clause, left out of a speaker taken from before the verb.
    static let clauseOpeners: Set<String> = [
        "and", "but", "that", "while", "when", "who", "which", "et", "mais", "que", "qu'", "qui", "quand", "lorsque",
        "however", "although", "instead", "cependant", "pourtant", "même", "si", "—", "–",
    ]

    /// Words a speaker taken from before its verb does not reach back over (prepositions, adverbs, verbs).
    static let speakerStops: Set<String> = [
        "after", "before", "on", "in", "to", "with", "that", "than", "when", "shortly", "since", "as", "at", "by",
        "après", "avant", "sur", "dans", "avec", "lorsque", "puis", "pendant", "depuis", "lors", "was", "were", "is",
        "are", "has", "have", "had", "est", "sont", "a", "ont", "été",
    ]

    /// Pronouns: a speaker that is one continues the previous sentence's speaker.
    static let pronouns: Set<String> = ["he", "she", "they", "il", "elle", "ils", "elles"]

    /// Words after which a statement's content starts ("said that …", "a dit que …").
    static let complementizers: Set<String> = ["that", "que"]

    /// Reporter-voice actions a fact-checker records (moderation and campaign events), EN and FR.
    static let eventWords: Set<String> = [
        "suspended", "suspend", "unsuspended", "restricted", "blocked", "banned", "reinstated", "labeled", "labelled",
        "flagged", "locked", "limited", "removed", "fired", "endorsed", "hosted", "acquired", "redacted", "disclosed",
        "included", "obstructed", "impeded", "hinder", "block", "received", "raised", "drew", "reached", "declined",
        "respond", "rejected", "suspendu", "suspendre", "réinstallé", "reinstauré", "verrouillé", "bloqué", "bridlé",
        "banni", "rejeté", "soutenu", "racheté", "partagé", "levé", "recueilli", "ouvert", "réagi", "répond",
        "réuni", "gagné", "ciblé", "contacté", "critiqué", "suspension", "investing", "circulating", "contained",
        "discussed", "moved", "approached", "chose", "publish", "shut", "restricting", "affected", "allegedly", "reportedly",
        "purportedly",
    ]

    /// Determiners left out when speakers are compared.
    static let determiners: Set<String> = ["the", "a", "an", "le", "la", "les", "l'", "un", "une", "des", "du", "de"]
}
