package cn.dayi.marketplace.tariff;

import cn.dayi.marketplace.searchsync.ListedPrices;
import cn.dayi.pricing.tariff.BuyerClass;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What search lists: the COMMERCIAL "price from" of the tariffs in effect today ({@link PricesFrom}). */
@Singleton
class CommercialListedPrices implements ListedPrices {

    private final PricesFrom pricesFrom;

    CommercialListedPrices(PricesFrom pricesFrom) {
        this.pricesFrom = pricesFrom;
    }

    @Override
    public Map<Long, Listed> of(Connection c, Collection<Long> instrumentIds) throws SQLException {
        Map<Long, Listed> out = new HashMap<>();
        pricesFrom.of(c, instrumentIds, pricesFrom.today(), BuyerClass.COMMERCIAL)
                .forEach((id, p) -> out.put(id, new Listed(p.unitPriceFen(), p.chargeUnit().name())));
        return out;
    }
}
