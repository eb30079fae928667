package dev.slackmgr.manager.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresTextTest {

    @Test
    void replacesNulEscapesButNotEscapedBackslashesFollowedByU0000() {
        assertThat(PostgresText.json("{\"a\":\"x\\u0000y\"}")).isEqualTo("{\"a\":\"x\\ufffdy\"}");
        assertThat(PostgresText.json("{\"a\":\"\\\\u0000\"}")).isEqualTo("{\"a\":\"\\\\u0000\"}");
        assertThat(PostgresText.json("{\"a\":\"\\\\\\u0000\"}")).isEqualTo("{\"a\":\"\\\\\\ufffd\"}");
        assertThat(PostgresText.json("{\"a\":\"\\u0000\\u0000\"}")).isEqualTo("{\"a\":\"\\ufffd\\ufffd\"}");
        assertThat(PostgresText.json("{\"a\":\"plain\"}")).isEqualTo("{\"a\":\"plain\"}");
    }

    @Test
    void replacesNulInColumnValues() {
        assertThat(PostgresText.column("a\0b")).isEqualTo("a\uFFFDb");
        assertThat(PostgresText.column("ab")).isEqualTo("ab");
        assertThat(PostgresText.column(null)).isNull();
    }
}
