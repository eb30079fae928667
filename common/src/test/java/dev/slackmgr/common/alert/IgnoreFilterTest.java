package dev.slackmgr.common.alert;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.slackmgr.common.alert.AlertFixtures.cleanedWith;
import static org.assertj.core.api.Assertions.assertThat;

class IgnoreFilterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"text\":\"This has an error in it\",\"ignoreIfTextContains\":[\"ERROR\"]|true",
            "\"text\":\"please DROP me\",\"ignoreIfTextContains\":[\"drop\"]|true",
            "\"text\":\"please DROP me\",\"ignoreIfTextContains\":[\"  drop  \"]|true",
            "\"text\":\"  spaced  \",\"ignoreIfTextContains\":[\"spaced\"]|true",
            "\"text\":\"ÄRGER\",\"ignoreIfTextContains\":[\"ärger\"]|true",
            "\"text\":\"a.b\",\"ignoreIfTextContains\":[\"a.b\"]|true",
            "\"text\":\"keep\"|false",
            "\"text\":\"keep\",\"ignoreIfTextContains\":[]|false",
            "\"text\":\"Text without that term\",\"ignoreIfTextContains\":[\"\",\"  \",\"specific-term\"]|false",
            "\"text\":\"anything\",\"ignoreIfTextContains\":[\"\",\" \\u3000 \"]|false",
            "\"header\":\"noise\",\"text\":\"\",\"ignoreIfTextContains\":[\"noise\"]|false",
            "\"header\":\"noise\",\"text\":\"quiet\",\"ignoreIfTextContains\":[\"noise\"]|false",
            "\"text\":\"quiet\",\"fallbackText\":\"noise\",\"textWhenResolved\":\"noise\",\"ignoreIfTextContains\":[\"noise\"]|false",
            "\"text\":\"axb\",\"ignoreIfTextContains\":[\"a.b\"]|false",
            "\"text\":\"   \",\"ignoreIfTextContains\":[\" \"]|false",
    })
    void matchesPlainLowerCasedSubstringsOfTextOnly(String members, boolean ignored) {
        assertThat(IgnoreFilter.isIgnored(cleanedWith(members))).isEqualTo(ignored);
    }
}
