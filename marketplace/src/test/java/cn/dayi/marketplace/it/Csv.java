package cn.dayi.marketplace.it;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test inputs: CSV text in a chosen encoding, and the shared real data files. */
final class Csv {

    static final String DAYI_HEADER = "source_id,name,model,manufacturer,country,original_value_cny,purchase_date,"
            + "funding_source,owner_name,owner_kind,district,lat,lon,category,technical_parameters,sharing_mode\n";

    private Csv() {
    }

    static InputStream of(String text) {
        return of(text, StandardCharsets.UTF_8);
    }

    static InputStream of(String text, Charset charset) {
        return new ByteArrayInputStream(text.getBytes(charset));
    }

    /** {@code ../shared/data/...} from the repository root, whatever the working directory. */
    static Path shared(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve("../shared").resolve(relative).normalize();
            if (Files.exists(p)) {
                return p;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
