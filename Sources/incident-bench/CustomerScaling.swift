import Foundation

extension Bench {
    /// `customer import` of N customers into a new register, then `verify` of that register: both must grow
    /// linearly (issue 10, class 8: the directory was copied per event, so 100k customers took 18 minutes).
    func customerScaling(_ binary: String) throws -> String {
        guard !options.importCustomers.isEmpty else { return "" }
        var text =
            "### Customer import and verify\n\n| customers | `customer import` | peak RSS | `verify` | peak RSS |\n|---:|---:|---:|---:|---:|\n"
        var imports: [Int: Double] = [:]
        var verifies: [Int: Double] = [:]
        for count in options.importCustomers {
            let csv = "\(options.workdir)/customers-\(count).csv"
            if !FileManager.default.fileExists(atPath: csv) {
                var lines = "slug,name,email,timezone\n"
                for n in 0..<count {
                    lines +=
                        "customer-\(n),Customer \(n) Ltd,dpo@customer-\(n).example,\(["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"][n % 4])\n"
                }
                try lines.write(toFile: csv, atomically: true, encoding: .utf8)
            }
            let path = "\(options.workdir)/customers-\(count).sqlite"
            let runs = count >= 50_000 ? 3 : 5
            func fresh() throws { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            log("timing customer import of \(count) (\(runs) runs)")
            let imported = try Runner.median(
                [binary, "customer", "import", csv], environment: environment(path), runs: runs, prepare: fresh)
            log("timing verify of \(count) customers (\(runs) runs)")
            let verified = try Runner.median([binary, "verify"], environment: environment(path), runs: runs)
            imports[count] = imported.median
            verifies[count] = verified.median
            text +=
                "| \(count) | \(ms(imported.median)) | \(mb(imported.maxRSSKiB)) | \(ms(verified.median)) | \(mb(verified.maxRSSKiB)) |\n"
        }
        if let small = options.importCustomers.min(), let large = options.importCustomers.max(), small != large,
            let i1 = imports[small], let i2 = imports[large], let v1 = verifies[small], let v2 = verifies[large]
        {
            text +=
                "\nScaling \(small) → \(large) customers (linear would be \(ratio(Double(large) / Double(small)))): import \(ratio(i2 / i1)), verify \(ratio(v2 / v1)).\n"
        }
        return text + "\n"
    }
}
