package cn.dayi.app.bench;

import cn.dayi.marketplace.importing.CatalogueFormat;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.InstrumentRow;
import cn.dayi.marketplace.importing.ParsedRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the demo catalogue as a Dayi CSV file (the documented bulk format), for import benchmarks. */
final class DemoCsvExport {

    static final String[] HEADER = {"source_id", "name", "name_en", "model", "manufacturer", "country",
        "original_value_cny", "currency", "purchase_date", "funding_source", "owner_name", "owner_id", "owner_kind",
        "district", "address", "lat", "lon", "category", "technical_parameters", "sample_requirements",
        "sharing_mode", "status"};

    private DemoCsvExport() {
    }

    static Path write(CatalogueFormat demo, int count, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
             Stream<ParsedRow> rows = demo.read(new ByteArrayInputStream(new byte[0]),
                     new ImportOptions("demo", null, count))) {
            for (ParsedRow p : (Iterable<ParsedRow>) rows::iterator) {
                if (!(p instanceof ParsedRow.Accepted a)) {
                    continue;
                }
                InstrumentRow r = a.row();
                out.printRecord(r.sourceId(), r.name(), r.nameEn(), r.model(), r.manufacturer(), r.countryCode(),
                        r.originalValueFen() == null ? null : BigDecimal.valueOf(r.originalValueFen(), 2).toPlainString(),
                        r.currency(), r.purchaseDate(), r.fundingSource(), r.owner().name(), r.owner().sourceId(),
                        r.owner().kind(), r.districtCode(), r.address(), r.lat(), r.lon(), r.categoryCode(),
                        r.technicalParameters(), r.sampleRequirements(), r.sharingMode(), r.status());
            }
        }
        return file;
    }
}
