package cn.dayi.marketplace.importing.dayicsv;

import java.math.BigDecimal;

/**
 * The {@code lat} and {@code lon} columns: WGS 84 decimal degrees ({@code 22.5333},
 * {@code -2.7967}). Codes {@code BAD_NUMBER} and {@code OUT_OF_RANGE} (latitude beyond ±90,
 * longitude beyond ±180).
 */
final class Coordinates {

    private Coordinates() {
    }

    static double degrees(String text, String column, int limit) throws BadValue {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new BadValue("BAD_NUMBER", column + " '" + text.strip()
                    + "' is not a number: write decimal degrees such as 22.5333.");
        }
        if (value.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw new BadValue("OUT_OF_RANGE", (column.equals("lat") ? "Latitude " : "Longitude ") + text.strip()
                    + " is impossible: it must lie between -" + limit + " and " + limit + " degrees.");
        }
        return value.doubleValue();
    }
}
