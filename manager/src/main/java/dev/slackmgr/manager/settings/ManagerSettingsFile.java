package dev.slackmgr.manager.settings;

import dev.slackmgr.manager.issue.ManagerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads the manager settings YAML ({@code SLACKMGR_MANAGER_SETTINGS}) with the reference's key names
 * (issue-lifecycle.md §17.1). A malformed file or a wrongly typed value fails the start-up with a message naming
 * the file and the key; keys we do not know are logged and ignored, so a reference settings file still loads.
 */
public final class ManagerSettingsFile {
    private static final Logger log = LoggerFactory.getLogger(ManagerSettingsFile.class);
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ManagerSettingsFile() {
    }

    /** The settings of {@code path}, or the defaults when no path is given. */
    public static ManagerSettings load(String path) {
        if (path == null || path.isBlank()) {
            return ManagerSettings.defaults();
        }
        String text;
        try {
            text = Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("slackmgr.settings-file (SLACKMGR_MANAGER_SETTINGS): cannot read "
                    + path + ": " + e.getMessage(), e);
        }
        return parse(text, path);
    }

    static ManagerSettings parse(String text, String source) {
        try {
            JsonNode tree = YAML.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return ManagerSettings.defaults();
            }
            Set<String> known = Arrays.stream(ManagerSettings.class.getRecordComponents())
                    .map(c -> c.getName()).collect(Collectors.toSet());
            tree.propertyNames().stream().filter(k -> !known.contains(k))
                    .forEach(k -> log.warn("Manager settings {}: unknown key '{}' ignored", source, k));
            return YAML.treeToValue(tree, ManagerSettings.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("manager settings " + source + " are invalid: "
                    + e.getOriginalMessage() + " at " + e.getPathReference(), e);
        }
    }
}
