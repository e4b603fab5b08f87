package cn.dayi.marketplace.importing.uniquip;

import cn.dayi.marketplace.importing.ImportRejectedException;
import cn.dayi.marketplace.importing.csv.CsvHeader;
import cn.dayi.marketplace.importing.csv.CsvLine;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** Where each {@link UniquipColumn} is in one file's header. */
final class UniquipColumns {

    private final Map<UniquipColumn, OptionalInt> index = new EnumMap<>(UniquipColumn.class);

    private UniquipColumns(CsvHeader header) {
        for (UniquipColumn column : UniquipColumn.values()) {
            index.put(column, header.indexOf(column.names()));
        }
    }

    /**
     * Resolves the header.
     *
     * @throws ImportRejectedException {@code NOT_UNIQUIP} when no column is a uniquip column;
     *                                 {@code MISSING_COLUMNS} when there is neither Name nor Description
     */
    static UniquipColumns of(CsvHeader header) {
        UniquipColumns columns = new UniquipColumns(header);
        if (columns.index.values().stream().noneMatch(OptionalInt::isPresent)) {
            throw new ImportRejectedException("NOT_UNIQUIP", "This is not a uniquip file: none of the columns "
                    + header.labels() + " is a uniquip column. Expected a header row with some of: "
                    + Arrays.stream(UniquipColumn.values()).map(UniquipColumn::label).collect(Collectors.joining(", "))
                    + " (at least Name or Description)." + header.separatorHint());
        }
        if (!columns.has(UniquipColumn.NAME) && !columns.has(UniquipColumn.DESCRIPTION)) {
            throw new ImportRejectedException("MISSING_COLUMNS",
                    "A uniquip file needs a Name or a Description column to name its instruments; found "
                            + header.labels() + ".");
        }
        return columns;
    }

    boolean has(UniquipColumn column) {
        return index.get(column).isPresent();
    }

    /** The cleaned value of {@code column} in {@code row} ({@link CsvLine.Values#get}), or null. */
    String get(CsvLine.Values row, UniquipColumn column) {
        return row.get(index.get(column));
    }
}
