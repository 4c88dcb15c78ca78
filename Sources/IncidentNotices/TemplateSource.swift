/// The shipped templates, compiled into the binary by the EmbedTemplates plugin.
public enum ShippedTemplates {
    /// Relative path (such as `en/initial.mustache`) to file content.
    public static var files: [String: String] { EmbeddedTemplates.files }
}
