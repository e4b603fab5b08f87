package cn.dayi.marketplace.importing.dayicsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.catalogue.FundingSource;
import cn.dayi.marketplace.catalogue.InstrumentStatus;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.catalogue.SharingMode;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportRejectedException;
import cn.dayi.marketplace.importing.InstrumentRow;
import cn.dayi.marketplace.importing.ParsedRow;
import cn.dayi.marketplace.importing.ParsedRow.RowProblem;
import cn.dayi.marketplace.importing.csv.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DayiCsvFormatTest {

    private static final ImportOptions SHENZHEN = ImportOptions.named("shenzhen");
    private static final String HEADER = "source_id,name,owner_name,original_value_cny,purchase_date,lat,lon,category,country,district,funding_source\n";

    @Test
    void theTemplateGivesThreeInstrumentsWithExactValues() throws IOException {
        List<InstrumentRow> rows = accepted(read(Files.readAllBytes(TestData.dayiTemplate())));
        assertEquals(3, rows.size());

        InstrumentRow tem = rows.get(0);
        assertEquals("dayi-csv:shenzhen", tem.source());
        assertEquals("SUSTECH-CRF-TEM-001", tem.sourceId());
        assertEquals("场发射透射电子显微镜", tem.name());
        assertEquals("JEM-2100F", tem.model());
        assertEquals("JEOL", tem.manufacturer());
        assertEquals("JP", tem.countryCode());
        assertEquals(1_280_000_000L, tem.originalValueFen(), "12800000.00 yuan");
        assertEquals("CNY", tem.currency());
        assertEquals(LocalDate.of(2016, 9, 20), tem.purchaseDate());
        assertEquals(FundingSource.LOCAL_FISCAL, tem.fundingSource());
        assertEquals("440305", tem.districtCode(), "南山区");
        assertEquals(22.6024, tem.lat());
        assertEquals(113.9953, tem.lon());
        assertEquals("01", tem.categoryCode());
        assertEquals(SharingMode.EXTERNAL, tem.sharingMode());
        assertEquals(InstrumentStatus.IN_SERVICE, tem.status());
        assertEquals(new InstrumentRow.OwnerRef("dayi-csv:shenzhen", "SUSTECH", "南方科技大学",
                "Southern University of Science and Technology", OrganisationKind.UNIVERSITY, "440305"), tem.owner());

        InstrumentRow nmr = rows.get(1);
        assertEquals("AVANCE NEO 600", nmr.model());
        assertEquals(650_000_000L, nmr.originalValueFen(), "\"6,500,000\" yuan");
        assertEquals("CNY", nmr.currency(), "blank currency is CNY");
        assertEquals(LocalDate.of(2021, 3, 15), nmr.purchaseDate(), "2021/3/15");
        assertEquals("DE", nmr.countryCode(), "德国");
        assertEquals("01", nmr.categoryCode(), "分析仪器");
        assertEquals(FundingSource.CENTRAL_FISCAL, nmr.fundingSource());
        assertEquals("磁场 14.1 T (600 MHz), BBO 宽带探头, 变温 -150～+150 ℃", nmr.technicalParameters());

        InstrumentRow xrd = rows.get(2);
        assertEquals(235_000_000L, xrd.originalValueFen());
        assertEquals(OrganisationKind.RESEARCH_INSTITUTE, xrd.owner().kind(), "科研院所");
        assertEquals(SharingMode.INTERNAL_ONLY, xrd.sharingMode());
        assertEquals(InstrumentStatus.UNDER_MAINTENANCE, xrd.status(), "维修");
        assertNull(xrd.lat());
        assertNull(xrd.lon());
    }

    @Test
    void theTemplateInGb18030ReadsTheSame() throws IOException {
        byte[] utf8 = Files.readAllBytes(TestData.dayiTemplate());
        byte[] gb = new String(utf8, StandardCharsets.UTF_8).getBytes(Charset.forName("GB18030"));
        assertEquals(accepted(read(utf8)), accepted(read(gb)));
    }

    @Test
    void reReadingTheSameFileGivesTheSameKeys() throws IOException {
        byte[] file = Files.readAllBytes(TestData.dayiTemplate());
        List<String> first = accepted(read(file)).stream().map(r -> r.source() + "/" + r.sourceId()).toList();
        List<String> second = accepted(read(file)).stream().map(r -> r.source() + "/" + r.sourceId()).toList();
        assertEquals(List.of("dayi-csv:shenzhen/SUSTECH-CRF-TEM-001", "dayi-csv:shenzhen/SZU-NMR-600",
                "dayi-csv:shenzhen/SIAT-XRD-01"), first);
        assertEquals(first, second);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "negative value     |X1,电镜,深圳大学,-100,,,,,,,                 |original_value_cny|OUT_OF_RANGE",
            "not a number       |X1,电镜,深圳大学,四百万,,,,,,,               |original_value_cny|BAD_NUMBER",
            "three decimals     |X1,电镜,深圳大学,1.005,,,,,,,                |original_value_cny|BAD_NUMBER",
            "latitude 91        |X1,电镜,深圳大学,,,91,114,,,,                |lat               |OUT_OF_RANGE",
            "longitude -181     |X1,电镜,深圳大学,,,22.5,-181,,,,             |lon               |OUT_OF_RANGE",
            "latitude not number|X1,电镜,深圳大学,,,north,114,,,,             |lat               |BAD_NUMBER",
            "only latitude      |X1,电镜,深圳大学,,,22.5,,,,,                 |lon               |REQUIRED",
            "only longitude     |X1,电镜,深圳大学,,,,114,,,,                  |lat               |REQUIRED",
            "impossible date    |X1,电镜,深圳大学,,2021-02-30,,,,,,           |purchase_date     |BAD_DATE",
            "not a date         |X1,电镜,深圳大学,,last spring,,,,,,          |purchase_date     |BAD_DATE",
            "unknown category   |X1,电镜,深圳大学,,,,,16,,,                   |category          |UNKNOWN_CODE",
            "unknown category nm|X1,电镜,深圳大学,,,,,显微镜类,,,             |category          |UNKNOWN_CODE",
            "unknown country    |X1,电镜,深圳大学,,,,,,Atlantis,,             |country           |UNKNOWN_CODE",
            "unknown district   |X1,电镜,深圳大学,,,,,,,朝阳区,               |district          |UNKNOWN_CODE",
            "unknown funding    |X1,电镜,深圳大学,,,,,,,,众筹                 |funding_source    |UNKNOWN_CODE",
            "missing name       |X1,,深圳大学,,,,,,,,                         |name              |REQUIRED",
            "missing source id  |,电镜,深圳大学,,,,,,,,                       |source_id         |REQUIRED",
            "missing owner      |X1,电镜,,,,,,,,,                             |owner_name        |REQUIRED"})
    void badInputGivesItsCode(String label, String row, String field, String code) throws IOException {
        ParsedRow parsed = read((HEADER + row.strip() + "\n").getBytes(StandardCharsets.UTF_8)).getFirst();
        ParsedRow.Invalid invalid = assertInstanceOf(ParsedRow.Invalid.class, parsed, label);
        assertEquals(1, invalid.problems().size(), invalid.problems().toString());
        RowProblem problem = invalid.problems().getFirst();
        assertEquals(field, problem.field(), label);
        assertEquals(code, problem.code(), label);
        assertEquals(2, problem.row());
        assertTrue(problem.reason().length() > 20, "a sentence a person understands: " + problem.reason());
    }

    @Test
    void everyProblemOfARowIsReportedAtOnce() throws IOException {
        ParsedRow parsed = read((HEADER + ",电镜,深圳大学,-5,2021-13-01,91,114,99,,,\n").getBytes(StandardCharsets.UTF_8)).getFirst();
        List<String> codes = assertInstanceOf(ParsedRow.Invalid.class, parsed).problems().stream()
                .map(p -> p.field() + ":" + p.code()).toList();
        assertEquals(List.of("source_id:REQUIRED", "original_value_cny:OUT_OF_RANGE", "purchase_date:BAD_DATE",
                "lat:OUT_OF_RANGE", "category:UNKNOWN_CODE"), codes);
    }

    @Test
    void goodAndBadRowsAreIndependentAndRowNumbersAreFileLines() throws IOException {
        String file = HEADER
                + "A1,扫描电镜,深圳大学,\"1,234,567.89\",2020/1/2,22.53,113.93,02,US,福田区,自筹\n"
                + "A2,电镜,深圳大学,-1,,,,,,,\n"
                + "\n"
                + "A3,质谱仪,清华大学深圳国际研究生院,0,,,,,,,\n";
        List<ParsedRow> rows = read(file.getBytes(StandardCharsets.UTF_8));
        InstrumentRow a1 = assertInstanceOf(ParsedRow.Accepted.class, rows.get(0)).row();
        assertEquals(123_456_789L, a1.originalValueFen());
        assertEquals("02", a1.categoryCode());
        assertEquals("US", a1.countryCode());
        assertEquals("440304", a1.districtCode());
        assertEquals(FundingSource.SELF_FUNDED, a1.fundingSource());
        assertEquals(OrganisationKind.UNIVERSITY, a1.owner().kind(), "guessed from 大学 when owner_kind is blank");
        assertEquals("深圳大学", a1.owner().sourceId(), "owner_id defaults to the normalised owner name");
        assertEquals(3, assertInstanceOf(ParsedRow.Invalid.class, rows.get(1)).rowNumber());
        assertEquals(4, assertInstanceOf(ParsedRow.Skipped.class, rows.get(2)).rowNumber());
        InstrumentRow a3 = assertInstanceOf(ParsedRow.Accepted.class, rows.get(3)).row();
        assertEquals(0L, a3.originalValueFen());
        assertEquals(5, rows.get(3).rowNumber());
    }

    @Test
    void headersMatchInAnyCaseSpacingAndOrder() throws IOException {
        String file = "Owner Name,NAME,Source-ID,Original Value CNY (元),Currency,Sharing Mode,Status,unrelated\n"
                + "深圳大学,原子力显微镜,SZU-AFM-1,880000,usd,不共享,stopped-or-not,x\n"
                + "深圳大学,原子力显微镜,SZU-AFM-2,880000,USD,not shared,OUT_OF_SERVICE,x\n";
        List<ParsedRow> rows = read(file.getBytes(StandardCharsets.UTF_8));
        RowProblem status = assertInstanceOf(ParsedRow.Invalid.class, rows.get(0)).problems().getFirst();
        assertEquals("status", status.field());
        assertEquals("UNKNOWN_CODE", status.code());
        assertTrue(status.reason().contains("IN_SERVICE/在用"), status.reason());
        InstrumentRow afm = assertInstanceOf(ParsedRow.Accepted.class, rows.get(1)).row();
        assertEquals("SZU-AFM-2", afm.sourceId());
        assertEquals(88_000_000L, afm.originalValueFen(), "in cents of USD");
        assertEquals("USD", afm.currency());
        assertEquals(SharingMode.NOT_SHARED, afm.sharingMode());
        assertEquals(InstrumentStatus.OUT_OF_SERVICE, afm.status());
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRejected() {
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> read("source_id,name,department\nX1,电镜,分析测试中心\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("MISSING_COLUMNS", e.code());
        assertTrue(e.getMessage().contains("owner_name"), e.getMessage());
    }

    @Test
    void aTooLongFieldIsReportedWithTheOtherProblems() throws IOException {
        String file = "source_id,name,owner_name,technical_parameters,lat,lon\nX1,电镜,深圳大学,\""
                + "参".repeat(100_001) + "\",95,114\nX2,电镜,深圳大学,ok,22.5,114\n";
        List<ParsedRow> rows = read(file.getBytes(StandardCharsets.UTF_8));
        List<String> codes = assertInstanceOf(ParsedRow.Invalid.class, rows.get(0)).problems().stream()
                .map(p -> p.field() + ":" + p.code()).toList();
        assertEquals(List.of("technical_parameters:TOO_LONG", "lat:OUT_OF_RANGE"), codes);
        assertInstanceOf(ParsedRow.Accepted.class, rows.get(1));
    }

    private static List<ParsedRow> read(byte[] file) throws IOException {
        try (InputStream in = new ByteArrayInputStream(file); Stream<ParsedRow> rows = new DayiCsvFormat().read(in, SHENZHEN)) {
            return rows.toList();
        }
    }

    private static List<InstrumentRow> accepted(List<ParsedRow> rows) {
        return rows.stream().map(r -> assertInstanceOf(ParsedRow.Accepted.class, r, r.toString()).row()).toList();
    }
}
