import ArgumentParser

struct SubprocessorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subprocessor",
        abstract: "Keep the list of subprocessors, and which services and regions each covers.",
        discussion: """
            A customer is reached by an incident at a subprocessor when it uses one of
            the subprocessor's services in one of its regions (see `affect
            --subprocessor`). Regions and services are short lowercase words of your
            choosing, the same on customers and subprocessors: eu, us; voip, hosting.
            """,
        subcommands: [SubprocessorAdd.self, SubprocessorEdit.self, SubprocessorList.self, SubprocessorImport.self])
}
