import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a whole process the way a user's shell does, and measures it: wall time and peak memory.
struct Measurement {
    var seconds: Double
    var maxRSSKiB: Int
    var status: Int32
    /// User plus system CPU time of the process: on a shared machine it varies far less than wall time.
    var cpuSeconds: Double = 0
}

enum Runner {
    /// Spawns `arguments[0]` with stdout and stderr sent to /dev/null (or a file), waits, and reads its rusage.
    static func run(
        _ arguments: [String], environment: [String: String], stdoutPath: String = "/dev/null",
        stdin: String? = nil
    ) throws -> Measurement {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        var start = timespec()
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        clock_gettime(CLOCK_MONOTONIC, &end)
        let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        let exited = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Measurement(seconds: seconds, maxRSSKiB: Int(usage.ru_maxrss), status: exited, cpuSeconds: cpu)
    }

    /// One warm-up, then `runs` timed runs; `prepare` runs before each (untimed), e.g. to restore a file.
    static func median(_ arguments: [String], environment: [String: String], runs: Int, prepare: () throws -> Void = {}) throws -> (
        median: Double, maxRSSKiB: Int, cpu: Double
    ) {
        try prepare()
        let warm = try run(arguments, environment: environment)
        guard warm.status == 0 else { throw BenchError("\(arguments.joined(separator: " ")) exited \(warm.status)") }
        var times: [Double] = []
        var cpus: [Double] = []
        var rss = 0
        for _ in 0..<runs {
            try prepare()
            let m = try run(arguments, environment: environment)
            guard m.status == 0 else { throw BenchError("\(arguments.joined(separator: " ")) exited \(m.status)") }
            times.append(m.seconds)
            cpus.append(m.cpuSeconds)
            rss = max(rss, m.maxRSSKiB)
        }
        times.sort()
        cpus.sort()
        return (times[times.count / 2], rss, cpus[cpus.count / 2])
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
