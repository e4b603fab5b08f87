package cn.dayi.marketplace.importing.csv;

import cn.dayi.marketplace.catalogue.OrganisationKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Guesses the kind of an organisation from its name, for feeds that do not say. Checked in
 * order, first match wins (Chinese, or English ignoring case):
 * <ol>
 *   <li>医院, Hospital → HOSPITAL</li>
 *   <li>大学, University, Institute of Technology → UNIVERSITY</li>
 *   <li>研究院, 研究所, 科学院, 研究中心, 实验室, Institute, Laboratory, Research Centre/Center → RESEARCH_INSTITUTE</li>
 *   <li>学院, College → UNIVERSITY</li>
 *   <li>检测, 检验, Testing → TESTING_AGENCY</li>
 *   <li>公司, Ltd, Limited, Inc., GmbH, plc, Corporation → ENTERPRISE</li>
 *   <li>otherwise OTHER.</li>
 * </ol>
 */
public final class OrganisationKinds {

    private static final List<Map.Entry<OrganisationKind, List<String>>> RULES = List.of(
            Map.entry(OrganisationKind.HOSPITAL, List.of("医院", "hospital")),
            Map.entry(OrganisationKind.UNIVERSITY, List.of("大学", "university", "institute of technology")),
            Map.entry(OrganisationKind.RESEARCH_INSTITUTE, List.of(
                    "研究院", "研究所", "科学院", "研究中心", "实验室", "institute", "laboratory", "research centre",
                    "research center")),
            Map.entry(OrganisationKind.UNIVERSITY, List.of("学院", "college")),
            Map.entry(OrganisationKind.TESTING_AGENCY, List.of("检测", "检验", "testing")),
            Map.entry(OrganisationKind.ENTERPRISE, List.of(
                    "公司", " ltd", " limited", " inc.", " inc", " gmbh", " plc", " corporation")));

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-|-$");

    private OrganisationKinds() {
    }

    public static OrganisationKind guess(String name) {
        if (name == null) {
            return OrganisationKind.OTHER;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<OrganisationKind, List<String>> rule : RULES) {
            if (rule.getValue().stream().anyMatch(n::contains)) {
                return rule.getKey();
            }
        }
        return OrganisationKind.OTHER;
    }

    /**
     * A stable id for an organisation known only by name: lower case, runs of anything other
     * than letters and digits made one hyphen ({@code "University of St Andrews"} →
     * {@code university-of-st-andrews}; Chinese names keep their characters).
     */
    public static String slug(String name) {
        String hyphenated = NOT_LETTER_OR_DIGIT.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
        return EDGE_HYPHENS.matcher(hyphenated).replaceAll("");
    }
}
