package cn.dayi.marketplace.importing.csv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files the import tests read: the repository's docs and the shared real data next to the repository. */
public final class TestData {

    private TestData() {
    }

    /** The repository root: the nearest directory above the working directory holding {@code mvnw}. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "cannot find the repository root above " + Path.of("").toAbsolutePath());
        return dir;
    }

    /** The real St Andrews uniquip feed (Latin-1, 623 data rows), in {@code ../shared/data/uniquip}. */
    public static Path stAndrews() {
        Path file = repoRoot().resolve("../shared/data/uniquip/st-andrews-equipment.csv").normalize();
        assertTrue(Files.isReadable(file), "the real uniquip file is missing: " + file);
        return file;
    }

    /** The dayi-csv template in {@code docs/import}. */
    public static Path dayiTemplate() {
        Path file = repoRoot().resolve("docs/import/dayi-catalogue-template.csv");
        assertTrue(Files.isReadable(file), "the dayi-csv template is missing: " + file);
        return file;
    }
}
