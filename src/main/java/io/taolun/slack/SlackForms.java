package io.taolun.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.model.view.ViewState;
import io.taolun.core.Action;
import io.taolun.core.Form;
import io.taolun.core.SafeText;
import java.util.Map;
import java.util.Optional;

/**
 * A core {@link Form} as a Slack modal ({@code views.open}), and its {@code view_submission} read back. The modal's
 * private metadata carries the form's action and the channel it was opened from, which a submission does not name.
 */
final class SlackForms {
    /** The callback id of every modal Taolun opens. */
    static final String CALLBACK = "taolun-form";
    /** The input block, where a refusal is shown under the field. */
    static final String INPUT_BLOCK = "taolun-form-input";
    private static final String INPUT = "value";
    /** Slack's limit on an error under a field. */
    private static final int ERROR_MAX = 150;

    private SlackForms() {
    }

    /** What a submission carries: the action it stands for, with the text typed, and the channel it came from. */
    record Submitted(Action action, String channel) {
    }

    /** The modal for the form, opened from {@code channel}. */
    static String view(Form form, String channel) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("action", form.action());
        metadata.addProperty("channel", channel);
        JsonObject element = new JsonObject();
        element.addProperty("type", "plain_text_input");
        element.addProperty("action_id", INPUT);
        element.addProperty("max_length", form.maxLength());
        if (!form.placeholder().isEmpty()) {
            element.add("placeholder", plain(form.placeholder()));
        }
        JsonObject input = new JsonObject();
        input.addProperty("type", "input");
        input.addProperty("block_id", INPUT_BLOCK);
        input.add("label", plain(form.label()));
        input.add("element", element);
        JsonObject view = new JsonObject();
        view.addProperty("type", "modal");
        view.addProperty("callback_id", CALLBACK);
        view.add("title", plain(form.title()));
        view.add("submit", plain(form.submit()));
        view.addProperty("private_metadata", metadata.toString());
        com.google.gson.JsonArray blocks = new com.google.gson.JsonArray();
        blocks.add(input);
        view.add("blocks", blocks);
        return view.toString();
    }

    /** The submission's action and channel; empty for a view that is not a form of ours, or one tampered with. */
    static Optional<Submitted> read(String privateMetadata, ViewState state) {
        if (privateMetadata == null || privateMetadata.length() > 3000) {
            return Optional.empty();
        }
        String action;
        String channel;
        try {
            JsonObject metadata = JsonParser.parseString(privateMetadata).getAsJsonObject();
            action = metadata.get("action").getAsString();
            channel = metadata.get("channel").getAsString();
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        if (!channel.matches("[A-Z0-9]{1,30}")) {
            return Optional.empty();
        }
        String typed = Optional.ofNullable(state).map(ViewState::getValues).map(v -> v.get(INPUT_BLOCK))
                .map(block -> block.get(INPUT)).map(ViewState.Value::getValue).orElse("");
        return Action.submitted(action, typed).map(a -> new Submitted(a, channel));
    }

    /** The channel a modal was opened from, for the log context; "-" when its metadata does not say. */
    static String channelOf(String privateMetadata) {
        try {
            String channel = JsonParser.parseString(privateMetadata).getAsJsonObject().get("channel").getAsString();
            return channel.matches("[A-Z0-9]{1,30}") ? channel : "-";
        } catch (RuntimeException e) {
            return "-";
        }
    }

    /** A refusal shown under the form's field, so the user can correct what they typed. */
    static Map<String, String> errors(String problem) {
        return Map.of(INPUT_BLOCK, SafeText.cut(problem.strip(), ERROR_MAX));
    }

    /** A plain-text object of Block Kit. */
    static JsonObject plain(String text) {
        JsonObject object = new JsonObject();
        object.addProperty("type", "plain_text");
        object.addProperty("text", text);
        return object;
    }
}
