import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes text to standard output or standard error with `write(2)`, straight from the string's UTF-8 bytes.
///
/// `FileHandle.write(Data(text.utf8))` was 13% of the CPU time of `incident --version`: building `Data` from a
/// sequence asks the Swift runtime whether it is contiguous, and the first such question scans every protocol
/// conformance in the binary. A failed write (a full disk behind a redirect) is one line on stderr and exit 74,
/// never a trap.
enum StandardStream {
    static func out(_ text: String) { write(text, to: STDOUT_FILENO) }
    static func error(_ text: String) { write(text, to: STDERR_FILENO) }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        let failure: Int32? = text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                    continue
                }
                switch written < 0 ? errno : EIO {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK:
                    // A descriptor another process made non-blocking (a pipe it reads slowly): wait until it drains.
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                case let code: return code
                }
            }
            return nil
        }
        guard let failure else { return }
        if failure == EPIPE {
            // The reader went away (`incident list | head -1`). SwiftNIO ignores SIGPIPE once it has opened a socket
            // (the PostgreSQL backend); end as a SQLite run does, by the signal, with nothing on stderr.
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        guard descriptor == STDOUT_FILENO else { return }
        // Nothing more can be said on stdout; stderr may still work.
        write("error: standard output: cannot write (\(String(cString: strerror(failure))))\n", to: STDERR_FILENO)
        exit(74)
    }
}
