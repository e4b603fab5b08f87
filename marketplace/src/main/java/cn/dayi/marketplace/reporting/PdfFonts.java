package cn.dayi.marketplace.reporting;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Finds the CJK TrueType font PDF reports are set in and embeds it (subset) into a document. PDFBox embeds
 * TrueType outlines only, so the default is WenQuanYi Zen Hei (Debian {@code fonts-wqy-zenhei}, installed by
 * {@code scripts/install-test-browser.sh}); {@code DAYI_PDF_FONT} / {@code dayi.reports.pdf-font} names another
 * {@code .ttf} or {@code .ttc} (first font of the collection).
 */
final class PdfFonts {

    static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    /** An embedded font; closing releases the font file (after the document is saved). */
    record Loaded(PDFont font, Closeable source) implements Closeable {
        @Override
        public void close() throws IOException {
            if (source != null) {
                source.close();
            }
        }
    }

    private final Optional<Path> path;

    /** The configured font if readable, else the first readable of {@code candidates}. */
    PdfFonts(Optional<Path> configured, List<Path> candidates) {
        this.path = configured.filter(Files::isReadable).or(() -> candidates.stream().filter(Files::isReadable).findFirst());
    }

    /** The font file that will be used, if there is one. */
    Optional<Path> path() {
        return path;
    }

    Loaded load(PDDocument doc) throws IOException {
        Path p = path.orElseThrow(() -> new IOException("no CJK TrueType font"));
        if (p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(p.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            return new Loaded(PDType0Font.load(doc, first[0], true), collection);
        }
        return new Loaded(PDType0Font.load(doc, new File(p.toString())), null);
    }
}
