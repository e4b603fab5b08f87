package cn.dayi.marketplace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.catalogue.CatalogueReader;
import cn.dayi.marketplace.catalogue.InstrumentDetail;
import cn.dayi.marketplace.importing.CatalogueImporter;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportProgress;
import cn.dayi.marketplace.importing.ImportReport;
import cn.dayi.marketplace.importing.ParsedRow.RowProblem;
import cn.dayi.search.api.InstrumentQuery;
import cn.dayi.search.api.InstrumentSearch;
import cn.dayi.search.api.SearchResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The import pipeline against the real database and Elasticsearch. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueImportIT implements RealServices {

    @Inject
    CatalogueImporter importer;
    @Inject
    CatalogueReader reader;
    @Inject
    InstrumentSearch search;
    DataSource dataSource;

    @Inject
    void plain(DataSource injected) {
        this.dataSource = cn.dayi.marketplace.db.PlainDataSource.of(injected);
    }

    private ImportReport run(String format, InputStream in, String source) throws Exception {
        try (in) {
            return importer.importFile(format, in, new ImportOptions(source, null, 0), ImportProgress.NONE);
        }
    }

    @Test
    void stAndrewsFileImportsOnceKeepsItsTextAndSaysWhatItSkipped() throws Exception {
        var file = Csv.shared("data/uniquip/st-andrews-equipment.csv");
        ImportReport first = run("uniquip", Files.newInputStream(file), "st-andrews-it");
        // SOURCE.md says 622 data rows; the file holds 623 records after its header (checked with
        // Python's csv module and wc -l: 624 lines, no embedded newlines)
        assertEquals(623, first.rowsRead(), "every data row is accounted for");
        assertTrue(first.inserted() > 300, "most rows are instruments: " + first.inserted());
        assertFalse(first.skipped().isEmpty(), "junk rows are skipped");
        assertTrue(first.skipped().stream().allMatch(s -> s.reason() != null && !s.reason().isBlank()));
        assertEquals(first.rowsRead(), first.accepted() + first.skipped().size() + first.invalidRows());

        ImportReport again = run("uniquip", Files.newInputStream(file), "st-andrews-it");
        assertEquals(0, again.inserted(), "re-import creates nothing");
        assertEquals(0, again.updated(), "re-import changes nothing");
        assertEquals(first.inserted(), again.unchanged());

        // non-ASCII Latin-1 text survives into the database
        String nonAscii = Files.readAllLines(file, Charset.forName("ISO-8859-1")).stream()
                .skip(1).map(l -> l.split(",")[0]).filter(d -> d.chars().anyMatch(ch -> ch > 127))
                .findFirst().orElse(null);
        if (nonAscii != null) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM instrument WHERE source = ? AND name = ?")) {
                ps.setString(1, "uniquip:st-andrews-it");
                ps.setString(2, nonAscii.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertTrue(rs.getLong(1) >= 1, "row with '" + nonAscii + "' stored intact");
                }
            }
        }
        SearchResult hits = search.search(new InstrumentQuery("ZEISS MICROSCOPE", null, null, null, null, null, null,
                null, null, null, null, InstrumentQuery.Sort.RELEVANCE, 0, 10));
        assertTrue(hits.items().stream().anyMatch(h -> h.document().name().startsWith("ZEISS MICROSCOPE")),
                "imported rows are searchable at once");
    }

    @Test
    void validRowsAreKeptInvalidRowsListedAndChangedRowsUpdated() throws Exception {
        String csv = Csv.DAYI_HEADER
                + "A1,透射电子显微镜,JEM-2100F,JEOL,JP,4000000.00,2015-06-01,CENTRAL_FISCAL,南方科技大学,UNIVERSITY,440305,22.5965,113.9980,01,加速电压 200 kV,EXTERNAL\n"
                + "A2,核磁共振波谱仪,AVANCE NEO 600,Bruker,DE,-5,2018-01-01,CENTRAL_FISCAL,深圳大学,UNIVERSITY,440305,22.5355,113.9360,01,600 MHz,EXTERNAL\n"
                + "A3,X射线衍射仪,SmartLab,Rigaku,JP,1800000,2019-03-01,LOCAL_FISCAL,深圳大学,UNIVERSITY,440305,91,113.9360,01,,EXTERNAL\n"
                + "A4,气相色谱仪,8890,Agilent,US,350000,2020-05-05,SELF_FUNDED,华测检测认证集团,TESTING_AGENCY,440306,22.5553,113.8831,01,,EXTERNAL\n";
        ImportReport r = run("dayi-csv", Csv.of(csv), "mixed-it");
        assertEquals(2, r.inserted(), "the two valid rows are kept");
        List<RowProblem> problems = r.invalid();
        assertTrue(problems.stream().anyMatch(p -> p.row() == 3 && p.code().equals("OUT_OF_RANGE")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.row() == 4 && p.field().contains("lat")), problems.toString());
        assertEquals(2, r.invalidRows());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM instrument WHERE source = 'dayi-csv:mixed-it' AND source_id IN ('A2','A3')")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "nothing of an invalid row is written");
            }
        }
        InstrumentDetail tem = reader.instrument(codeOf("dayi-csv:mixed-it", "A1")).orElseThrow();
        assertEquals(400_000_000L, tem.originalValue().fen(), "4,000,000.00 CNY = 400,000,000 fen");

        String changed = Csv.DAYI_HEADER
                + "A1,透射电子显微镜,JEM-2100F,JEOL,JP,4100000.00,2015-06-01,CENTRAL_FISCAL,南方科技大学,UNIVERSITY,440305,22.5965,113.9980,01,加速电压 200 kV,EXTERNAL\n"
                + "A4,气相色谱仪,8890,Agilent,US,350000,2020-05-05,SELF_FUNDED,华测检测认证集团,TESTING_AGENCY,440306,22.5553,113.8831,01,,EXTERNAL\n";
        ImportReport second = run("dayi-csv", Csv.of(changed), "mixed-it");
        assertEquals(0, second.inserted());
        assertEquals(1, second.updated());
        assertEquals(1, second.unchanged());
        assertEquals(410_000_000L, reader.instrument(codeOf("dayi-csv:mixed-it", "A1")).orElseThrow().originalValue().fen());
        SearchResult hits = search.search(new InstrumentQuery("JEM-2100F", null, null, null, null, null, null,
                null, null, null, null, InstrumentQuery.Sort.RELEVANCE, 0, 10));
        assertTrue(hits.items().stream().anyMatch(h -> Long.valueOf(410_000_000L).equals(h.document().originalValueFen())),
                "the index shows the updated value");
    }

    @Test
    void gb18030FileKeepsChineseAndHugeFieldIsRejectedAlone() throws Exception {
        String big = "x".repeat(10 * 1024 * 1024);
        String csv = Csv.DAYI_HEADER
                + "G1,激光共聚焦显微镜,LSM 980,Zeiss,DE,3200000,2021-01-01,LOCAL_FISCAL,中国科学院深圳先进技术研究院,RESEARCH_INSTITUTE,440305,22.5960,113.9930,01,分辨率 120 nm,EXTERNAL\n"
                + "G2,流式细胞仪,FACSAria III,BD,US,2500000,2019-01-01,SELF_FUNDED,深圳大学,UNIVERSITY,440305,22.5355,113.9360,01," + big + ",EXTERNAL\n"
                + "G3,原子力显微镜,Dimension Icon,Bruker,US,2600000,2017-01-01,CENTRAL_FISCAL,深圳大学,UNIVERSITY,440305,22.5355,113.9360,01,,EXTERNAL\n";
        ImportReport r = run("dayi-csv", Csv.of(csv, Charset.forName("GB18030")), "gb-it");
        assertEquals(2, r.inserted(), r.invalid().toString());
        assertTrue(r.invalid().stream().anyMatch(p -> p.row() == 3 && p.code().equals("TOO_LONG")), r.invalid().toString());
        assertEquals("激光共聚焦显微镜", reader.instrument(codeOf("dayi-csv:gb-it", "G1")).orElseThrow().name());
        assertEquals("中国科学院深圳先进技术研究院", reader.instrument(codeOf("dayi-csv:gb-it", "G1")).orElseThrow().owner().name());
    }

    @Test
    void malformedLineIsReportedAndTheRestImported() throws Exception {
        String csv = Csv.DAYI_HEADER
                + "M1,扫描电子显微镜,SU8010,Hitachi,JP,2800000,2014-01-01,CENTRAL_FISCAL,深圳大学,UNIVERSITY,440305,22.5355,113.9360,01,,EXTERNAL\n"
                + "M2,\"broken quote,SU8010,Hitachi,JP,2800000,2014-01-01,CENTRAL_FISCAL,深圳大学,UNIVERSITY,440305,22.5355,113.9360,01,,EXTERNAL\n";
        ImportReport r = run("dayi-csv", Csv.of(csv), "broken-it");
        assertEquals(1, r.inserted(), "the good row before the broken one is kept");
        assertFalse(r.invalid().isEmpty(), "the broken line is reported");
        assertTrue(r.invalid().stream().anyMatch(p -> p.code().equals("MALFORMED_CSV")), r.invalid().toString());
    }

    private String codeOf(String source, String sourceId) {
        return cn.dayi.marketplace.catalogue.InstrumentCode.of(source, sourceId);
    }
}
