package cn.dayi.marketplace.importing.uniquip;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides that a uniquip row is not an instrument, from its name alone. Asset registers
 * published as equipment feeds carry placeholders, furniture, building works, vehicles,
 * software and accounting entries; such rows are skipped with a reason a person understands,
 * e.g. {@code furniture or fittings ('CHAIRS')}.
 *
 * <p>The rules, checked in this order (the first that applies gives the reason):
 * <ol>
 *   <li><b>no name</b>: blank;</li>
 *   <li><b>placeholder name</b>: the whole name is one of {@link #PLACEHOLDERS};</li>
 *   <li><b>only an asset number</b>: no run of two letters, optionally after "Inv"
 *       ({@code 97108}, {@code 52/I9450}, {@code Inv 34761});</li>
 *   <li><b>payment or accounting entry</b>: the name starts with a percentage
 *       ({@code 40% paid on delivery});</li>
 *   <li>a keyword of {@link #RULES}, in the order of that list: payment or accounting entry,
 *       software, vehicle or boat, furniture or fittings, building or estates work (including the
 *       building names of known sites). Keywords match whole words ({@link Words}: "Cary" is not
 *       "car"); only when no rule matches that way, a last word cut short by a truncating feed
 *       ({@code Softwar}, six letters or more) counts as the keyword it starts. Furniture and
 *       building words do not skip a name that also names an instrument (a keyword of
 *       {@link CategoryKeywords}, or one of {@link #INSTRUMENT_CONTEXT}): an optical table or a
 *       safety cabinet is lab equipment;</li>
 *   <li><b>generic words only</b>: every word is one of {@link #GENERIC} (numbers ignored), e.g.
 *       "lab equipment", "TEST EQUIP".</li>
 * </ol>
 * Reasons read {@code <rule> ('<matched word or name>')}; the rule part is stable and may be
 * used to group skipped rows.
 */
final class SkipRules {

    /** Whole names that say nothing. Compared upper-case, surrounding punctuation removed. */
    static final Set<String> PLACEHOLDERS = Set.of(
            "UNKNOWN", "UNKNOWN ITEM", "NOT KNOWN", "N/A", "NA", "N A", "TBC", "TBA", "TBD", "NONE", "NULL", "NIL",
            "-", "?", "MISC", "MISCELLANEOUS", "VARIOUS", "TEST", "DELETED", "DO NOT USE");

    /** A reason and its keywords; for furniture and building words, a name that also names an instrument is kept. */
    static final class Rule {
        final String reason;
        final List<Words.Keyword> keywords;
        final boolean instrumentCanOverride;

        Rule(String reason, List<String> keywords, boolean instrumentCanOverride) {
            this.reason = reason;
            this.keywords = Words.keywords(keywords);
            this.instrumentCanOverride = instrumentCanOverride;
        }
    }

    /** Keyword rules, in order. */
    static final List<Rule> RULES = List.of(
            new Rule("payment or accounting entry", List.of(
                    "PAYMENT*", "PAID", "QUOTATION*", "INVOICE*", "DEPOSIT", "INSTALMENT*", "INSTALLMENT*",
                    "GRANT", "FUNDED", "SUSPENSE", "FIXED ASSET*", "PART ASSET*", "ASSET ADDITION*",
                    "ADDITION FROM", "ADD TO", "ADD FROM", "ADD THE", "ALL AT A TOTAL", "CERT",
                    "CERTIFICATION", "WARRANTY", "MAINTENANCE CONTRACT*", "SERVICE CONTRACT*"), false),
            new Rule("software, not an instrument", List.of(
                    "SOFTWARE", "LICENCE*", "LICENSE*"), false),
            new Rule("vehicle or boat", List.of(
                    "VEHICLE*", "VAN", "VANS", "CAR", "CARS", "MINIBUS*", "TRUCK*", "LORRY", "LORRIES",
                    "TRAILER*", "TRACTOR*", "BOAT", "BOATS", "TRANSIT", "TRANSPORTER", "LAND ROVER",
                    "LANDROVER", "ISUZU"), false),
            new Rule("furniture or fittings", List.of(
                    "FURNITURE", "DESK", "DESKS", "CHAIR", "CHAIRS", "TABLE", "TABLES", "CABINET",
                    "CABINETS", "SHELVING", "SHELF", "SHELVES", "CUPBOARD*", "BOOKCASE*", "SOFA*",
                    "LOCKER*", "BLIND", "BLINDS", "CARPET*", "CURTAIN*", "STOOL", "STOOLS", "FILING"), true),
            new Rule("building or estates work", List.of(
                    "GREENHOUSE*", "BUILDING", "BUILDINGS", "BLD", "REFURB*", "ALTERATION*", "ALTER",
                    "WARRANT", "PLANNING", "WORKHUT*", "HUT", "SHED", "PORTAKABIN*", "ROOF*", "OFFICE",
                    "OFFICES", "INSTALLATION", "CONSTRUCTION", "DEMOLITION", "REDECORAT*", "LANDSCAPING",
                    "ESTATES",
                    // building names of known sites, alone they name a building, not an instrument
                    "PURDIE", "SCOTT LANG", "WOLFSON"), true));

    /** Words that make a furniture or building word part of an instrument's name. */
    static final List<String> INSTRUMENT_CONTEXT = List.of(
            "OPTICAL", "SAFETY", "BIOSAFETY", "SAFEFLOW", "LAMINAR", "FLOW", "FUME", "VIBRATION",
            "ANTI VIBRATION", "ISOLATION", "GLOVE", "SHAKING", "TILT", "ROTARY", "XY");

    private static final List<Words.Keyword> CONTEXT = Words.keywords(INSTRUMENT_CONTEXT);
    private static final Pattern SURROUNDING_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$");

    /** Words that name no instrument on their own. */
    static final Set<String> GENERIC = Set.of(
            "EQUIPMENT", "EQUIP", "HARDWARE", "LAB", "LABORATORY", "SYSTEM", "SYSTEMS", "ITEM", "ITEMS",
            "PART", "PARTS", "ASSET", "ASSETS", "SUNDRY", "SUNDRIES", "ACCESSORIES", "ACCESSORY", "GENERAL",
            "NEW", "KIT", "UNIT", "UNITS", "SPARE", "SPARES", "MISC", "VARIOUS", "TEST", "THE", "OF",
            "AND", "FOR", "A");

    private static final Pattern INVENTORY_PREFIX = Pattern.compile("(?i)^inv(entory)?(?=[\\s\\d.#:-])");
    private static final Pattern TWO_LETTERS = Pattern.compile("\\p{L}{2}");
    private static final Pattern PERCENT = Pattern.compile("^\\s*\\d+(\\.\\d+)?\\s*%.*");

    private SkipRules() {
    }

    /** Why {@code name} is not an instrument, or empty when it may be one. */
    static Optional<String> reason(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("no name");
        }
        String stripped = name.strip();
        String bare = SURROUNDING_PUNCTUATION.matcher(stripped).replaceAll("").toUpperCase(Locale.ROOT);
        if (PLACEHOLDERS.contains(bare) || PLACEHOLDERS.contains(stripped.toUpperCase(Locale.ROOT))) {
            return Optional.of("placeholder name ('" + stripped + "')");
        }
        if (!TWO_LETTERS.matcher(INVENTORY_PREFIX.matcher(stripped).replaceFirst("")).find()) {
            return Optional.of("only an asset number, no instrument name ('" + stripped + "')");
        }
        if (PERCENT.matcher(stripped).matches()) {
            return Optional.of("payment or accounting entry ('" + stripped + "')");
        }
        Words words = Words.of(stripped);
        for (boolean cut : new boolean[] {false, true}) {
            for (Rule rule : RULES) {
                String hit = firstHit(rule, words, cut);
                if (hit != null && !(rule.instrumentCanOverride && namesAnInstrument(words))) {
                    return Optional.of(rule.reason + " ('" + hit + "')");
                }
            }
        }
        if (onlyGenericWords(words)) {
            return Optional.of("generic words only, no instrument named ('" + stripped + "')");
        }
        return Optional.empty();
    }

    /** The first keyword of {@code rule} in {@code words}: whole, or (when {@code cut}) as a cut-short last word. */
    private static String firstHit(Rule rule, Words words, boolean cut) {
        for (Words.Keyword keyword : rule.keywords) {
            String plain = keyword.plain();
            if (cut ? !plain.contains(" ") && words.endsWithCutOf(plain) : words.has(keyword)) {
                return plain;
            }
        }
        return null;
    }

    private static boolean namesAnInstrument(Words words) {
        if (CategoryKeywords.match(words) != null) {
            return true;
        }
        for (Words.Keyword keyword : CONTEXT) {
            if (words.has(keyword)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyGenericWords(Words words) {
        for (String w : words.text().split(" ")) {
            if (!w.isEmpty() && !w.chars().allMatch(Character::isDigit) && !GENERIC.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
