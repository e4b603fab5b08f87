package cn.dayi.search.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void controlAndFormatCharactersBecomeSpacesAndSpacesCollapse() {
        assertEquals("核磁 共振", QueryText.clean("  核磁\u0000\t\n共振\u200b "));
        assertEquals("核磁", QueryText.clean("\u001b核磁\ufeff"));
        assertEquals("a b", QueryText.clean("a\u3000\u00a0b"));
        assertEquals("", QueryText.clean(null));
        assertEquals("", QueryText.clean("\u0000\u0007 \t"));
    }

    @Test
    void querySyntaxIsLeftAsTextForMatchQueries() {
        assertEquals("\"核磁 AND (\" OR *:* OR name:/.*/", QueryText.clean("\"核磁 AND (\" OR *:* OR name:/.*/"));
    }

    @Test
    void textIsCutAtTwoHundredCodePointsNeverInsideASurrogatePair() {
        assertEquals(200, QueryText.clean("核".repeat(10_000)).length());
        String emoji = "😀".repeat(300);
        String cut = QueryText.clean(emoji);
        assertEquals(200, cut.codePointCount(0, cut.length()));
        assertEquals(400, cut.length());
        assertEquals("ab", QueryText.clean("ab cd", 2));
        assertEquals("ab", QueryText.clean("ab  cd", 3));
    }
}
