package cn.dayi.marketplace.importing.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static final String LATIN = """
            Name,Department,Site Location
            Spectromètre Raman,Chimie,Genève
            Rasterelektronenmikroskop Müller,Physik,Zürich
            Café crème analyser ±0.5 °C,Food Science,Cork
            """;

    static final String CHINESE = """
            source_id,name,owner_name,district
            A1,场发射透射电子显微镜,南方科技大学,南山区
            A2,核磁共振波谱仪,深圳大学,南山区
            """;

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("Latin text, UTF-8", LATIN, bytes(LATIN, StandardCharsets.UTF_8, false), StandardCharsets.UTF_8, false),
                Arguments.of("Latin text, UTF-8 with BOM", LATIN, bytes(LATIN, StandardCharsets.UTF_8, true), StandardCharsets.UTF_8, true),
                Arguments.of("Latin text, Windows-1252", LATIN, bytes(LATIN, WINDOWS_1252, false), WINDOWS_1252, false),
                Arguments.of("Latin text, UTF-16LE with BOM", LATIN, bytes(LATIN, StandardCharsets.UTF_16LE, true), StandardCharsets.UTF_16LE, true),
                Arguments.of("Chinese text, UTF-8", CHINESE, bytes(CHINESE, StandardCharsets.UTF_8, false), StandardCharsets.UTF_8, false),
                Arguments.of("Chinese text, UTF-8 with BOM", CHINESE, bytes(CHINESE, StandardCharsets.UTF_8, true), StandardCharsets.UTF_8, true),
                Arguments.of("Chinese text, GB18030", CHINESE, bytes(CHINESE, GB18030, false), GB18030, false),
                Arguments.of("Chinese text, UTF-16BE with BOM", CHINESE, bytes(CHINESE, StandardCharsets.UTF_16BE, true), StandardCharsets.UTF_16BE, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void sameTextWhateverTheEncoding(String label, String text, byte[] file, Charset expected, boolean bom) throws IOException {
        TextInput input = TextInput.open(new ByteArrayInputStream(file));
        assertEquals(expected, input.detection().charset(), label);
        assertEquals(bom, input.detection().bomSkipped(), label);
        assertEquals(text, readAll(input.reader()), label + ": decoded text differs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void sameCsvValuesWhateverTheEncoding(String label, String text, byte[] file, Charset expected, boolean bom) throws IOException {
        try (CsvTable table = CsvTable.open(new ByteArrayInputStream(file));
             Stream<CsvLine> lines = table.lines()) {
            String firstLabel = text.substring(0, text.indexOf(','));
            assertEquals(firstLabel, table.header().labels().getFirst(), label + ": a BOM must not stick to the first header");
            CsvLine.Values second = (CsvLine.Values) lines.toList().get(1);
            String[] expectedValues = text.lines().toList().get(2).split(",");
            assertEquals(java.util.List.of(expectedValues), second.values(), label);
        }
    }

    @Test
    void theRealStAndrewsFileIsWindows1252() throws IOException {
        byte[] file = Files.readAllBytes(TestData.stAndrews());
        CharsetDetector.Detection d = CharsetDetector.detect(file, file.length, true);
        assertEquals(WINDOWS_1252, d.charset());
        assertFalse(d.bomSkipped());
    }

    @Test
    void pureAsciiIsUtf8() {
        byte[] ascii = "Name,Department\nZEISS MICROSCOPE,Medical School\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect(ascii, ascii.length, true).charset());
    }

    @Test
    void aUtf8CharacterCutAtTheEndOfThePartialSampleStillCountsAsUtf8() {
        byte[] utf8 = "名称,部门\n透射电镜,分析测试中心\n".getBytes(StandardCharsets.UTF_8);
        int cut = utf8.length - 2; // inside the last 3-byte character before the newline
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect(utf8, cut, false).charset());
    }

    @Test
    void latin1BeyondAnAsciiSampleIsStillReadCorrectly() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        String line = "Name,Department\n";
        file.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
        while (file.size() < CharsetDetector.SAMPLE_BYTES + 10_000) {
            file.writeBytes("Plain ASCII instrument,Physics\n".getBytes(StandardCharsets.US_ASCII));
        }
        file.writeBytes("Spectromètre,Café\n".getBytes(StandardCharsets.ISO_8859_1));
        TextInput input = TextInput.open(new ByteArrayInputStream(file.toByteArray()));
        assertEquals(StandardCharsets.UTF_8, input.detection().charset(), "the sample is pure ASCII");
        String text = readAll(input.reader());
        assertTrue(text.endsWith("Spectromètre,Café\n"), "Latin-1 bytes after the sample must not become U+FFFD");
        assertFalse(text.contains("\uFFFD"));
    }

    static byte[] bytes(String text, Charset charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes("\uFEFF".getBytes(charset));
        }
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    private static String readAll(Reader reader) throws IOException {
        try (reader) {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[1000];
            int n;
            while ((n = reader.read(buf)) > 0) {
                b.append(buf, 0, n);
            }
            return b.toString();
        }
    }
}
