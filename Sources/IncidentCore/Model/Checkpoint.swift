/// The register's head at a moment: how many events, and the hash of the last. A notice carries the head at
/// drafting, so every customer holds a witness that the register later must still extend.
public struct Checkpoint: Codable, Equatable, Sendable, CustomStringConvertible {
    public var events: Int64
    public var hash: String

    public init(events: Int64, hash: String) {
        self.events = events
        self.hash = hash
    }

    /// `17:ab65…`: short enough to quote, exact enough to check with `incident verify --checkpoint`.
    public var description: String { "\(events):\(hash)" }
}
