package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.pricing.Yuan;
import cn.dayi.pricing.tariff.ChargeUnit;

/** Prices in the page language: "自 271.43 元/小时起" / "from 271.43 CNY per hour". */
public final class PriceText {

    private PriceText() {
    }

    /** The "from" price of a unit, e.g. 自 271.43 元/小时起. */
    public static String from(long fen, ChargeUnit unit, PageText text) {
        return text.get("price.from", Yuan.format(fen), unit(unit, text));
    }

    /** A unit price, e.g. 271.43 元/小时. */
    public static String per(long fen, ChargeUnit unit, PageText text) {
        return text.get("price.per", Yuan.format(fen), unit(unit, text));
    }

    /** An amount, e.g. 271.43 元. */
    public static String amount(long fen, PageText text) {
        return text.get("price.amount", Yuan.format(fen));
    }

    /** The unit's name in the page language: 小时 / hour. */
    public static String unit(ChargeUnit unit, PageText text) {
        return text.language() == Language.EN ? unit.labelEn() : unit.labelZh();
    }
}
