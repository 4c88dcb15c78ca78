/// The style sheets embedded in HTML exports. They are plain CSS, so a mail client that keeps `<style>`
/// shows the letter as a browser does, and one that drops it still shows readable text.
enum LetterStyle {
    /// Shared by both pages: ids never break, print on A4 without backgrounds, headings stay with their text.
    private static let common = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
          line-height: 1.5; color: #111; background: #fff; max-width: 42em; margin: 2em auto; padding: 0 1em; }
        h1, h2, h3 { line-height: 1.25; margin: 1.4em 0 0.5em; break-after: avoid; page-break-after: avoid; }
        li { margin: 0.25em 0; }
        .id, .nowrap { white-space: nowrap; }
        .checkpoint { overflow-wrap: anywhere; }
        @page { size: A4; margin: 20mm 20mm 22mm 25mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 11pt; color: #000; }
          * { background: transparent !important; box-shadow: none !important; }
          a { color: inherit; text-decoration: none; }
          p, li { orphans: 3; widows: 3; }
          li, tr { break-inside: avoid; page-break-inside: avoid; }
        }

        """

    /// A page of text: what `MarkdownLite.html` gives any Markdown.
    static let plainCSS = common

    /// The letter's style sheet; on paper each page's foot carries `reference` at the left and the page
    /// number at the right, so a loose page can be put back in its letter.
    static func letterCSS(reference: String) -> String {
        let quoted = reference.unicodeScalars.map { scalar -> String in
            // A CSS string in a UTF-8 page: quotes and backslashes escaped; `<`, `>`, `&` (which could end the
            // <style> element) and control characters as hex escapes.
            switch scalar {
            case "\"", "\\": return "\\" + String(scalar)
            case "<", ">", "&": return "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): return "\\fffd "
            default: return String(scalar)
            }
        }.joined()
        return letterCSS + """
            @page {
              @bottom-left { content: "\(quoted)";
                font-family: system-ui, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 8pt; color: #000; }
              @bottom-right { content: counter(page) " / " counter(pages);
                font-family: system-ui, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 8pt; color: #000; }
            }

            """
    }

    /// The letter: letterhead at the top right, addressee and date, the reference line, the body, the
    /// signature kept whole on one page, the register reference in small print.
    private static let letterCSS =
        common + """
            .letterhead { text-align: right; margin: 0 0 2.5em; font-size: 0.92em; line-height: 1.4; }
            .letterhead p { margin: 0; }
            .sender-name { font-weight: 600; font-size: 1.1em; }
            .addressee { font-style: normal; margin: 0 0 1.5em; line-height: 1.4; }
            .recipient-name { font-weight: 600; }
            .date { text-align: right; margin: 0 0 1.5em; }
            .reference { margin: 0 0 1.5em; }
            .reference .label { font-weight: 600; }
            .body h1 { font-size: 1.3em; margin-top: 0; }
            .body h2 { font-size: 1.1em; }
            .signature { margin: 2em 0 0; break-inside: avoid; page-break-inside: avoid; }
            .signature p { margin: 0 0 0.3em; }
            .signatory { margin-top: 2.5em !important; font-weight: 600; }
            .signature .contact { font-size: 0.92em; }
            .register-reference { margin: 3em 0 0; padding-top: 0.75em; border-top: 1px solid #999;
              font-size: 0.85em; color: #333; break-inside: avoid; page-break-inside: avoid; }
            @media print {
              .letterhead { margin-bottom: 15mm; }
              .register-reference { color: #000; }
            }

            """
}
