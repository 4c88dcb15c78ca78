import Foundation
import PackagePlugin

/// Compiles the shipped `Templates/` folder into the IncidentNotices module, so a release binary copied
/// anywhere (say /usr/local/bin) still has its templates: nothing is read from the build folder at run time.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "mustache" { inputs.append(url) }
        }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) notice templates",
                executable: try context.tool(named: "template-embedder").url,
                arguments: [templates.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}
