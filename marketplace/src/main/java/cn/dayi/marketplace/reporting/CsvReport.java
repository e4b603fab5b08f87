package cn.dayi.marketplace.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a {@link ReportTable} as RFC 4180 CSV (Commons CSV), UTF-8 with a BOM; totals as a last row "合计 Total". */
final class CsvReport {

    private CsvReport() {
    }

    static void write(ReportTable table, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180);
        csv.printRecord(table.columns().stream().map(ReportTable.Column::header).toList());
        for (List<Object> row : table.rows()) {
            csv.printRecord(cells(table, row));
        }
        if (table.totals() != null) {
            List<String> totals = cells(table, table.totals());
            if (totals.get(0).isEmpty()) {
                totals.set(0, "合计 Total");
            }
            csv.printRecord(totals);
        }
        csv.flush();
    }

    private static List<String> cells(ReportTable table, List<Object> row) {
        List<String> out = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            out.add(ReportTable.plain(table.columns().get(i).kind(), row.get(i)));
        }
        return out;
    }
}
