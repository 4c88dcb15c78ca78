import ArgumentParser
import Foundation
import IncidentCore
import IncidentStore

/// Customer fields as typed or read from CSV, checked in one place.
enum CustomerInput {
    /// An IANA zone name; checked here, where the zone database can be read.
    static func timeZone(_ name: String) throws -> String {
        guard TimeZone(identifier: name) != nil else {
            throw InputError(
                field: .timeZone, problem: "'\(name)' is not an IANA time zone; use one such as Europe/Berlin or America/New_York")
        }
        return name
    }

    /// `row` names the file and line when the input came from CSV; its errors then name the column too.
    static func customer(
        slug: String, name: String, emails: [String], language: String, timezone: String,
        noticeHours: Int?, regions: [String] = [], services: [String] = [], row: Field?
    ) throws -> Customer {
        do {
            _ = try timeZone(timezone)
            return try Customer.validated(
                slug: slug, name: name, emails: emails, language: language, timeZone: timezone, noticeHours: noticeHours,
                regions: regions, services: services)
        } catch let error as InputError {
            guard let row else { throw error }
            let column = FlagNames.flag(for: error.field).trimmingCharacters(in: CharacterSet(charactersIn: "-")).lowercased()
            throw InputError(field: row, problem: "\(column): \(error.problem)", next: error.next)
        }
    }
}
