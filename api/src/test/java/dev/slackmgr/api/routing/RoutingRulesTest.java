package dev.slackmgr.api.routing;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingRulesTest {

    static RoutingRule equalsRule(String name, String type, String channel, String... keys) {
        return new RoutingRule(name, "", type, List.of(keys), null, null, false, channel);
    }

    static RoutingRule prefixRule(String name, String channel, String... prefixes) {
        return new RoutingRule(name, "", "", null, List.of(prefixes), null, false, channel);
    }

    static RoutingRule regexRule(String name, String channel, String... regexes) {
        return new RoutingRule(name, "", "", null, null, List.of(regexes), false, channel);
    }

    static RoutingRule catchAll(String name, String type, String channel) {
        return new RoutingRule(name, "", type, null, null, null, true, channel);
    }

    static RoutingRules rules(RoutingRule... rules) {
        try {
            return RoutingRules.of(List.of(rules));
        } catch (InvalidRoutingRulesException e) {
            throw new AssertionError(e);
        }
    }

    static String channelFor(RoutingRules rules, String routeKey, String type) {
        return rules.match(routeKey, type).map(RoutingRule::channel).orElse(null);
    }

    static final RoutingRules R1 = rules(equalsRule("prod-alerts", "", "C111222333", "production"));
    static final RoutingRules R2 = rules(catchAll("fallback", "", "C444555666"));
    static final RoutingRules R3 = rules(
            catchAll("catch-all", "", "C500000005"),
            regexRule("regex-rule", "C400000004", "^dev-.*-test$"),
            prefixRule("prefix-rule", "C300000003", "prod-"),
            equalsRule("exact-rule", "", "C200000002", "prod-service"));
    static final RoutingRules R4 = rules(
            equalsRule("exact-with-type", "security", "C100000001", "key1"),
            equalsRule("exact-no-type", "", "C200000002", "key1"));
    static final RoutingRules R5 = rules(regexRule("rx", "C300000003", "prod"));

    @Nested
    class Matching {
        @Test
        void exactKeyIsCaseInsensitive() { // B05
            assertThat(channelFor(R1, "production", "")).isEqualTo("C111222333");
            assertThat(channelFor(R1, "PRODUCTION", "")).isEqualTo("C111222333");
        }

        @Test
        void noRulesMatchNothing() { // B06
            assertThat(RoutingRules.none().match("unmapped-key", "test")).isEmpty();
            assertThat(RoutingRules.none().match("", "")).isEmpty();
            assertThat(R1.match("other", "")).isEmpty();
            assertThat(R1.match("", "")).isEmpty();
        }

        @Test
        void catchAllServesUnknownAndEmptyKeys() { // B07
            assertThat(channelFor(R2, "unknown-key", "")).isEqualTo("C444555666");
            assertThat(channelFor(R2, "", "")).isEqualTo("C444555666");
            assertThat(channelFor(R2, null, null)).isEqualTo("C444555666");
        }

        @ParameterizedTest
        @CsvSource({
                "prod-service, C200000002",
                "prod-other, C300000003",
                "dev-foo-test, C400000004",
                "DEV-FOO-TEST, C400000004",
                "unknown, C500000005"})
        void levelsTakePrecedenceOverConfigurationOrder(String key, String channel) { // B08
            assertThat(channelFor(R3, key, "")).isEqualTo(channel);
        }

        @Test
        void regexUsesSearchSemantics() { // B08 also
            assertThat(channelFor(R5, "my-prod-db", "")).isEqualTo("C300000003");
            assertThat(channelFor(R5, "MY-PROD-DB", "")).isEqualTo("C300000003");
            assertThat(R5.match("staging", "")).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(value = {
                "security, C100000001",
                "SECURITY, C100000001",
                "other, C200000002",
                "'', C200000002"})
        void exactAlertTypeBeatsUntypedRule(String type, String channel) { // B09
            assertThat(channelFor(R4, "key1", type)).isEqualTo(channel);
        }

        @Test
        void untypedRuleListedFirstIsAnExactMatchForAnAlertWithoutType() {
            RoutingRules rules = rules(
                    equalsRule("untyped", "", "C100000001", "k"),
                    equalsRule("typed", "db", "C200000002", "k"));
            assertThat(channelFor(rules, "k", "")).isEqualTo("C100000001");
            assertThat(channelFor(rules, "k", "db")).isEqualTo("C200000002");
        }

        @Test
        void ruleWithOtherTypeNeverMatches() {
            RoutingRules rules = rules(equalsRule("typed", "db", "C100000001", "k"));
            assertThat(rules.match("k", "web")).isEmpty();
            assertThat(rules.match("k", "")).isEmpty();
        }

        @Test
        void firstUntypedRuleOfALevelWins() {
            RoutingRules rules = rules(
                    prefixRule("p1", "C100000001", "ab"),
                    prefixRule("p2", "C200000002", "a"));
            assertThat(channelFor(rules, "abc", "")).isEqualTo("C100000001");
            assertThat(channelFor(rules, "abc", "x")).isEqualTo("C100000001");
        }

        @Test
        void inputsAreNotTrimmed() { // B12
            assertThat(R1.match(" production ", "")).isEmpty();
            RoutingRules withFallback = rules(
                    equalsRule("prod-alerts", "", "C111222333", "production"),
                    catchAll("fallback", "", "C444555666"));
            assertThat(channelFor(withFallback, " production ", "")).isEqualTo("C444555666");
        }

        @Test
        void catchAllPrefersExactTypeThenUntyped() {
            RoutingRules rules = rules(
                    catchAll("any", "", "C100000001"),
                    catchAll("sec", "security", "C200000002"),
                    catchAll("ops", "ops", "C300000003"));
            assertThat(channelFor(rules, "x", "security")).isEqualTo("C200000002");
            assertThat(channelFor(rules, "", "SECURITY")).isEqualTo("C200000002");
            assertThat(channelFor(rules, "x", "other")).isEqualTo("C100000001");
            assertThat(channelFor(rules, "x", "")).isEqualTo("C100000001");
        }

        @Test
        void typedCatchAllDoesNotServeOtherTypes() {
            RoutingRules rules = rules(catchAll("sec", "security", "C200000002"));
            assertThat(rules.match("x", "")).isEmpty();
            assertThat(rules.match("x", "ops")).isEmpty();
        }

        @Test
        void emptyKeySkipsKeyLevels() {
            RoutingRules rules = rules(regexRule("everything", "C100000001", ".*"));
            assertThat(rules.match("", "")).isEmpty();
            assertThat(rules.match("a", "")).isPresent();
        }

        @Test
        void resultsAreMemoisedIncludingMisses() {
            RoutingRules rules = rules(equalsRule("r", "", "C100000001", "k"));
            Optional<RoutingRule> first = rules.match("K", "T");
            assertThat(rules.match("k", "t")).isSameAs(first);
            rules.match("nope", "");
            assertThat(rules.memoSize()).isEqualTo(2);
        }

        @Test
        void memoIsBounded() {
            RoutingRules rules = rules(catchAll("all", "", "C100000001"));
            for (int i = 0; i < RoutingRules.MEMO_LIMIT + 50; i++) {
                assertThat(rules.match("key-" + i, "")).isPresent();
            }
            assertThat(rules.memoSize()).isEqualTo(RoutingRules.MEMO_LIMIT);
        }

        @Test
        void re2PosixClassesKeepTheirMeaning() {
            RoutingRules rules = rules(regexRule("posix", "C100000001", "^[[:alpha:]]+-[[:digit:]]+$"),
                    regexRule("negated", "C200000002", "^[[:^space:]]+$"));
            assertThat(channelFor(rules, "db-42", "")).isEqualTo("C100000001");
            assertThat(channelFor(rules, "p:h", "")).isEqualTo("C200000002");
            assertThat(RoutingRules.toJavaSyntax("[[:word:][:^word:]]")).isEqualTo("[\\w\\W]");
        }

        @Test
        void dotMatchesEverythingButNewlineAsInRe2() {
            RoutingRules rules = rules(regexRule("dot", "C100000001", "^a.b$"));
            assertThat(channelFor(rules, "a\rb", "")).isEqualTo("C100000001");
            assertThat(channelFor(rules, "a\u2028b", "")).isEqualTo("C100000001");
            assertThat(rules.match("a\nb", "")).isEmpty();
        }

        @Test
        void channelForGivesTheChannel() {
            assertThat(R1.channelFor("production", "")).contains("C111222333");
            assertThat(R1.channelFor("other", "")).isEmpty();
        }

        @Test
        void re2NamedGroupsCompile() {
            RoutingRules rules = rules(regexRule("named", "C100000001", "^(?P<team>[a-z]+)-db$"));
            assertThat(channelFor(rules, "payments-db", "")).isEqualTo("C100000001");
        }
    }

    @Nested
    class Normalisation {
        @Test
        void normalisesAsServedByMappings() { // J03
            RoutingRules rules = rules(new RoutingRule(" rule-x ", " Team X ", " SECURITY ",
                    List.of("  KEY1 ", "KEY2"), List.of(" PREFIX- "), List.of("^Prod-.*"), false, " C123456789 "));
            assertThat(rules.view()).containsExactly(new RoutingRule("rule-x", "Team X", "security",
                    List.of("key1", "key2"), List.of("prefix-"), List.of("(?i)^Prod-.*"), false, "C123456789"));
        }

        @Test
        void regexAlreadyCaseInsensitiveIsKept() {
            RoutingRules rules = rules(regexRule("r", "C100000001", " (?i)^a "));
            assertThat(rules.view().get(0).matchesRegex()).containsExactly("(?i)^a");
        }

        @Test
        void unconfiguredListsStayNull() {
            RoutingRules rules = rules(catchAll("all", "", "C100000001"));
            RoutingRule rule = rules.view().get(0);
            assertThat(rule.equals()).isNull();
            assertThat(rule.hasPrefix()).isNull();
            assertThat(rule.matchesRegex()).isNull();
        }

        @Test
        void noSettingsViewIsNullAndEmptyListViewIsEmpty() throws Exception {
            assertThat(RoutingRules.none().view()).isNull();
            assertThat(RoutingRules.of(null).view()).isNull();
            assertThat(RoutingRules.of(List.of()).view()).isEmpty();
        }

        @Test
        void inputIsNotModified() throws Exception {
            List<String> keys = new ArrayList<>(List.of(" A "));
            RoutingRules.of(List.of(new RoutingRule("n", "", "", keys, null, null, false, "C100000001")));
            assertThat(keys).containsExactly(" A ");
        }
    }

    @Nested
    class Validation {
        static RoutingRule valid(String name) {
            return equalsRule(name, "", "C123456789", "k");
        }

        void assertInvalid(String message, RoutingRule... rules) {
            assertThatThrownBy(() -> RoutingRules.of(Arrays.asList(rules)))
                    .isInstanceOf(InvalidRoutingRulesException.class)
                    .hasMessage(message);
        }

        @Test
        void nameCannotBeEmpty() {
            assertInvalid("rule[0].name cannot be empty", equalsRule("   ", "", "C123456789", "k"));
            assertInvalid("rule[1].name cannot be empty", valid("a"), equalsRule(null, "", "C123456789", "k"));
        }

        @Test
        void nameMustBeUniqueAfterTrimming() {
            assertInvalid("rule[1].name is not unique", valid("rule-1"), valid("rule-1"));
            assertInvalid("rule[2].name is not unique", valid("a"), valid("b"), valid(" a "));
        }

        @Test
        void namesAreCaseSensitive() throws Exception {
            assertThat(RoutingRules.of(List.of(valid("a"), valid("A"))).view()).hasSize(2);
        }

        @Test
        void listEntriesCannotBeEmpty() {
            assertInvalid("rule[0].equals[1] cannot be empty",
                    new RoutingRule("r", "", "", List.of("key1", ""), null, null, false, "C123456789"));
            assertInvalid("rule[0].equals[0] cannot be empty",
                    new RoutingRule("r", "", "", Arrays.asList((String) null), null, null, false, "C123456789"));
            assertInvalid("rule[0].hasPrefix[0] cannot be empty",
                    new RoutingRule("r", "", "", null, List.of(" "), null, false, "C123456789"));
            assertInvalid("rule[0].matchesRegex[2] cannot be empty",
                    new RoutingRule("r", "", "", null, null, List.of("a", "b", "\t"), false, "C123456789"));
        }

        @Test
        void checksInReferenceOrder() {
            assertInvalid("rule[0].equals[0] cannot be empty",
                    new RoutingRule("r", "", "", List.of(""), List.of(""), List.of(""), false, ""));
            assertInvalid("rule[0].hasPrefix[0] cannot be empty",
                    new RoutingRule("r", "", "", List.of("a"), List.of(""), List.of("["), false, ""));
            assertInvalid("rule[0] does not match anything",
                    new RoutingRule("r", "", "", List.of(), null, null, false, ""));
            assertInvalid("rule[0].channel cannot be empty", catchAll("r", "", "  "));
        }

        @Test
        void regexMustCompile() {
            assertThatThrownBy(() -> RoutingRules.of(List.of(regexRule("r", "C123456789", "[invalid"))))
                    .isInstanceOf(InvalidRoutingRulesException.class)
                    .hasMessageStartingWith("failed to compile regex for rule[0]: ");
        }

        @Test
        void ruleMustMatchSomething() {
            assertInvalid("rule[0] does not match anything",
                    new RoutingRule("r", "", "", null, null, null, false, "C123456789"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"invalid", "C12345", "C1234567890123456", "C123-45678", "#general-x"})
        void channelMustBeAChannelId(String channel) {
            assertInvalid("rule[0].channel is not a valid Slack channel ID", equalsRule("r", "", channel, "k"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"C123456789", "C12345678901234", "CABC123DEF", "c0123abcd"})
        void validChannelIdsAreKeptAsIs(String channel) throws Exception {
            assertThat(RoutingRules.of(List.of(equalsRule("r", "", channel, "k"))).view().get(0).channel())
                    .isEqualTo(channel);
        }
    }
}
