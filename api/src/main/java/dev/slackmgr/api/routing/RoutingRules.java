package dev.slackmgr.api.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A normalised, validated and compiled set of routing rules with the reference's matcher
 * (rest-api.md §5.2). Immutable apart from its bounded match memo; thread-safe.
 *
 * <p>Create with {@link #of(List)}; a new instance (and memo) per settings version.
 */
public final class RoutingRules {

    /** Memo entries kept per instance; beyond this, results are computed but not stored. */
    static final int MEMO_LIMIT = 10_000;

    private static final Pattern CHANNEL_ID = Pattern.compile("^[0-9a-zA-Z]{9,15}$");
    private static final String CASE_INSENSITIVE_FLAG = "(?i)";
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\p{Space}"), Map.entry("upper", "\\p{Upper}"),
            Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));
    private static final RoutingRules NONE = new RoutingRules(null, List.of());

    private final List<RoutingRule> configured;
    private final List<CompiledRule> rules;
    private final Map<MemoKey, Optional<RoutingRule>> memo = new ConcurrentHashMap<>();

    private RoutingRules(List<RoutingRule> configured, List<CompiledRule> rules) {
        this.configured = configured;
        this.rules = rules;
    }

    /** No settings at all: matches nothing, {@link #view()} is {@code null}. */
    public static RoutingRules none() {
        return NONE;
    }

    /**
     * Normalises and validates {@code rules} in configuration order; the first failure wins.
     *
     * @param rules the configured rules; {@code null} is the same as {@link #none()}
     * @throws InvalidRoutingRulesException with the reference's message naming the rule index
     */
    public static RoutingRules of(List<RoutingRule> rules) throws InvalidRoutingRulesException {
        if (rules == null) {
            return NONE;
        }
        List<RoutingRule> normalised = new ArrayList<>(rules.size());
        List<CompiledRule> compiled = new ArrayList<>(rules.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            if (rule == null) {
                rule = new RoutingRule(null, null, null, null, null, null, false, null);
            }
            CompiledRule c = normalise(i, rule, names);
            normalised.add(c.rule());
            compiled.add(c);
        }
        return new RoutingRules(List.copyOf(normalised), List.copyOf(compiled));
    }

    private static CompiledRule normalise(int i, RoutingRule r, Set<String> names)
            throws InvalidRoutingRulesException {
        String name = r.name().strip();
        if (name.isEmpty()) {
            throw invalid("rule[%d].name cannot be empty", i);
        }
        if (!names.add(name)) {
            throw invalid("rule[%d].name is not unique", i);
        }
        String description = r.description().strip();
        String alertType = lower(r.alertType().strip());
        List<String> equals = lowerEntries(i, "equals", r.equals());
        List<String> hasPrefix = lowerEntries(i, "hasPrefix", r.hasPrefix());
        List<String> regexes = null;
        List<Pattern> patterns = List.of();
        if (r.matchesRegex() != null) {
            regexes = new ArrayList<>();
            List<Pattern> compiled = new ArrayList<>();
            for (int j = 0; j < r.matchesRegex().size(); j++) {
                String s = strip(r.matchesRegex().get(j));
                if (s.isEmpty()) {
                    throw invalid("rule[%d].matchesRegex[%d] cannot be empty", i, j);
                }
                if (!s.startsWith(CASE_INSENSITIVE_FLAG)) {
                    s = CASE_INSENSITIVE_FLAG + s;
                }
                try {
                    compiled.add(Pattern.compile(toJavaSyntax(s), Pattern.UNICODE_CASE | Pattern.UNIX_LINES));
                } catch (PatternSyntaxException e) {
                    throw new InvalidRoutingRulesException(
                            "failed to compile regex for rule[" + i + "]: " + e.getDescription() + " near index "
                                    + e.getIndex() + " in `" + s + "`");
                }
                regexes.add(s);
            }
            patterns = List.copyOf(compiled);
        }
        if (!r.matchAll() && isEmpty(equals) && isEmpty(hasPrefix) && isEmpty(regexes)) {
            throw invalid("rule[%d] does not match anything", i);
        }
        String channel = r.channel().strip();
        if (channel.isEmpty()) {
            throw invalid("rule[%d].channel cannot be empty", i);
        }
        if (!CHANNEL_ID.matcher(channel).matches()) {
            throw invalid("rule[%d].channel is not a valid Slack channel ID", i);
        }
        RoutingRule normalised = new RoutingRule(name, description, alertType, equals, hasPrefix, regexes,
                r.matchAll(), channel);
        return new CompiledRule(normalised, patterns);
    }

    private static List<String> lowerEntries(int i, String key, List<String> entries)
            throws InvalidRoutingRulesException {
        if (entries == null) {
            return null;
        }
        List<String> out = new ArrayList<>(entries.size());
        for (int j = 0; j < entries.size(); j++) {
            String s = lower(strip(entries.get(j)));
            if (s.isEmpty()) {
                throw invalid("rule[%d].%s[%d] cannot be empty", i, key, j);
            }
            out.add(s);
        }
        return out;
    }

    /**
     * The rule for an alert's route key and type, or empty. Both inputs are lower-cased but not
     * trimmed; {@code null} is treated as empty. Results, including "no match", are memoised.
     */
    public Optional<RoutingRule> match(String routeKey, String alertType) {
        String key = lower(routeKey == null ? "" : routeKey);
        String type = lower(alertType == null ? "" : alertType);
        MemoKey memoKey = new MemoKey(key, type);
        Optional<RoutingRule> hit = memo.get(memoKey);
        if (hit != null) {
            return hit;
        }
        Optional<RoutingRule> result = Optional.ofNullable(find(key, type));
        if (memo.size() < MEMO_LIMIT) {
            memo.putIfAbsent(memoKey, result);
        }
        return result;
    }

    /** The channel of {@link #match}, for use as the pipeline's router: {@code rules::channelFor}. */
    public Optional<String> channelFor(String routeKey, String alertType) {
        return match(routeKey, alertType).map(RoutingRule::channel);
    }

    /** Number of memoised lookups (for tests and diagnostics). */
    int memoSize() {
        return memo.size();
    }

    private RoutingRule find(String key, String type) {
        if (rules.isEmpty()) {
            return null;
        }
        if (!key.isEmpty()) {
            RoutingRule r = findLevel(type, c -> c.rule().equals() != null && c.rule().equals().contains(key));
            if (r == null) {
                r = findLevel(type, c -> c.rule().hasPrefix() != null
                        && c.rule().hasPrefix().stream().anyMatch(key::startsWith));
            }
            if (r == null) {
                r = findLevel(type, c -> c.patterns().stream().anyMatch(p -> p.matcher(key).find()));
            }
            if (r != null) {
                return r;
            }
        }
        for (CompiledRule c : rules) {
            if (c.rule().matchAll() && c.rule().alertType().equals(type)) {
                return c.rule();
            }
        }
        for (CompiledRule c : rules) {
            if (c.rule().matchAll() && c.rule().alertType().isEmpty()) {
                return c.rule();
            }
        }
        return null;
    }

    /** A rule with the exact alert type wins at once; else the first matching rule without a type. */
    private RoutingRule findLevel(String type, Predicate<CompiledRule> keyMatches) {
        RoutingRule untyped = null;
        for (CompiledRule c : rules) {
            if (!keyMatches.test(c)) {
                continue;
            }
            if (c.rule().alertType().equals(type)) {
                return c.rule();
            }
            if (untyped == null && c.rule().alertType().isEmpty()) {
                untyped = c.rule();
            }
        }
        return untyped;
    }

    /**
     * The normalised rules as served by {@code GET /mappings}: {@code null} when no rule list was
     * configured, otherwise the (possibly empty) list.
     */
    public List<RoutingRule> view() {
        return configured;
    }

    /**
     * RE2 spellings Java reads differently: {@code (?P<name>…)} named groups and POSIX classes such as
     * {@code [[:alpha:]]} (which Java would read as a set of the characters {@code :alph}).
     */
    static String toJavaSyntax(String re2) {
        String s = re2.replace("(?P<", "(?<");
        for (Map.Entry<String, String> posix : POSIX_CLASSES.entrySet()) {
            s = s.replace("[:" + posix.getKey() + ":]", posix.getValue())
                    .replace("[:^" + posix.getKey() + ":]", negate(posix.getValue()));
        }
        return s;
    }

    private static String negate(String javaClass) {
        return javaClass.startsWith("\\p") ? "\\P" + javaClass.substring(2) : javaClass.toUpperCase(Locale.ROOT);
    }

    private static boolean isEmpty(List<String> list) {
        return list == null || list.isEmpty();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static InvalidRoutingRulesException invalid(String format, Object... args) {
        return new InvalidRoutingRulesException(String.format(Locale.ROOT, format, args));
    }

    private record MemoKey(String routeKey, String alertType) {
    }

    private record CompiledRule(RoutingRule rule, List<Pattern> patterns) {
    }
}
