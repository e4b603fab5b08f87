package cn.dayi.app.cli;

import cn.dayi.app.local.LocalServices;
import cn.dayi.marketplace.importing.CatalogueImporter;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportProgress;
import cn.dayi.marketplace.importing.ImportRejectedException;
import cn.dayi.marketplace.importing.ImportReport;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dayi import --format uniquip|dayi-csv|demo [--file F] [--source NAME] [--owner NAME] [--count N]}:
 * imports a catalogue file with a progress bar and prints the row report. Exit code 0 when every
 * row was imported or skipped for a reason, 1 when some rows were invalid, 2 when the file was
 * rejected as a whole.
 */
@Command(name = "import", description = "Import instruments from a file (uniquip, dayi-csv) or generate the demo catalogue.")
public class ImportCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, description = "uniquip | dayi-csv | demo")
    String format;

    @Option(names = "--file", description = "the CSV file (not for demo)")
    Path file;

    @Option(names = "--source", description = "feed name, part of the import key (default: the file's base name)")
    String source;

    @Option(names = "--owner", description = "owning institution for uniquip feeds without an institution column")
    String owner;

    @Option(names = "--count", defaultValue = "9000", description = "demo only: how many instruments (default 9000)")
    int count;

    @Option(names = "--report", description = "also write the full report as JSON to this file")
    Path reportFile;

    @Override
    public Integer call() throws Exception {
        if (!"demo".equals(format) && (file == null || !Files.isRegularFile(file))) {
            System.err.println("--file is required and must be a readable file for format " + format);
            return 2;
        }
        String sourceName = source != null ? source
                : file != null ? file.getFileName().toString().replaceFirst("\\.[^.]+$", "") : "demo";
        Map<String, Object> props = LocalServices.resolve();
        props.put("dayi.catalogue.seed-on-empty", false);
        props.put("dayi.scheduler.enabled", false); // a command-line tool runs no scheduled jobs
        try (ApplicationContext ctx = ApplicationContext.builder().properties(props).start()) {
            CatalogueImporter importer = ctx.getBean(CatalogueImporter.class);
            long expected = "demo".equals(format) ? count : -1;
            try (InputStream in = file == null ? new ByteArrayInputStream(new byte[0]) : Files.newInputStream(file);
                 ProgressBar bar = new ProgressBarBuilder().setTaskName("import " + format)
                         .setInitialMax(expected).setStyle(ProgressBarStyle.ASCII).setUnit(" rows", 1)
                         .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                         .build()) {
                ImportProgress progress = (rows, max) -> bar.stepTo(rows);
                ImportReport report = importer.importFile(format, in,
                        new ImportOptions(sourceName, owner, "demo".equals(format) ? count : 0), progress);
                bar.stepTo(report.rowsRead());
                bar.close();
                print(report, System.out);
                if (reportFile != null) {
                    Files.writeString(reportFile, ctx.getBean(io.micronaut.json.JsonMapper.class)
                            .writeValueAsString(report), StandardCharsets.UTF_8);
                }
                return report.invalid().isEmpty() ? 0 : 1;
            } catch (ImportRejectedException e) {
                System.err.println("Import rejected (" + e.code() + "): " + e.getMessage());
                return 2;
            }
        }
    }

    static void print(ImportReport r, PrintStream out) {
        out.printf("Imported %s from %s in %.1f s: %d rows read, %d new, %d updated, %d unchanged, %d skipped, %d invalid%n",
                r.format(), r.source(), r.elapsedMillis() / 1000.0, r.rowsRead(), r.inserted(), r.updated(),
                r.unchanged(), r.skipped().size(), r.invalidRows());
        r.skipped().stream().limit(50).forEach(s -> out.printf("  skipped row %d: %s%n", s.row(), s.reason()));
        if (r.skipped().size() > 50) {
            out.printf("  … %d more skipped rows (see --report)%n", r.skipped().size() - 50);
        }
        r.invalid().stream().limit(100).forEach(p -> out.printf("  invalid row %d, %s [%s]: %s%n",
                p.row(), p.field(), p.code(), p.reason()));
        if (r.invalid().size() > 100) {
            out.printf("  … %d more problems (see --report)%n", r.invalid().size() - 100);
        }
    }
}
