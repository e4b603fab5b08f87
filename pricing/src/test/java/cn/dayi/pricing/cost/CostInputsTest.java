package cn.dayi.pricing.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CostInputsTest {

    private static CostInputs.Builder valid() {
        return CostInputs.builder().originalValueFen(400_000_000L).residualRateBp(500).usefulLifeYears(10);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("life 0", b -> b.usefulLifeYears(0), Code.INVALID_USEFUL_LIFE, "usefulLifeYears",
                        "Useful life must be at least 1 year; got 0."),
                bad("life -3", b -> b.usefulLifeYears(-3), Code.INVALID_USEFUL_LIFE, "usefulLifeYears",
                        "Useful life must be at least 1 year; got -3."),
                bad("original value 0", b -> b.originalValueFen(0), Code.INVALID_ORIGINAL_VALUE, "originalValueFen",
                        "Original value must be more than 0 fen; got 0."),
                bad("residual -1 bp", b -> b.residualRateBp(-1), Code.INVALID_RESIDUAL_RATE, "residualRateBp",
                        "Residual rate must be between 0 and 10,000 bp (0–100 %); got -1."),
                bad("residual 10,001 bp", b -> b.residualRateBp(10_001), Code.INVALID_RESIDUAL_RATE, "residualRateBp",
                        "Residual rate must be between 0 and 10,000 bp (0–100 %); got 10001."),
                bad("0 hours", b -> b.expectedAnnualHours(0), Code.INVALID_ANNUAL_HOURS, "expectedAnnualHours",
                        "Expected annual hours must be between 1 and 8784; got 0."),
                bad("8,785 hours", b -> b.expectedAnnualHours(8785), Code.INVALID_ANNUAL_HOURS, "expectedAnnualHours",
                        "Expected annual hours must be between 1 and 8784; got 8785."),
                bad("negative staff", b -> b.annualStaffCostFen(-1), Code.NEGATIVE_COST, "annualStaffCostFen",
                        "Cost annualStaffCostFen must not be negative; got -1."),
                bad("negative maintenance", b -> b.annualMaintenanceFen(-5), Code.NEGATIVE_COST, "annualMaintenanceFen",
                        "Cost annualMaintenanceFen must not be negative; got -5."),
                bad("negative power", b -> b.powerKw(new BigDecimal("-0.1")), Code.NEGATIVE_COST, "powerKw",
                        "Cost powerKw must not be negative; got -0.1."),
                bad("negative electricity", b -> b.electricityFenPerKwh(-80), Code.NEGATIVE_COST, "electricityFenPerKwh",
                        "Cost electricityFenPerKwh must not be negative; got -80."),
                bad("negative facility", b -> b.annualFacilityOverheadFen(-1), Code.NEGATIVE_COST,
                        "annualFacilityOverheadFen", "Cost annualFacilityOverheadFen must not be negative; got -1."),
                bad("negative consumables", b -> b.consumablesPerSampleFen(-1), Code.NEGATIVE_COST,
                        "consumablesPerSampleFen", "Cost consumablesPerSampleFen must not be negative; got -1."),
                bad("0 samples per hour", b -> b.samplesPerHour(BigDecimal.ZERO), Code.INVALID_SAMPLES_PER_HOUR,
                        "samplesPerHour", "Samples per hour must be more than 0; got 0."),
                bad("no power", b -> b.powerKw(null), Code.MISSING_VALUE, "powerKw", "A value for powerKw is required."));
    }

    private static Arguments bad(String name, UnaryOperator<CostInputs.Builder> change, Code code, String field,
                                 String message) {
        return Arguments.of(name, change, code, field, message);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("badInputs")
    void badInputIsRejectedWithAStableCodeTheFieldAndAReadableMessage(
            String name, UnaryOperator<CostInputs.Builder> change, Code code, String field, String message) {
        PricingException e = assertThrows(PricingException.class, () -> change.apply(valid()).build());
        assertEquals(code, e.code());
        assertEquals(Optional.of(field), e.field());
        assertEquals(message, e.getMessage());
    }

    @Test
    void defaultsToTheMinistryOfEducationStandardOf1400HoursAYear() {
        assertEquals(1400, valid().build().expectedAnnualHours());
        assertEquals(1400, CostInputs.DEFAULT_ANNUAL_HOURS);
    }

    @Test
    void boundaryValuesAreAccepted() {
        CostInputs in = valid().residualRateBp(10_000).usefulLifeYears(1).expectedAnnualHours(8784).build();
        assertEquals(0, CostModel.costOf(in).hourlyCostFen(), "fully residual: nothing to depreciate");
    }
}
