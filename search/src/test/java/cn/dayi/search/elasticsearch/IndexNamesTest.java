package cn.dayi.search.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class IndexNamesTest {

    @Test
    void aliasAndVersionsFollowThePrefix() {
        IndexNames n = new IndexNames("dayi");
        assertEquals("dayi-instruments", n.alias());
        assertEquals("dayi-instruments-v3", n.version(3));
        assertEquals("dayi-instruments-v*", n.allVersions());
        assertEquals(OptionalLong.of(12), n.versionOf("dayi-instruments-v12"));
        assertTrue(n.versionOf("dayi-instruments").isEmpty());
        assertTrue(n.versionOf("dayi-instruments-v1-old").isEmpty());
        assertTrue(n.versionOf("other-instruments-v1").isEmpty());
    }

    @Test
    void prefixesElasticsearchWouldRefuseAreAStartupError() {
        for (String bad : new String[] {"Dayi", "", "-x", "a b", "a*", "_x"}) {
            assertThrows(IllegalArgumentException.class, () -> new IndexNames(bad), bad);
        }
    }

    @Test
    void hostsAreParsedAndChecked() {
        assertEquals(2, ElasticsearchClientFactory.parseHosts("http://a:9200, https://b:9200").size());
        assertThrows(IllegalArgumentException.class, () -> ElasticsearchClientFactory.parseHosts("localhost:9200"));
        assertThrows(IllegalArgumentException.class, () -> ElasticsearchClientFactory.parseHosts(" "));
    }
}
