package cn.dayi.marketplace.importing.uniquip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.catalogue.SharingMode;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportRejectedException;
import cn.dayi.marketplace.importing.InstrumentRow;
import cn.dayi.marketplace.importing.ParsedRow;
import cn.dayi.marketplace.importing.csv.CsvLine;
import cn.dayi.marketplace.importing.csv.CsvTable;
import cn.dayi.marketplace.importing.csv.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UniquipFormatTest {

    private static final ImportOptions ST_ANDREWS = ImportOptions.named("st-andrews");
    private static List<ParsedRow> stAndrews;

    @BeforeAll
    static void readTheRealFile() throws IOException {
        stAndrews = read(Files.readAllBytes(TestData.stAndrews()), ST_ANDREWS);
    }

    @Test
    void theRealStAndrewsFeedImports567InstrumentsAndSkips56Rows() {
        assertEquals(623, stAndrews.size(), "one parsed row per data row");
        assertEquals(567, count(ParsedRow.Accepted.class));
        assertEquals(56, count(ParsedRow.Skipped.class));
        assertEquals(0, count(ParsedRow.Invalid.class), stAndrews.stream().filter(ParsedRow.Invalid.class::isInstance).toList().toString());
    }

    @Test
    void skipReasonsOfTheRealFeed() {
        Map<String, Long> reasons = stAndrews.stream()
                .filter(ParsedRow.Skipped.class::isInstance)
                .map(r -> ((ParsedRow.Skipped) r).reason().replaceAll(" \\(.*", ""))
                .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of(
                "payment or accounting entry", 16L,
                "building or estates work", 13L,
                "software, not an instrument", 7L,
                "vehicle or boat", 7L,
                "only an asset number, no instrument name", 4L,
                "generic words only, no instrument named", 4L,
                "furniture or fittings", 4L,
                "placeholder name", 1L), reasons);
    }

    @Test
    void aMicroscopeIsImportedWithCategoryOwnerAndPlace() {
        InstrumentRow zeiss = accepted(6);
        assertEquals("ZEISS MICROSCOPE RP", zeiss.name());
        assertEquals("01", zeiss.categoryCode());
        assertEquals("uniquip:st-andrews", zeiss.source());
        assertTrue(zeiss.sourceId().matches("[0-9a-f]{32}#1"), zeiss.sourceId());
        assertEquals("Medical School", zeiss.department());
        assertEquals("St Andrews", zeiss.address());
        assertEquals("GB-FIF", zeiss.districtCode());
        assertEquals(56.3398, zeiss.lat());
        assertEquals(-2.7967, zeiss.lon());
        assertEquals("GBP", zeiss.currency());
        assertNull(zeiss.originalValueFen());
        assertEquals(SharingMode.EXTERNAL, zeiss.sharingMode());
        assertEquals("441334 461851", zeiss.contactPhone());
        assertEquals("medicine@st-andrews.ac.uk", zeiss.contactEmail());
        assertEquals("http://medicine.st-andrews.ac.uk/", zeiss.contactUrl());
        InstrumentRow.OwnerRef owner = zeiss.owner();
        assertEquals("圣安德鲁斯大学", owner.name());
        assertEquals("University of St Andrews", owner.nameEn());
        assertEquals("university-of-st-andrews", owner.sourceId());
        assertEquals("uniquip:st-andrews", owner.source());
        assertEquals(OrganisationKind.UNIVERSITY, owner.kind());
        assertEquals("GB-FIF", owner.districtCode());
    }

    @Test
    void junkRowsAreSkippedWithAReason() {
        assertEquals("placeholder name ('UNKNOWN')", skipped(2));
        assertEquals("building or estates work ('GREENHOUSE')", skipped(13));
        assertEquals("vehicle or boat ('TRANSIT')", skipped(39));
        assertEquals("furniture or fittings ('CHAIRS')", skipped(66));
        assertEquals("software, not an instrument ('SOFTWARE')", skipped(409), "'Swamp Optics Softwar', cut short");
    }

    @Test
    void latin1TextIsDecodedIntact() {
        InstrumentRow row = accepted(112);
        assertEquals("01/AP/07/015 SEA ADV", row.name());
        assertEquals("gsd@st-andrews.ac.uk\u00CA", row.contactEmail(), "byte 0xCA is Ê in Latin-1");
        assertEquals("Geography", row.department(), "trailing space stripped");
    }

    @Test
    void quotedNamesKeepTheirQuotesAndCommas() {
        assertEquals("\"PT M06 141 110, Mas", accepted(454).name());
    }

    @Test
    void identicalRowsGetNumberedKeysAndReReadingGivesTheSameKeys() throws IOException {
        List<String> hitachi = stAndrews.stream()
                .filter(ParsedRow.Accepted.class::isInstance)
                .map(r -> ((ParsedRow.Accepted) r).row())
                .filter(r -> r.name().equals("Hitachi S4800 SEM"))
                .map(InstrumentRow::sourceId)
                .toList();
        assertEquals(5, hitachi.size());
        String hash = hitachi.getFirst().substring(0, 32);
        assertEquals(List.of(hash + "#1", hash + "#2", hash + "#3", hash + "#4", hash + "#5"), hitachi);

        List<ParsedRow> again = read(Files.readAllBytes(TestData.stAndrews()), ST_ANDREWS);
        assertEquals(sourceIds(stAndrews), sourceIds(again));
        assertEquals(567, sourceIds(again).stream().distinct().count(), "every accepted row has its own key");
    }

    @Test
    void theSameFeedWithColumnsReorderedAndInUtf8GivesTheSameInstruments() throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> header;
        try (CsvTable table = CsvTable.open(Files.newInputStream(TestData.stAndrews()));
             Stream<CsvLine> lines = table.lines()) {
            header = new ArrayList<>(table.header().labels());
            lines.forEach(l -> records.add(new ArrayList<>(((CsvLine.Values) l).values())));
        }
        Collections.reverse(header);
        records.forEach(Collections::reverse);
        List<ParsedRow> reordered = read(csv(header, records).getBytes(StandardCharsets.UTF_8), ST_ANDREWS);
        assertEquals(sourceIds(stAndrews), sourceIds(reordered));
        assertEquals(names(stAndrews), names(reordered));
        assertEquals("gsd@st-andrews.ac.uk\u00CA", ((ParsedRow.Accepted) reordered.get(110)).row().contactEmail());
    }

    @Test
    void anySubsetOfColumnsInAnyOrderWithAnIdColumn() throws IOException {
        String file = """
                model,MANUFACTURER,Contact Email,name,id,Institution Name,Service Level,Technique
                S-4800,Hitachi,em@example.ac.uk,Field emission SEM,EQ-0042,Imperial College London,Internal use only,Electron microscopy
                ,,,,EQ-0043,Imperial College London,,
                AVANCE III,Bruker,nmr@example.ac.uk,NMR console,EQ-0044,Imperial College London,Not available to external users,
                """;
        List<ParsedRow> rows = read(file.getBytes(StandardCharsets.UTF_8), ImportOptions.named("imperial"));
        InstrumentRow sem = assertInstanceOf(ParsedRow.Accepted.class, rows.get(0)).row();
        assertEquals("EQ-0042", sem.sourceId());
        assertEquals("Field emission SEM", sem.name());
        assertEquals("Hitachi", sem.manufacturer());
        assertEquals("S-4800", sem.model());
        assertEquals("01", sem.categoryCode());
        assertEquals(SharingMode.INTERNAL_ONLY, sem.sharingMode());
        assertEquals("Technique: Electron microscopy", sem.serviceDescription());
        assertEquals("Imperial College London", sem.owner().name());
        assertEquals(OrganisationKind.UNIVERSITY, sem.owner().kind());
        assertEquals("imperial-college-london", sem.owner().sourceId());
        assertNull(sem.districtCode(), "unknown site: no region");
        assertNull(sem.lat());
        assertEquals("no name", assertInstanceOf(ParsedRow.Skipped.class, rows.get(1)).reason());
        assertEquals(SharingMode.NOT_SHARED, assertInstanceOf(ParsedRow.Accepted.class, rows.get(2)).row().sharingMode());
    }

    @Test
    void withoutAnInstitutionColumnTheCallersOwnerNameIsUsed() throws IOException {
        String file = "Name,Contact URL\nConfocal microscope,https://www.example.ac.uk/\n";
        InstrumentRow row = ((ParsedRow.Accepted) read(file.getBytes(StandardCharsets.UTF_8),
                new ImportOptions("example", "Example Institute of Science", 0)).getFirst()).row();
        assertEquals("Example Institute of Science", row.owner().name());
        assertEquals(OrganisationKind.RESEARCH_INSTITUTE, row.owner().kind());
    }

    @Test
    void aRowWithNoWayToFindItsOwnerIsInvalid() throws IOException {
        ParsedRow row = read("Name\nConfocal microscope\n".getBytes(StandardCharsets.UTF_8), ST_ANDREWS).getFirst();
        ParsedRow.Invalid invalid = assertInstanceOf(ParsedRow.Invalid.class, row);
        assertEquals("REQUIRED", invalid.problems().getFirst().code());
        assertEquals("Institution Name", invalid.problems().getFirst().field());
    }

    @Test
    void facilitiesAreNotInstruments() throws IOException {
        String file = "Type,Name,Institution Name\nfacility,Mass Spectrometry Facility,University of X\nequipment,Orbitrap,University of X\n";
        List<ParsedRow> rows = read(file.getBytes(StandardCharsets.UTF_8), ST_ANDREWS);
        assertTrue(assertInstanceOf(ParsedRow.Skipped.class, rows.get(0)).reason().startsWith("a facility"));
        assertEquals("01", assertInstanceOf(ParsedRow.Accepted.class, rows.get(1)).row().categoryCode());
    }

    @Test
    void aFileWithoutUniquipColumnsIsRejected() {
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> read("foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8), ST_ANDREWS));
        assertEquals("NOT_UNIQUIP", e.code());
        assertTrue(e.getMessage().contains("Name") && e.getMessage().contains("Contact Email"), e.getMessage());
    }

    @Test
    void aSemicolonSeparatedFileIsRejectedWithAHint() {
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> read("Name;Department\nRaman microscope;Chemistry\n".getBytes(StandardCharsets.UTF_8), ST_ANDREWS));
        assertEquals("NOT_UNIQUIP", e.code());
        assertTrue(e.getMessage().contains("separated by semicolons"), e.getMessage());
    }

    @Test
    void aFileWithoutNameOrDescriptionIsRejected() {
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> read("Contact Email,Department\na@b.ac.uk,Physics\n".getBytes(StandardCharsets.UTF_8), ST_ANDREWS));
        assertEquals("MISSING_COLUMNS", e.code());
    }

    @Test
    void aBrokenLineIsReportedAndTheRestImported() throws IOException {
        String file = "Name,Institution Name\n\"Dewar 5\" flask,University of X\nRaman microscope,University of X\n";
        List<ParsedRow> rows = read(file.getBytes(StandardCharsets.UTF_8), ST_ANDREWS);
        assertEquals("MALFORMED_CSV", assertInstanceOf(ParsedRow.Invalid.class, rows.get(0)).problems().getFirst().code());
        assertEquals(3, assertInstanceOf(ParsedRow.Accepted.class, rows.get(1)).rowNumber());
    }

    private static List<ParsedRow> read(byte[] file, ImportOptions options) throws IOException {
        try (InputStream in = new ByteArrayInputStream(file); Stream<ParsedRow> rows = new UniquipFormat().read(in, options)) {
            return rows.toList();
        }
    }

    private static String csv(List<String> header, List<List<String>> records) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (List<String> r : records) {
                printer.printRecord(r);
            }
        }
        return out.toString();
    }

    private static long count(Class<? extends ParsedRow> type) {
        return stAndrews.stream().filter(type::isInstance).count();
    }

    private static InstrumentRow accepted(long line) {
        ParsedRow row = stAndrews.stream().filter(r -> r.rowNumber() == line).findFirst().orElseThrow();
        return assertInstanceOf(ParsedRow.Accepted.class, row, row.toString()).row();
    }

    private static String skipped(long line) {
        ParsedRow row = stAndrews.stream().filter(r -> r.rowNumber() == line).findFirst().orElseThrow();
        return assertInstanceOf(ParsedRow.Skipped.class, row, row.toString()).reason();
    }

    private static List<String> sourceIds(List<ParsedRow> rows) {
        return rows.stream().filter(ParsedRow.Accepted.class::isInstance)
                .map(r -> ((ParsedRow.Accepted) r).row().sourceId()).toList();
    }

    private static List<String> names(List<ParsedRow> rows) {
        return rows.stream().filter(ParsedRow.Accepted.class::isInstance)
                .map(r -> ((ParsedRow.Accepted) r).row().name()).toList();
    }
}
