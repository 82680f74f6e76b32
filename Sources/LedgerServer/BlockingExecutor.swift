import Foundation

/// A task executor of its own threads, for request handlers whose work blocks (SQLite reads and writes, building
/// a snapshot, verifying): run there, it never occupies the threads of Swift's cooperative pool, which the event
/// loops' async work needs (two on a 2-core machine). `ResponseFrame` sends reads and writes to separate
/// executors, so four slow writers cannot keep every reader waiting, and the OS shares the cores between them.
final class BlockingExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    /// Starts `threads` threads named `name`.
    init(threads: Int, name: String) {
        for i in 0..<threads {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "\(name)-\(i)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
