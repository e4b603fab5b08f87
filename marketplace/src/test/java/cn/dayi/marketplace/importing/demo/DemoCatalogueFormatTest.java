package cn.dayi.marketplace.importing.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.InstrumentRow;
import cn.dayi.marketplace.importing.ParsedRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The {@code demo} format as the importer sees it: count, ids, determinism, laziness, closing. */
class DemoCatalogueFormatTest {

    private final DemoCatalogueFormat format = new DemoCatalogueFormat();

    private static ImportOptions count(int n) {
        return new ImportOptions("demo", null, n);
    }

    private List<InstrumentRow> read(int n) {
        try (Stream<ParsedRow> rows = format.read(InputStream.nullInputStream(), count(n))) {
            return rows.map(p -> assertInstanceOf(ParsedRow.Accepted.class, p).row()).toList();
        }
    }

    @Test
    void idIsDemo() {
        assertEquals("demo", format.id());
    }

    @Test
    void twoRunsAreEqualRowByRow() {
        List<InstrumentRow> first = read(2_000);
        List<InstrumentRow> second = read(2_000);
        assertEquals(2_000, first.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i), second.get(i), "row " + (i + 1));
        }
    }

    @Test
    void aSmallerCatalogueIsAPrefixOfALargerOne() {
        List<InstrumentRow> small = read(300);
        List<InstrumentRow> large = read(2_000);
        assertEquals(small, large.subList(0, 300));
    }

    @Test
    void rowsAreNotAllAlike() {
        List<InstrumentRow> rows = read(200);
        assertTrue(rows.stream().map(InstrumentRow::name).distinct().count() > 40, "instrument types");
        assertTrue(rows.stream().map(r -> r.owner().sourceId()).distinct().count() > 40, "owners");
        assertNotEquals(rows.get(0).originalValueFen(), rows.get(1).originalValueFen());
    }

    @Test
    void generatesTheDefaultNineThousandWhenNoCountIsGiven() {
        try (Stream<ParsedRow> rows = format.read(InputStream.nullInputStream(), ImportOptions.named("demo"))) {
            assertEquals(9_000, rows.count());
        }
        try (Stream<ParsedRow> rows = format.read(null, count(-5))) {
            assertEquals(9_000, rows.count());
        }
    }

    @Test
    void generatesExactlyTheRequestedCountWithSequentialIdsAndRowNumbers() {
        List<ParsedRow> rows;
        try (Stream<ParsedRow> s = format.read(InputStream.nullInputStream(), count(1_234))) {
            rows = s.toList();
        }
        assertEquals(1_234, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow.Accepted a = assertInstanceOf(ParsedRow.Accepted.class, rows.get(i));
            assertEquals(i + 1, a.rowNumber());
            assertEquals(String.format(java.util.Locale.ROOT, "demo-%06d", i + 1), a.row().sourceId());
        }
        assertEquals("demo-100000", DemoCatalogueGenerator.sourceId(100_000));
        assertEquals("demo-1234567", DemoCatalogueGenerator.sourceId(1_234_567));
    }

    @Test
    void everyRowIsADemoRowInCny() {
        for (InstrumentRow r : read(1_000)) {
            assertEquals("demo", r.source());
            assertTrue(r.demo());
            assertEquals("CNY", r.currency());
            assertEquals("demo", r.owner().source());
            assertEquals(r.districtCode(), r.owner().districtCode(), "owner and instrument in one district");
        }
    }

    @Test
    void ignoresWhateverIsInTheInput() {
        InputStream junk = new ByteArrayInputStream("not,a,catalogue\n1,2,3\n".getBytes());
        List<InstrumentRow> fromJunk;
        try (Stream<ParsedRow> rows = format.read(junk, count(50))) {
            fromJunk = rows.map(p -> ((ParsedRow.Accepted) p).row()).toList();
        }
        assertEquals(read(50), fromJunk);
    }

    @Test
    void isLazy() {
        // two billion rows would never fit in memory; taking three must still be instant
        try (Stream<ParsedRow> rows = format.read(null, count(Integer.MAX_VALUE))) {
            List<ParsedRow> firstThree = rows.limit(3).toList();
            assertEquals(3, firstThree.size());
            assertEquals(read(3).get(2), ((ParsedRow.Accepted) firstThree.get(2)).row());
        }
    }

    @Test
    void closingTheStreamClosesTheInput() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream input = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        Stream<ParsedRow> rows = format.read(input, count(10));
        rows.limit(2).forEach(r -> { });
        rows.close();
        assertTrue(closed.get());
    }
}
