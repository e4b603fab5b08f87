package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.marketplace.tariff.CostView;
import cn.dayi.marketplace.tariff.PriceFrom;
import cn.dayi.marketplace.tariff.ServiceItem;
import cn.dayi.marketplace.tariff.TariffVersion;
import cn.dayi.pricing.tariff.BuyerClass;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The prices section of the detail page, in the page language, for the viewer's buyer class.
 *
 * @param buyerClass     the class the prices are shown for, e.g. "企业"
 * @param from           "自 271.43 元/小时起", or null without a published price
 * @param why            the "why this price" rows of the tariff behind {@code from} (cost lines, full
 *                       cost, markup, unit price), empty without one
 * @param tariffs        each tariff in effect today with its unit price for the class
 * @param items          active service items with their price or 面议
 */
public record PriceView(String buyerClass, String from, List<Row> why, List<Row> tariffs, List<ItemRow> items) {

    /**
     * A labelled amount.
     *
     * @param kind {@code line}, {@code total}, {@code markup} or {@code price}, for styling
     */
    public record Row(String label, String value, String kind) {
    }

    /** A service item. */
    public record ItemRow(String name, String nameEn, String price, boolean onRequest, String turnaround,
                          String sampleRequirements) {
    }

    static PriceView of(BuyerClass buyerClass, Optional<PriceFrom> from, List<TariffVersion> effective,
                        List<ServiceItem> items, PageText text) {
        boolean en = text.language() == Language.EN;
        List<Row> why = new ArrayList<>();
        Optional<TariffVersion> basis = from.flatMap(p -> effective.stream()
                .filter(t -> t.code().equals(p.tariffCode()) && t.version() == p.tariffVersion()).findFirst());
        basis.ifPresent(t -> {
            String unit = PriceText.unit(t.chargeUnit(), text);
            for (CostView.Line l : t.costLines()) {
                why.add(new Row(en ? l.labelEn() : l.labelZh(), PriceText.per(l.amountFen(), t.chargeUnit(), text), "line"));
            }
            why.add(new Row(text.get("price.why.costBasis", unit), PriceText.per(t.costBasisFen(), t.chargeUnit(), text),
                    "total"));
            why.add(new Row(text.get("price.why.markup", percent(t.markupBp(buyerClass))),
                    PriceText.amount(t.unitPrices().of(buyerClass) - t.costBasisFen(), text), "markup"));
            why.add(new Row(text.get("price.why.unitPrice"),
                    PriceText.per(t.unitPrices().of(buyerClass), t.chargeUnit(), text), "price"));
        });
        List<Row> tariffs = effective.stream().map(t -> new Row(t.code(),
                PriceText.per(t.unitPrices().of(buyerClass), t.chargeUnit(), text), "price")).toList();
        List<ItemRow> itemRows = items.stream().map(i -> new ItemRow(i.name(),
                en && i.nameEn() != null && !i.nameEn().equals(i.name()) ? i.nameEn() : null,
                i.unitPriceFen() == null ? text.get("price.onRequest") : PriceText.amount(i.unitPriceFen(), text),
                i.unitPriceFen() == null,
                i.turnaroundDays() == null ? null : text.get("price.items.turnaroundDays", i.turnaroundDays()),
                i.sampleRequirements())).toList();
        return new PriceView(text.get("price.class." + buyerClass.name()),
                from.map(p -> PriceText.from(p.unitPriceFen(), p.chargeUnit(), text)).orElse(null),
                why, tariffs, itemRows);
    }

    /** 3,000 bp → "30%", 1,250 bp → "12.5%". */
    static String percent(int bp) {
        return BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString() + "%";
    }
}
