package cn.dayi.marketplace.importing.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Raw bytes turned into text: reads the first {@link CharsetDetector#SAMPLE_BYTES}, detects the
 * encoding, skips a byte order mark and decodes the rest lazily. UTF-8 is read with
 * {@link LenientUtf8Reader} (stray non-UTF-8 bytes become Windows-1252 characters); other
 * encodings replace undecodable bytes with U+FFFD. Closing the reader closes the input stream.
 *
 * @param reader    the decoded text, without byte order mark
 * @param detection what was detected
 */
public record TextInput(Reader reader, CharsetDetector.Detection detection) {

    /** Opens {@code input}; reads at most {@link CharsetDetector#SAMPLE_BYTES} before returning. */
    public static TextInput open(InputStream input) throws IOException {
        byte[] sample = input.readNBytes(CharsetDetector.SAMPLE_BYTES);
        boolean complete = sample.length < CharsetDetector.SAMPLE_BYTES;
        CharsetDetector.Detection detection = CharsetDetector.detect(sample, sample.length, complete);
        InputStream rest = new SequenceInputStream(
                new ByteArrayInputStream(sample, detection.bomLength(), sample.length - detection.bomLength()), input);
        Reader reader = detection.charset().equals(StandardCharsets.UTF_8)
                ? new LenientUtf8Reader(rest)
                : new InputStreamReader(rest, detection.charset().newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
        return new TextInput(reader, detection);
    }
}
