package cn.dayi.search.elasticsearch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Abbreviations and synonyms of instrument names, expanded in the query (the Elasticsearch
 * distribution in use has no synonym filter). An expansion adds clauses; it never replaces what
 * the user typed.
 *
 * <p>Matching rules: keys match case-insensitively; a key that begins (ends) with a Latin letter
 * or digit only matches where the text has no Latin letter or digit just before (after) it, so
 * {@code SEM} does not fire inside {@code SEMICONDUCTOR}, while CJK keys match anywhere. Where
 * keys overlap, the longest wins and the shorter ones inside it do not fire: {@code 扫描电镜}
 * expands to 扫描电子显微镜 and SEM, not also to TEM as {@code 电镜} would.
 */
final class SearchSynonyms {

    /** At most this many expansions per query; each one costs a few clauses. */
    static final int MAX_EXPANSIONS = 12;

    /**
     * Key as users type it → terms it stands for. Abbreviation → full names (Chinese and
     * English), and full names → abbreviations where documents commonly use the abbreviation.
     */
    static final Map<String, List<String>> TABLE = table(
            // electron microscopy
            "电镜", List.of("电子显微镜", "SEM", "TEM", "electron microscope"),
            "扫描电镜", List.of("扫描电子显微镜", "SEM"),
            "透射电镜", List.of("透射电子显微镜", "TEM"),
            "场发射电镜", List.of("场发射扫描电子显微镜", "场发射透射电子显微镜", "FE-SEM"),
            "SEM", List.of("扫描电子显微镜", "扫描电镜", "scanning electron microscope"),
            "FE-SEM", List.of("场发射扫描电子显微镜", "扫描电子显微镜"),
            "TEM", List.of("透射电子显微镜", "透射电镜", "transmission electron microscope"),
            "电子显微镜", List.of("电镜", "SEM", "TEM"),
            "扫描电子显微镜", List.of("扫描电镜", "SEM"),
            "透射电子显微镜", List.of("透射电镜", "TEM"),
            "electron microscope", List.of("电子显微镜", "SEM", "TEM"),
            "scanning electron microscope", List.of("扫描电子显微镜", "SEM"),
            "transmission electron microscope", List.of("透射电子显微镜", "TEM"),
            "AFM", List.of("原子力显微镜", "atomic force microscope"),
            "原子力显微镜", List.of("AFM"),
            "atomic force microscope", List.of("原子力显微镜", "AFM"),
            "共聚焦", List.of("激光共聚焦显微镜", "激光扫描共聚焦显微镜", "confocal"),
            "confocal", List.of("激光共聚焦显微镜"),
            // magnetic resonance
            "核磁", List.of("核磁共振", "NMR"),
            "NMR", List.of("核磁共振", "nuclear magnetic resonance"),
            "核磁共振", List.of("NMR"),
            "nuclear magnetic resonance", List.of("核磁共振", "NMR"),
            "EPR", List.of("电子顺磁共振", "ESR"),
            "ESR", List.of("电子顺磁共振", "EPR"),
            "顺磁", List.of("电子顺磁共振", "EPR"),
            // X-ray methods
            "XRD", List.of("X射线衍射", "X-ray diffraction"),
            "X射线衍射", List.of("XRD"),
            "X-ray diffraction", List.of("X射线衍射", "XRD"),
            "衍射仪", List.of("X射线衍射仪", "XRD"),
            "XPS", List.of("X射线光电子能谱", "X-ray photoelectron spectroscopy"),
            "X射线光电子能谱", List.of("XPS"),
            "XRF", List.of("X射线荧光光谱", "X-ray fluorescence"),
            "X射线荧光", List.of("XRF"),
            // mass spectrometry and chromatography
            "ICP-MS", List.of("电感耦合等离子体质谱", "inductively coupled plasma mass spectrometry"),
            "电感耦合等离子体质谱", List.of("ICP-MS"),
            "ICP-OES", List.of("电感耦合等离子体发射光谱", "ICP-AES"),
            "ICP-AES", List.of("电感耦合等离子体发射光谱", "ICP-OES"),
            "质谱", List.of("质谱仪", "MS", "mass spectrometer"),
            "mass spectrometer", List.of("质谱仪", "MS"),
            "色谱", List.of("色谱仪", "液相色谱", "气相色谱", "HPLC", "GC"),
            "液相", List.of("液相色谱", "HPLC"),
            "气相", List.of("气相色谱", "GC"),
            "HPLC", List.of("高效液相色谱", "液相色谱"),
            "GC", List.of("气相色谱", "gas chromatograph"),
            "液质", List.of("液相色谱-质谱", "LC-MS"),
            "气质", List.of("气相色谱-质谱", "GC-MS"),
            "LC-MS", List.of("液相色谱-质谱", "液质联用"),
            "GC-MS", List.of("气相色谱-质谱", "气质联用"),
            "chromatograph", List.of("色谱仪"),
            // spectroscopy
            "红外", List.of("红外光谱", "FTIR"),
            "FTIR", List.of("傅里叶变换红外光谱", "红外光谱"),
            "拉曼", List.of("拉曼光谱", "Raman"),
            "Raman", List.of("拉曼光谱"),
            "紫外", List.of("紫外可见分光光度计", "UV-Vis"),
            "UV-Vis", List.of("紫外可见分光光度计"),
            "原子吸收", List.of("原子吸收光谱", "AAS"),
            "AAS", List.of("原子吸收光谱"),
            // thermal analysis and mechanics
            "热分析", List.of("TGA", "DSC", "热重分析", "差示扫描量热"),
            "TGA", List.of("热重分析"),
            "DSC", List.of("差示扫描量热"),
            "万能试验机", List.of("万能材料试验机", "universal testing machine"),
            "材料试验机", List.of("万能材料试验机"),
            "universal testing machine", List.of("万能材料试验机", "万能试验机"),
            // life science
            "流式", List.of("流式细胞仪", "flow cytometer"),
            "flow cytometer", List.of("流式细胞仪"),
            "测序仪", List.of("基因测序仪", "sequencer"),
            "PCR", List.of("聚合酶链式反应", "荧光定量PCR"),
            // general
            "microscope", List.of("显微镜"),
            "diffractometer", List.of("衍射仪"),
            "spectrometer", List.of("光谱仪", "谱仪"));

    /** Keys, longest first, lower-cased. */
    private static final List<String> KEYS_LONGEST_FIRST = TABLE.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .toList();

    private SearchSynonyms() {
    }

    /**
     * One abbreviation or synonym found in a text.
     *
     * @param start offset of the key in the lower-cased text
     * @param end   offset just after it
     * @param terms what it stands for, without terms the text already contains
     */
    record Match(int start, int end, List<String> terms) {
    }

    /**
     * The keys found in {@code text} (lower-cased by this method), in text order; longest keys
     * win where keys overlap. At most {@value #MAX_EXPANSIONS} terms over all matches.
     *
     * @param text cleaned user text (see {@link QueryText#clean}); may be empty
     */
    static List<Match> matches(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        char[] masked = lower.toCharArray();
        Map<Integer, Match> byPosition = new java.util.TreeMap<>();
        for (String key : KEYS_LONGEST_FIRST) {
            int from = 0;
            String haystack = new String(masked);
            int at;
            while ((at = haystack.indexOf(key, from)) >= 0) {
                int end = at + key.length();
                if (boundaryOk(haystack, at, end, key)) {
                    byPosition.put(at, new Match(at, end, TABLE.get(key)));
                    for (int i = at; i < end; i++) {
                        masked[i] = ' ';
                    }
                    haystack = new String(masked);
                    from = end;
                } else {
                    from = at + 1;
                }
            }
        }
        Set<String> used = new LinkedHashSet<>();
        List<Match> out = new ArrayList<>();
        for (Match m : byPosition.values()) {
            List<String> terms = new ArrayList<>();
            for (String term : m.terms()) {
                String t = term.toLowerCase(Locale.ROOT);
                if (!lower.contains(t) && used.size() < MAX_EXPANSIONS && used.add(t)) {
                    terms.add(term);
                }
            }
            if (!terms.isEmpty()) {
                out.add(new Match(m.start(), m.end(), List.copyOf(terms)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * All terms the text's abbreviations and synonyms stand for, in text order, without
     * duplicates and without terms the text already contains; at most {@value #MAX_EXPANSIONS}.
     */
    static List<String> expansionsOf(String text) {
        return matches(text).stream().flatMap(m -> m.terms().stream()).toList();
    }

    /** The keys that {@code prefix} equals (ignoring case); used to widen autocomplete. */
    static List<String> exactly(String prefix) {
        if (prefix == null) {
            return List.of();
        }
        List<String> terms = TABLE.get(prefix.strip().toLowerCase(Locale.ROOT));
        return terms == null ? List.of() : terms;
    }

    private static boolean boundaryOk(String text, int start, int end, String key) {
        if (isLatinAlnum(key.charAt(0)) && start > 0 && isLatinAlnum(text.charAt(start - 1))) {
            return false;
        }
        return !(isLatinAlnum(key.charAt(key.length() - 1)) && end < text.length()
                && isLatinAlnum(text.charAt(end)));
    }

    private static boolean isLatinAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static Map<String, List<String>> table(Object... keyThenTerms) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < keyThenTerms.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> terms = (List<String>) keyThenTerms[i + 1];
            String key = ((String) keyThenTerms[i]).toLowerCase(Locale.ROOT);
            if (m.put(key, List.copyOf(terms)) != null) {
                throw new IllegalStateException("duplicate synonym key " + key);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
