package cn.dayi.marketplace.importing.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.importing.ImportRejectedException;
import cn.dayi.marketplace.importing.ParsedRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTableTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Contact Email|contactemail",
            "contact_email|contactemail",
            "  CONTACT-EMAIL  |contactemail",
            "Contact Email (primary)|contactemail",
            "original_value_cny（元）|originalvaluecny",
            "\uFEFFsource_id|sourceid"})
    void headersAreNormalised(String header, String expected) {
        assertEquals(expected, HeaderNames.normalise(header));
    }

    @Test
    void headerLookupIgnoresCaseSpacingAndUnderscores() {
        CsvHeader header = new CsvHeader(1, List.of("Site Location", " NAME ", "contact_email"));
        assertEquals(OptionalInt.of(0), header.indexOf("site_location"));
        assertEquals(OptionalInt.of(1), header.indexOf("Name"));
        assertEquals(OptionalInt.of(2), header.indexOf("Contact Email"));
        assertEquals(OptionalInt.empty(), header.indexOf("Model"));
    }

    @Test
    void textAfterAClosingQuoteBreaksOnlyItsLine() throws IOException {
        List<CsvLine> lines = read("""
                id,name
                1,"Dewar 5" flask
                2,Good row
                3,"Quoted, with comma"
                """);
        assertEquals(3, lines.size());
        CsvLine.Broken broken = assertInstanceOf(CsvLine.Broken.class, lines.get(0));
        assertEquals(2, broken.lineNumber());
        assertTrue(broken.reason().contains("closing quote"), broken.reason());
        ParsedRow.Invalid invalid = broken.toInvalid();
        assertEquals("MALFORMED_CSV", invalid.problems().getFirst().code());
        assertEquals(List.of("2", "Good row"), values(lines.get(1)));
        assertEquals(List.of("3", "Quoted, with comma"), values(lines.get(2)));
        assertEquals(4, lines.get(2).lineNumber());
    }

    @Test
    void anUnbalancedQuoteIsReportedAndTheFollowingRowsStillArrive() throws IOException {
        List<CsvLine> lines = read("""
                id,name,owner
                1,"Bruker NMR,Uni A
                2,Good row,Uni B
                3,"Also good",Uni C
                4,Last,Uni D
                """);
        assertEquals(4, lines.size(), lines.toString());
        CsvLine.Broken broken = assertInstanceOf(CsvLine.Broken.class, lines.get(0));
        assertEquals(2, broken.lineNumber());
        assertTrue(broken.reason().contains("unbalanced quote"), broken.reason());
        assertEquals(List.of("2", "Good row", "Uni B"), values(lines.get(1)));
        assertEquals(3, lines.get(1).lineNumber());
        assertEquals(List.of("3", "Also good", "Uni C"), values(lines.get(2)));
        assertEquals(List.of("4", "Last", "Uni D"), values(lines.get(3)));
        assertEquals(5, lines.get(3).lineNumber());
    }

    @Test
    void anUnbalancedQuoteWithNoLaterQuoteAlsoRecovers() throws IOException {
        List<CsvLine> lines = read("id,name\n1,\"Open quote\n2,Fine\r\n3,Fine too");
        assertEquals(3, lines.size());
        assertInstanceOf(CsvLine.Broken.class, lines.get(0));
        assertEquals(List.of("2", "Fine"), values(lines.get(1)));
        assertEquals(List.of("3", "Fine too"), values(lines.get(2)));
    }

    @Test
    void aQuotedFieldMaySpanLinesAndLineNumbersFollowTheFile() throws IOException {
        List<CsvLine> lines = read("id,parameters\r\n1,\"200 kV\r\n0.23 nm\"\r\n2,plain\r\n");
        assertEquals(List.of("1", "200 kV\r\n0.23 nm"), values(lines.get(0)));
        assertEquals(2, lines.get(0).lineNumber());
        assertEquals(List.of("2", "plain"), values(lines.get(1)));
        assertEquals(4, lines.get(1).lineNumber());
    }

    @Test
    void moreFieldsThanTheHeaderIsBrokenButTrailingEmptyFieldsAreFine() throws IOException {
        List<CsvLine> lines = read("""
                id,name
                1,Shimadzu HPLC, Prominence
                2,Agilent GC,,
                """);
        CsvLine.Broken broken = assertInstanceOf(CsvLine.Broken.class, lines.get(0));
        assertTrue(broken.reason().contains("3 fields but the header has 2"), broken.reason());
        assertEquals(List.of("2", "Agilent GC", "", ""), values(lines.get(1)));
    }

    @Test
    void blankLinesAndEmptyRowsAreEmpty() throws IOException {
        List<CsvLine> lines = read("id,name\n\n1,a\n,\n");
        assertEquals(3, lines.size());
        assertInstanceOf(CsvLine.Empty.class, lines.get(0));
        assertEquals(2, lines.get(0).lineNumber());
        assertInstanceOf(CsvLine.Values.class, lines.get(1));
        assertEquals("empty row", ((CsvLine.Empty) lines.get(2)).toSkipped().reason());
    }

    @Test
    void valuesAreStrippedAndControlCharactersRemoved() throws IOException {
        CsvLine.Values v = (CsvLine.Values) read("id,name\n1,  1028 Incucyte Zoom \u0016 \n").getFirst();
        assertEquals("1028 Incucyte Zoom", v.get(1));
        assertEquals(null, v.get(5), "a column beyond the record reads as blank");
    }

    @Test
    void aTenMegabyteFieldIsTooLongAndTheOtherRowsAreKept() throws IOException {
        int size = 10 * 1024 * 1024;
        InputStream input = concat(
                bytes("id,name,technical_parameters\n1,first,short\n2,huge,\""),
                new RepeatingStream((byte) 'x', size),
                bytes("\"\n3,third,\"also \"\"quoted\"\"\"\n"));
        List<CsvLine> lines;
        try (CsvTable table = CsvTable.open(input); Stream<CsvLine> s = table.lines()) {
            lines = s.toList();
        }
        assertEquals(3, lines.size());
        assertEquals(List.of("1", "first", "short"), values(lines.get(0)));
        CsvLine.Values huge = assertInstanceOf(CsvLine.Values.class, lines.get(1));
        assertEquals(1, huge.tooLong().size());
        assertEquals("technical_parameters", huge.tooLong().getFirst().field());
        assertEquals("TOO_LONG", huge.tooLong().getFirst().code());
        assertEquals(CsvTable.MAX_FIELD_CHARS + 1, huge.values().get(2).length(), "held cut, never whole");
        assertEquals(List.of("3", "third", "also \"quoted\""), values(lines.get(2)));
        assertTrue(((CsvLine.Values) lines.get(2)).tooLong().isEmpty());
    }

    @Test
    void aFieldOfExactlyTheLimitIsFine() throws IOException {
        String limit = "y".repeat(CsvTable.MAX_FIELD_CHARS);
        CsvLine.Values v = (CsvLine.Values) read("id,text\n1,\"" + limit + "\"\n").getFirst();
        assertTrue(v.tooLong().isEmpty());
        assertEquals(limit, v.get(1));
    }

    @Test
    void aRunawayQuoteBeyondTheReplayLimitEndsTheFileWithOneProblem() throws IOException {
        InputStream input = concat(
                bytes("id,name\n1,ok\n2,\"never closed\n"),
                new RepeatingStream((byte) 'z', CsvTable.MAX_REPLAY_CHARS + 10));
        List<CsvLine> lines;
        try (CsvTable table = CsvTable.open(input); Stream<CsvLine> s = table.lines()) {
            lines = s.toList();
        }
        assertEquals(2, lines.size());
        CsvLine.Broken broken = assertInstanceOf(CsvLine.Broken.class, lines.get(1));
        assertTrue(broken.fatal());
        assertEquals(3, broken.lineNumber());
        assertTrue(broken.reason().contains("rest of the file"), broken.reason());
    }

    @Test
    void anEmptyFileIsRejected() {
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> CsvTable.open(new ByteArrayInputStream("\n\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("EMPTY_FILE", e.code());
    }

    @Test
    void aBrokenHeaderIsRejected() {
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> CsvTable.open(new ByteArrayInputStream("\"id\"x,name\n1,a\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("NO_HEADER", e.code());
    }

    private static List<CsvLine> read(String text) throws IOException {
        try (CsvTable table = CsvTable.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
             Stream<CsvLine> lines = table.lines()) {
            return lines.toList();
        }
    }

    private static List<String> values(CsvLine line) {
        return assertInstanceOf(CsvLine.Values.class, line, line.toString()).values();
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream concat(InputStream... parts) {
        return new SequenceInputStream(Collections.enumeration(List.of(parts)));
    }

    /** {@code length} copies of one byte, generated as read (the test never holds them). */
    static final class RepeatingStream extends InputStream {
        private final byte value;
        private long remaining;

        RepeatingStream(byte value, long length) {
            this.value = value;
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            java.util.Arrays.fill(b, off, off + n, value);
            remaining -= n;
            return n;
        }
    }
}
