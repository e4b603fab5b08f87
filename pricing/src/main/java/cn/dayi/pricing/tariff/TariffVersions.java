package cn.dayi.pricing.tariff;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * All versions of one tariff, ordered by {@code effectiveFrom}, at most one effective on any day.
 *
 * <p>Orders keep the version they were quoted with, so old versions stay; a new version is added
 * with a later start after the previous one's {@code effectiveTo} has been set.
 *
 * <p>Errors: {@link PricingException} {@code TARIFF_VERSIONS_OVERLAP} when two versions share a day (the
 * message names both); {@code TARIFF_VERSIONS_INCONSISTENT} when codes
 * differ or a version number repeats; {@code MISSING_VALUE}.
 */
public final class TariffVersions {

    private final List<Tariff> versions;

    /** @param versions versions of one tariff in any order; may be empty */
    public TariffVersions(List<Tariff> versions) {
        List<Tariff> sorted = new ArrayList<>(PricingException.require(versions, "versions"));
        sorted.sort(Comparator.comparing(Tariff::effectiveFrom));
        Set<Integer> numbers = new HashSet<>();
        for (Tariff t : sorted) {
            if (!t.code().equals(sorted.get(0).code())) {
                throw new PricingException(Code.TARIFF_VERSIONS_INCONSISTENT, "code",
                        "All versions must belong to one tariff; got " + sorted.get(0).code() + " and " + t.code() + ".");
            }
            if (!numbers.add(t.version())) {
                throw new PricingException(Code.TARIFF_VERSIONS_INCONSISTENT, "version",
                        "Tariff " + t.code() + " has version " + t.version() + " twice.");
            }
        }
        for (int i = 1; i < sorted.size(); i++) {
            Tariff prev = sorted.get(i - 1);
            Tariff next = sorted.get(i);
            if (prev.effectiveTo().map(to -> !to.isBefore(next.effectiveFrom())).orElse(true)) {
                throw new PricingException(Code.TARIFF_VERSIONS_OVERLAP, "effectiveTo",
                        "Tariff " + next.code() + " v" + next.version() + " starts on " + next.effectiveFrom()
                                + " while v" + prev.version() + " is still in effect ("
                                + prev.effectiveFrom() + " to " + prev.effectiveTo().map(LocalDate::toString)
                                .orElse("open-ended") + ").");
            }
        }
        this.versions = List.copyOf(sorted);
    }

    /** @return the versions ordered by {@code effectiveFrom} */
    public List<Tariff> versions() {
        return versions;
    }

    /** @return the version in effect on {@code date}, if any */
    public Optional<Tariff> effectiveOn(LocalDate date) {
        return versions.stream().filter(t -> t.isEffectiveOn(date)).findFirst();
    }

    /** @return a new set with {@code version} added; validated like the constructor */
    public TariffVersions plus(Tariff version) {
        List<Tariff> all = new ArrayList<>(versions);
        all.add(version);
        return new TariffVersions(all);
    }
}
