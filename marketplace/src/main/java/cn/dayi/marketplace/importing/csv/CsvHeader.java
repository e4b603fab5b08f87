package cn.dayi.marketplace.importing.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The header row of a CSV file: column labels as written, looked up by normalised name
 * ({@link HeaderNames#normalise}). When two columns normalise to the same name the first wins.
 *
 * @param line   1-based line of the header row
 * @param labels column labels in file order, as written (stripped)
 */
public record CsvHeader(long line, List<String> labels) {

    public CsvHeader {
        labels = labels.stream().map(String::strip).toList();
    }

    /** Column index of the first label matching any of {@code names} (compared normalised). */
    public OptionalInt indexOf(String... names) {
        Map<String, Integer> index = index();
        for (String name : names) {
            Integer i = index.get(HeaderNames.normalise(name));
            if (i != null) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** Number of columns. */
    public int size() {
        return labels.size();
    }

    /** The label of column {@code index} as the user wrote it, or {@code column N} (1-based) beyond the header. */
    public String label(int index) {
        if (index < labels.size() && !labels.get(index).isEmpty()) {
            return labels.get(index);
        }
        return "column " + (index + 1);
    }

    /**
     * A hint for rejection messages when the header looks separated by semicolons or tabs (one
     * column whose label contains them), else the empty string.
     */
    public String separatorHint() {
        if (labels.size() == 1 && (labels.getFirst().contains(";") || labels.getFirst().contains("\t"))) {
            String separator = labels.getFirst().contains(";") ? "semicolons" : "tabs";
            return " The header seems to be separated by " + separator + ": save the file as comma-separated CSV.";
        }
        return "";
    }

    private Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.putIfAbsent(HeaderNames.normalise(labels.get(i)), i);
        }
        return index;
    }
}
