package cn.dayi.marketplace.importing;

/**
 * Caller-supplied settings of one import.
 *
 * @param sourceName  short name of the feed, e.g. {@code st-andrews}; formats build
 *                    {@code source = <format>:<sourceName>} from it. Defaults to the file's base name.
 * @param ownerName   owning institution for formats without an institution column (uniquip feeds
 *                    usually describe one institution), or null to let the format decide
 * @param demoCount   number of instruments to generate, for the {@code demo} format only
 */
public record ImportOptions(String sourceName, String ownerName, int demoCount) {

    public static ImportOptions named(String sourceName) {
        return new ImportOptions(sourceName, null, 0);
    }
}
