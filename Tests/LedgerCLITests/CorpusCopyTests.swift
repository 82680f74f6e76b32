import Foundation
import Testing

/// Tests/Corpus is a copy of the project's read-only corpus kept beside the repository; when that folder is
/// there, the copy must be byte-identical to it (nothing else in the tests reads outside the repository).
@Suite struct CorpusCopyTests {
    @Test func theCopyIsByteIdenticalToTheOriginalWhenPresent() throws {
        let original = CLI.repo.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        let copies = try FileManager.default.contentsOfDirectory(atPath: CLI.corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(copies.count == 5)
        guard FileManager.default.fileExists(atPath: original.path) else { return }
        let originals = try FileManager.default.contentsOfDirectory(atPath: original.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(copies == originals)
        for name in originals {
            let a = try Data(contentsOf: original.appendingPathComponent(name)), b = try Data(contentsOf: CLI.corpus.appendingPathComponent(name))
            #expect(a == b, "\(name) differs from the original")
        }
    }
}
