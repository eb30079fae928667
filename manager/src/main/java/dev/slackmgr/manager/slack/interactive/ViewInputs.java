package dev.slackmgr.manager.slack.interactive;

import com.slack.api.model.view.ViewState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a submitted modal's state ({@code view.state.values}: block ID → action ID → value). */
final class ViewInputs {
    private final Map<String, Map<String, ViewState.Value>> values;

    ViewInputs(ViewState state) {
        this.values = state == null || state.getValues() == null ? Map.of() : state.getValues();
    }

    private Optional<ViewState.Value> value(String blockId, String actionId) {
        Map<String, ViewState.Value> block = values.get(blockId);
        return Optional.ofNullable(block == null ? null : block.get(actionId));
    }

    /** A text input's value ("" when empty or absent). */
    String text(String blockId, String actionId) {
        return value(blockId, actionId).map(ViewState.Value::getValue).map(String::trim).orElse("");
    }

    /** A conversations select's choice ("" when none). */
    String conversation(String blockId, String actionId) {
        return value(blockId, actionId).map(v -> v.getSelectedConversation() != null ? v.getSelectedConversation()
                : v.getSelectedChannel()).orElse("");
    }

    /** A static select's value ("" when none). */
    String selected(String blockId, String actionId) {
        return value(blockId, actionId).map(ViewState.Value::getSelectedOption).map(ViewState.SelectedOption::getValue)
                .orElse("");
    }

    /** A checkbox group's ticked values. */
    List<String> ticked(String blockId, String actionId) {
        return value(blockId, actionId).map(ViewState.Value::getSelectedOptions)
                .map(l -> l.stream().map(ViewState.SelectedOption::getValue).toList()).orElse(List.of());
    }

    /** Every plain-text input, by action ID (webhook modal, §6.3 step 8). */
    Map<String, String> allTexts() {
        Map<String, String> out = new LinkedHashMap<>();
        values.values().forEach(block -> block.forEach((actionId, v) -> {
            if ("plain_text_input".equals(v.getType())) {
                out.put(actionId, v.getValue() == null ? "" : v.getValue());
            }
        }));
        return out;
    }

    /** Every checkbox group's ticked values, by action ID. */
    Map<String, List<String>> allCheckboxes() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        values.values().forEach(block -> block.forEach((actionId, v) -> {
            if ("checkboxes".equals(v.getType())) {
                out.put(actionId, v.getSelectedOptions() == null ? List.of()
                        : v.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList());
            }
        }));
        return out;
    }
}
