package cn.dayi.marketplace.importing.dayicsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.dayi.marketplace.catalogue.OrganisationKind;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DayiCsvValuesTest {

    private static final Currency CNY = Currency.getInstance("CNY");

    @ParameterizedTest(name = "{0} yuan = {1} fen")
    @CsvSource(delimiter = '|', value = {
            "4000000.00|400000000",
            "4,000,000|400000000",
            "4,000,000.5|400000050",
            "¥1,234.56|123456",
            "880000元|88000000",
            "0.01|1",
            "0|0",
            "92233720368547758.07|9223372036854775807"})
    void yuanToFenExactly(String text, long fen) throws BadValue {
        assertEquals(fen, Amounts.minorUnits(text, CNY));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1|OUT_OF_RANGE",
            "92233720368547758.08|OUT_OF_RANGE",
            "1,23|BAD_NUMBER",
            "4.000.000|BAD_NUMBER",
            "0.001|BAD_NUMBER",
            "1e6|BAD_NUMBER"})
    void badAmounts(String text, String code) {
        assertEquals(code, assertThrows(BadValue.class, () -> Amounts.minorUnits(text, CNY)).code());
    }

    @Test
    void yenHasNoMinorUnits() throws BadValue {
        assertEquals(1500L, Amounts.minorUnits("1,500", Currency.getInstance("JPY")));
        assertEquals("BAD_NUMBER", assertThrows(BadValue.class,
                () -> Amounts.minorUnits("1500.5", Currency.getInstance("JPY"))).code());
    }

    @Test
    void unknownCurrency() {
        assertEquals("UNKNOWN_CODE", assertThrows(BadValue.class, () -> Amounts.currency("RMB")).code());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "US|US", "usa|US", "United States|US", "美国|US", "中国|CN", "德国|DE", "Germany|DE", "日本|JP",
            "英国|GB", "UK|GB", "United Kingdom|GB", "法国|FR", "瑞士|CH", "荷兰|NL", "韩国|KR", "South Korea|KR",
            "意大利|IT", "瑞典|SE", "jp|JP"})
    void countries(String text, String code) throws BadValue {
        assertEquals(code, Countries.code(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "南山区|440305", "南山|440305", "深圳市南山区|440305", "Nanshan District|440305", "宝安区|440306",
            "Bao'an|440306", "光明区|440311", "大鹏新区|440300DP", "440305|440305", "440300dp|440300DP", "GB-FIF|GB-FIF"})
    void districts(String text, String code) throws BadValue {
        assertEquals(code, Districts.code(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"朝阳区", "Shenzhen", "4403", "南山区南山区"})
    void unknownDistricts(String text) {
        assertEquals("UNKNOWN_CODE", assertThrows(BadValue.class, () -> Districts.code(text)).code());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2019-06-18", "2019/6/18", "2019-6-18", "2019.6.18", "2019年6月18日"})
    void dates(String text) throws BadValue {
        assertEquals(LocalDate.of(2019, 6, 18), Dates.parse(text));
    }

    @Test
    void enumerationsInEnglishOrChinese() throws BadValue {
        assertEquals(OrganisationKind.UNIVERSITY, Codes.OWNER_KIND.parse("高校"));
        assertEquals(OrganisationKind.UNIVERSITY, Codes.OWNER_KIND.parse("大学"));
        assertEquals(OrganisationKind.TESTING_AGENCY, Codes.OWNER_KIND.parse("检测机构"));
        assertEquals(OrganisationKind.RESEARCH_INSTITUTE, Codes.OWNER_KIND.parse("research institute"));
        assertEquals("UNKNOWN_CODE", assertThrows(BadValue.class, () -> Codes.OWNER_KIND.parse("政府")).code());
    }
}
