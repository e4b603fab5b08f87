package cn.dayi.marketplace.tariff;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An instrument's saved cost figures and the breakdown they give.
 *
 * @param instrumentId instrument id
 * @param inputs       the figures (fen, bp, kW, hours)
 * @param breakdown    full cost per machine-hour and per sample
 * @param setBy        person id of who saved them
 * @param setByName    their display name
 * @param setAt        when (UTC)
 * @param version      optimistic-lock version; send it back as {@code expectedVersion} to save
 */
@Serdeable
public record SavedCost(long instrumentId, CostFigures inputs, CostView breakdown, long setBy, String setByName,
                        Instant setAt, int version) {
}
