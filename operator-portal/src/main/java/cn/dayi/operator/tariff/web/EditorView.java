package cn.dayi.operator.tariff.web;

import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.PriceText;
import cn.dayi.marketplace.tariff.CostPreview;
import cn.dayi.marketplace.tariff.CostView;
import cn.dayi.marketplace.tariff.ServiceItem;
import cn.dayi.marketplace.tariff.TariffVersion;
import cn.dayi.pricing.Yuan;
import cn.dayi.pricing.cost.CostComponent;
import cn.dayi.pricing.tariff.BuyerClass;
import cn.dayi.pricing.tariff.ChargeUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What the editor page shows besides the form, formatted in the page language. */
public final class EditorView {

    private EditorView() {
    }

    /** A labelled amount with an id the live calculator fills in. */
    public record Cell(String id, String label, String value) {
    }

    /**
     * The calculator: cost per hour and per sample, unit prices per class, the guidance band.
     *
     * @param guidance "Pricing guidance: 1.0 to 3.0 × cost (…)", or null
     * @param problem  why the prices are outside the guidance, or null
     */
    public record Calc(List<Cell> hourly, Cell hourlyTotal, List<Cell> perSample, Cell perSampleTotal, List<Cell> prices,
                String unitLabel, String guidance, String problem, boolean within) {
    }

    /** One row of the version history. */
    public record VersionRow(String code, int version, String unit, String cost, String internal, String academic,
                      String commercial, String from, String to, boolean current) {
    }

    /** One service item. */
    public record ItemRow(long id, String name, String nameEn, String price, String turnaround, boolean active) {
    }

    /** A number input of the form. */
    public record Field(String name, String label, String step, String value, boolean invalid) {
    }

    static List<Field> fields(String[][] specs, java.util.Map<String, String> values, java.util.Set<String> invalid,
                              PageText text) {
        List<Field> out = new ArrayList<>();
        for (String[] s : specs) {
            out.add(new Field(s[0], text.get(s[1]), s[2], values.getOrDefault(s[0], ""), invalid.contains(s[0])));
        }
        return out;
    }

    static final String[][] COST_FIELDS = {
            {"originalValueYuan", "tariff.cost.originalValue", "0.01"},
            {"residualRatePct", "tariff.cost.residualRate", "0.01"},
            {"usefulLifeYears", "tariff.cost.usefulLife", "1"},
            {"annualStaffCostYuan", "tariff.cost.staff", "0.01"},
            {"annualMaintenanceYuan", "tariff.cost.maintenance", "0.01"},
            {"powerKw", "tariff.cost.power", "0.001"},
            {"electricityYuanPerKwh", "tariff.cost.electricity", "0.01"},
            {"annualFacilityOverheadYuan", "tariff.cost.facility", "0.01"},
            {"consumablesPerSampleYuan", "tariff.cost.consumables", "0.01"},
            {"samplesPerHour", "tariff.cost.samplesPerHour", "0.001"},
            {"expectedAnnualHours", "tariff.cost.annualHours", "1"}};

    static final String[][] TARIFF_FIELDS = {
            {"academicMarkupPct", "tariff.tariff.academicMarkup", "0.01"},
            {"commercialMarkupPct", "tariff.tariff.commercialMarkup", "0.01"},
            {"afterHoursSurchargePct", "tariff.tariff.afterHours", "0.01"},
            {"urgentSurchargePct", "tariff.tariff.urgent", "0.01"},
            {"minimumChargeYuan", "tariff.tariff.minimum", "0.01"}};

    /** A charge unit option. */
    public record Option(String value, String label, boolean selected) {
    }

    static Calc calc(CostPreview p, PageText text) {
        String dash = "—";
        List<Cell> hourly = new ArrayList<>();
        List<Cell> perSample = new ArrayList<>();
        for (CostComponent c : CostComponent.values()) {
            String label = text.language().name().equals("EN") ? c.labelEn() : c.labelZh();
            if (c != CostComponent.CONSUMABLES) {
                hourly.add(new Cell("calc-hourly-" + c.name(), label, p == null ? dash : yuan(line(p.breakdown().hourly(), c))));
            }
            perSample.add(new Cell("calc-sample-" + c.name(), label, p == null ? dash : yuan(line(p.breakdown().perSample(), c))));
        }
        ChargeUnit unit = p == null ? ChargeUnit.HOUR : p.chargeUnit();
        List<Cell> prices = new ArrayList<>();
        for (BuyerClass b : BuyerClass.values()) {
            prices.add(new Cell("calc-price-" + b.name(), text.get("price.class." + b.name()),
                    p == null ? dash : PriceText.per(p.unitPrices().of(b), unit, text)));
        }
        String guidance = null;
        String problem = null;
        boolean within = true;
        if (p != null && p.guidance() != null) {
            var g = p.guidance();
            guidance = text.get("tariff.calc.guidance", ratio(g.floorBp()), ratio(g.capBp()),
                    PriceText.per(g.floorFen(), unit, text), PriceText.per(g.capFen(), unit, text));
            problem = g.problem();
            within = g.within();
        }
        return new Calc(hourly, new Cell("calc-hourly-total", text.get("tariff.calc.total"),
                p == null ? dash : yuan(p.breakdown().hourlyCostFen())), perSample,
                new Cell("calc-sample-total", text.get("tariff.calc.total"), p == null ? dash : yuan(p.breakdown().perSampleCostFen())),
                prices, PriceText.unit(unit, text), guidance, problem, within);
    }

    static List<VersionRow> versions(List<TariffVersion> versions, java.time.LocalDate today, PageText text) {
        List<VersionRow> rows = new ArrayList<>();
        for (TariffVersion v : versions) {
            rows.add(new VersionRow(v.code(), v.version(), text.get("tariff.unit." + v.chargeUnit().name()),
                    yuan(v.costBasisFen()), yuan(v.unitPrices().internalFen()), yuan(v.unitPrices().academicExternalFen()),
                    yuan(v.unitPrices().commercialFen()), v.effectiveFrom().toString(),
                    v.effectiveTo() == null ? text.get("tariff.versions.open") : v.effectiveTo().toString(),
                    v.isEffectiveOn(today)));
        }
        return rows;
    }

    static List<ItemRow> items(List<ServiceItem> items, PageText text) {
        return items.stream().map(i -> new ItemRow(i.id(), i.name(), i.nameEn(),
                i.unitPriceFen() == null ? text.get("price.onRequest") : PriceText.amount(i.unitPriceFen(), text),
                i.turnaroundDays() == null ? "—" : text.get("price.items.turnaroundDays", i.turnaroundDays()),
                i.active())).toList();
    }

    static List<Option> units(ChargeUnit selected, PageText text) {
        List<Option> out = new ArrayList<>();
        for (ChargeUnit u : ChargeUnit.values()) {
            out.add(new Option(u.name(), text.get("tariff.unit." + u.name()), u == selected));
        }
        return out;
    }

    private static long line(List<CostView.Line> lines, CostComponent c) {
        return lines.stream().filter(l -> l.component() == c).mapToLong(CostView.Line::amountFen).findFirst().orElse(0);
    }

    static String yuan(long fen) {
        return Yuan.format(fen);
    }

    private static String ratio(int bp) {
        BigDecimal r = BigDecimal.valueOf(bp, 4).stripTrailingZeros();
        return (r.scale() < 1 ? r.setScale(1) : r).toPlainString();
    }
}
