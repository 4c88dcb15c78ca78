import Testing
@testable import IncidentNotices
@Test func embedded() { #expect(ShippedTemplates.files["en/probe.mustache"]?.contains("{{name}}") == true) }
