package io.taolun.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.view.ViewState;
import io.taolun.core.Completions;
import io.taolun.core.Messages;
import io.taolun.core.PollLimits;
import io.taolun.core.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The modal that opens a poll ({@code /article poll} with nothing after it, or the message shortcut with the
 * message's text as the question), and its submission read back as the {@code poll} command it stands for: the core
 * checks it as it checks a typed one. Every field may stay empty: then a poll opens on the next claim, as
 * {@code /article poll} does.
 */
final class SlackPollForm {
    static final String CALLBACK = "taolun-poll";
    /** The callback id of the message shortcut, as the manifests name it. */
    static final String SHORTCUT = "taolun-discuss";
    static final String CLAIM = "claim";
    static final String QUESTION = "question";
    static final String OPTIONS = "options";
    static final String MAX = "max";
    static final String SETTINGS = "settings";
    static final String HOURS = "hours";
    private static final String VALUE = "value";
    /** Slack's limits: an option's text, a placeholder, an error under a field. */
    private static final int OPTION_TEXT_MAX = 75;
    private static final int ERROR_MAX = 150;
    private static final int OPTIONS_TYPED_MAX = PollLimits.MAX_OPTIONS * 80;

    private SlackPollForm() {
    }

    /** What a submission stands for: the {@code poll} command and the channel the form was opened from. */
    record Opening(String channel, String command) {
    }

    /**
     * The modal, opened from {@code channel}.
     *
     * @param claims   the channel's article's claims, for the picker (none: no picker)
     * @param question a question to start from (the message of a shortcut), or empty
     */
    static String view(String channel, List<Completions.Choice> claims, Messages m, String question) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("form", "poll");
        metadata.addProperty("channel", channel);
        JsonArray blocks = new JsonArray();
        JsonObject intro = new JsonObject();
        intro.addProperty("type", "section");
        intro.add("text", SlackForms.plain(m.get("slack.pollForm.intro")));
        blocks.add(intro);
        if (!claims.isEmpty()) {
            JsonObject select = element("static_select");
            select.add("placeholder", SlackForms.plain(m.get("slack.pollForm.claimPlaceholder")));
            JsonArray options = new JsonArray();
            claims.stream().limit(100).forEach(c -> options.add(option(c.name(), c.value())));
            select.add("options", options);
            blocks.add(input(CLAIM, m.get("slack.pollForm.claim"), select, ""));
        }
        JsonObject questionInput = element("plain_text_input");
        questionInput.addProperty("max_length", PollLimits.MAX_QUESTION);
        String start = SafeText.cut(question.strip(), PollLimits.MAX_QUESTION);
        if (!start.isEmpty()) {
            questionInput.addProperty("initial_value", start);
        }
        blocks.add(input(QUESTION, m.get("slack.pollForm.question"), questionInput, ""));
        JsonObject optionsInput = element("plain_text_input");
        optionsInput.addProperty("multiline", true);
        optionsInput.addProperty("max_length", OPTIONS_TYPED_MAX);
        blocks.add(input(OPTIONS, m.get("slack.pollForm.options"), optionsInput, m.get("slack.pollForm.optionsHint")));
        JsonObject max = element("static_select");
        JsonArray counts = new JsonArray();
        counts.add(option(m.get("slack.pollForm.maxOne"), "1"));
        for (int n = 2; n <= PollLimits.MAX_OPTIONS; n++) {
            counts.add(option(m.get("slack.pollForm.maxN", n), String.valueOf(n)));
        }
        max.add("options", counts);
        max.add("placeholder", SlackForms.plain(m.get("slack.pollForm.maxOne")));
        blocks.add(input(MAX, m.get("slack.pollForm.max"), max, ""));
        JsonObject settings = element("checkboxes");
        JsonArray flags = new JsonArray();
        flags.add(option(m.get("slack.pollForm.hidden"), "--hidden"));
        flags.add(option(m.get("slack.pollForm.public"), "--public"));
        flags.add(option(m.get("slack.pollForm.open"), "--open"));
        settings.add("options", flags);
        blocks.add(input(SETTINGS, m.get("slack.pollForm.settings"), settings, ""));
        JsonObject hours = element("number_input");
        hours.addProperty("is_decimal_allowed", false);
        hours.addProperty("min_value", "1");
        blocks.add(input(HOURS, m.get("slack.pollForm.hours"), hours, m.get("slack.pollForm.hoursHint")));
        JsonObject view = new JsonObject();
        view.addProperty("type", "modal");
        view.addProperty("callback_id", CALLBACK);
        view.add("title", SlackForms.plain(m.get("slack.pollForm.title")));
        view.add("submit", SlackForms.plain(m.get("slack.pollForm.submit")));
        view.add("close", SlackForms.plain(m.get("slack.pollForm.cancel")));
        view.addProperty("private_metadata", metadata.toString());
        view.add("blocks", blocks);
        return view.toString();
    }

    /** The submission as a {@code poll} command; empty for a view that is not this form, or one tampered with. */
    static Optional<Opening> read(String privateMetadata, ViewState state) {
        Optional<String> channel = channelOf(privateMetadata);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of()
                : state.getValues();
        List<String> words = new ArrayList<>(List.of("poll"));
        value(values, CLAIM).map(ViewState.Value::getSelectedOption).map(o -> o.getValue())
                .filter(v -> v.matches("[A-Za-z0-9_.-]{1,64}")).ifPresent(words::add);
        text(values, QUESTION).map(q -> q.replaceAll("\\s+", " ")).ifPresent(q -> {
            words.add("--question");
            words.add(quoted(q));
        });
        text(values, OPTIONS).ifPresent(typed -> {
            // one option a line, or several on a line separated by "|", as the typed command takes them
            String options = typed.lines().flatMap(l -> java.util.Arrays.stream(l.split("\\|"))).map(String::strip)
                    .filter(l -> !l.isEmpty()).collect(Collectors.joining("|"));
            if (!options.isEmpty()) {
                words.add("--options");
                words.add(quoted(options));
            }
        });
        value(values, MAX).map(ViewState.Value::getSelectedOption).map(o -> o.getValue())
                // one choice each is what a poll has without --max
                .filter(v -> v.matches("\\d{1,2}") && !v.equals("1")).ifPresent(v -> {
                    words.add("--max");
                    words.add(v);
                });
        value(values, SETTINGS).map(ViewState.Value::getSelectedOptions).ifPresent(chosen -> chosen.stream()
                .map(o -> o.getValue()).filter(List.of("--hidden", "--public", "--open")::contains).distinct()
                .forEach(words::add));
        text(values, HOURS).ifPresent(h -> {
            words.add("--hours");
            // a number input sends digits; anything else is passed on for the core to refuse in words
            words.add(h.matches("\\d{1,9}") ? h : quoted(h));
        });
        return Optional.of(new Opening(channel.get(), String.join(" ", words)));
    }

    /** The channel a form of this kind was opened from; empty when its metadata does not say. */
    static Optional<String> channelOf(String privateMetadata) {
        if (privateMetadata == null || privateMetadata.length() > 3000) {
            return Optional.empty();
        }
        try {
            JsonObject metadata = JsonParser.parseString(privateMetadata).getAsJsonObject();
            String channel = metadata.get("channel").getAsString();
            return "poll".equals(metadata.get("form").getAsString()) && channel.matches("[A-Z0-9]{1,30}")
                    ? Optional.of(channel) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A refusal shown under the question, so the opener can correct the form. */
    static Map<String, String> errors(String problem) {
        return Map.of(QUESTION, SafeText.cut(problem.strip(), ERROR_MAX));
    }

    /**
     * A typed text as one quoted argument: the command's quotes cannot be escaped, so a straight double quote typed
     * inside becomes a typographic one.
     */
    private static String quoted(String text) {
        return "\"" + text.replace('"', '”') + "\"";
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String block) {
        return Optional.ofNullable(values.get(block)).map(b -> b.get(VALUE));
    }

    private static Optional<String> text(Map<String, Map<String, ViewState.Value>> values, String block) {
        return value(values, block).map(ViewState.Value::getValue).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static JsonObject element(String type) {
        JsonObject element = new JsonObject();
        element.addProperty("type", type);
        element.addProperty("action_id", VALUE);
        return element;
    }

    private static JsonObject input(String block, String label, JsonObject element, String hint) {
        JsonObject input = new JsonObject();
        input.addProperty("type", "input");
        input.addProperty("block_id", block);
        input.addProperty("optional", true);
        input.add("label", SlackForms.plain(label));
        input.add("element", element);
        if (!hint.isEmpty()) {
            input.add("hint", SlackForms.plain(hint));
        }
        return input;
    }

    private static JsonObject option(String text, String value) {
        JsonObject option = new JsonObject();
        option.add("text", SlackForms.plain(SafeText.cut(text, OPTION_TEXT_MAX)));
        option.addProperty("value", value);
        return option;
    }
}
