package io.taolun.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds and sends slash command and interaction requests signed the way Slack signs them. */
public final class SlackRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SlackRequests() {
    }

    /** {@code v0=} and the hex HMAC-SHA256, keyed by the signing secret, of {@code v0:timestamp:body}. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields Slack sends for {@code /article <text>}, in Slack's order. */
    public static Map<String, String> slashFields(String team, String channel, String user, String text,
            String responseUrl, String triggerId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "fake-verification-token");
        fields.put("team_id", team);
        fields.put("team_domain", "fake");
        fields.put("channel_id", channel);
        fields.put("channel_name", "general");
        fields.put("user_id", user);
        fields.put("user_name", user.toLowerCase(Locale.ROOT));
        fields.put("command", "/article");
        fields.put("text", text);
        fields.put("api_app_id", "A1");
        fields.put("response_url", responseUrl);
        fields.put("trigger_id", triggerId);
        return fields;
    }

    /** A form-encoded slash command body for {@code /article <text>}. */
    public static String slashCommand(String team, String channel, String user, String text, String responseUrl,
            String triggerId) {
        return slashFields(team, channel, user, text, responseUrl, triggerId).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The JSON of a block_actions payload for one button click on a bot message. */
    public static String blockActionJson(String team, String channel, String user, String actionId, String value,
            String messageTs, String responseUrl, String triggerId) {
        ObjectNode root = JSON.createObjectNode().put("type", "block_actions");
        root.putObject("user").put("id", user).put("username", user.toLowerCase(Locale.ROOT)).put("team_id", team);
        root.put("api_app_id", "A1").put("token", "x");
        root.putObject("container").put("type", "message").put("message_ts", messageTs).put("channel_id", channel)
                .put("is_ephemeral", false);
        root.put("trigger_id", triggerId);
        root.putObject("team").put("id", team).put("domain", "fake");
        root.putObject("channel").put("id", channel).put("name", "general");
        root.putObject("message").put("type", "message").put("ts", messageTs).put("text", "poll")
                .put("user", "UBOT").put("bot_id", "BBOT");
        root.put("response_url", responseUrl);
        ObjectNode action = root.putArray("actions").addObject().put("action_id", actionId).put("block_id", "b1")
                .put("type", "button").put("value", value).put("action_ts", "1700000001.000001");
        action.putObject("text").put("type", "plain_text").put("text", "x");
        return root.toString();
    }

    /**
     * A form body of a {@code view_submission}: the modal {@code view} as views.open sent it (its callback id and
     * private metadata), submitted by the user with {@code typed} in its one text field.
     */
    public static String viewSubmission(String team, String user, JsonNode view, String typed, String triggerId) {
        ObjectNode root = JSON.createObjectNode().put("type", "view_submission");
        root.putObject("team").put("id", team).put("domain", "fake");
        root.putObject("user").put("id", user).put("username", user.toLowerCase(Locale.ROOT)).put("team_id", team);
        root.put("api_app_id", "A1").put("token", "x").put("trigger_id", triggerId);
        ObjectNode submitted = root.putObject("view");
        submitted.put("id", "V1").put("team_id", team).put("type", "modal")
                .put("callback_id", view.path("callback_id").asText())
                .put("private_metadata", view.path("private_metadata").asText()).put("hash", "1.abc");
        submitted.set("title", view.path("title"));
        submitted.set("blocks", view.path("blocks"));
        ObjectNode values = submitted.putObject("state").putObject("values");
        for (JsonNode block : view.path("blocks")) {
            if (block.path("type").asText().equals("input")) {
                values.putObject(block.path("block_id").asText())
                        .putObject(block.path("element").path("action_id").asText())
                        .put("type", "plain_text_input").put("value", typed);
            }
        }
        return "payload=" + encode(root.toString());
    }

    /**
     * A {@code view_submission} of a modal with several inputs, as Slack posts it: {@code state} holds each input's
     * value by block id, already in Slack's shape (e.g. {@code {"type":"plain_text_input","value":"..."}}).
     */
    public static String viewSubmission(String team, String user, JsonNode view, Map<String, ObjectNode> state,
            String viewId) {
        ObjectNode root = JSON.createObjectNode().put("type", "view_submission");
        root.putObject("team").put("id", team).put("domain", "fake");
        root.putObject("user").put("id", user).put("username", user.toLowerCase(Locale.ROOT)).put("team_id", team);
        root.put("api_app_id", "A1").put("token", "x").put("trigger_id", "trigger-" + viewId);
        ObjectNode submitted = root.putObject("view");
        submitted.put("id", viewId).put("team_id", team).put("type", "modal")
                .put("callback_id", view.path("callback_id").asText())
                .put("private_metadata", view.path("private_metadata").asText()).put("hash", "1.abc");
        submitted.set("title", view.path("title"));
        submitted.set("blocks", view.path("blocks"));
        ObjectNode values = submitted.putObject("state").putObject("values");
        state.forEach((block, value) -> values.putObject(block).set("value", value));
        return "payload=" + encode(root.toString());
    }

    /** A {@code message_action} (a message shortcut) on a message of the channel, as Slack posts it. */
    public static String messageShortcut(String team, String channel, String user, String callbackId,
            String messageText, String triggerId, String responseUrl) {
        ObjectNode root = JSON.createObjectNode().put("type", "message_action").put("callback_id", callbackId)
                .put("trigger_id", triggerId).put("response_url", responseUrl).put("message_ts", "1700000000.000001")
                .put("action_ts", "1700000001.000001").put("token", "x");
        root.putObject("team").put("id", team).put("domain", "fake");
        root.putObject("user").put("id", user).put("name", user.toLowerCase(Locale.ROOT)).put("team_id", team);
        root.putObject("channel").put("id", channel).put("name", "general");
        root.putObject("message").put("type", "message").put("user", "UOTHER").put("ts", "1700000000.000001")
                .put("text", messageText);
        return "payload=" + encode(root.toString());
    }

    /**
     * An {@code app_home_opened} event as the Events API posts it (JSON; send it with
     * {@code Content-Type: application/json}).
     */
    public static String appHomeOpened(String team, String user, String tab, String eventId) {
        ObjectNode root = JSON.createObjectNode().put("token", "x").put("team_id", team).put("api_app_id", "A1")
                .put("type", "event_callback").put("event_id", eventId).put("event_time", 1700000000);
        root.putObject("event").put("type", "app_home_opened").put("user", user).put("channel", "D" + user)
                .put("tab", tab).put("event_ts", "1700000000.000100");
        root.putArray("authorizations").addObject().put("team_id", team).put("user_id", "UBOT")
                .put("is_bot", true);
        return root.toString();
    }

    /** A form body {@code payload=<url-encoded block_actions JSON>}, as Slack posts interactions. */
    public static String blockAction(String team, String channel, String user, String actionId, String value,
            String messageTs, String responseUrl, String triggerId) {
        return "payload=" + encode(blockActionJson(team, channel, user, actionId, value, messageTs, responseUrl,
                triggerId));
    }

    /** Posts a form body signed with the secret; extra headers (e.g. X-Slack-Retry-Num) may be null. */
    public static HttpResponse<String> post(URI endpoint, String secret, long timestamp, String body,
            Map<String, String> extraHeaders) {
        return post(endpoint, timestamp, sign(secret, timestamp, body), body, extraHeaders);
    }

    /** Posts a form body with this exact X-Slack-Signature (none when null), e.g. to send a bad one. */
    public static HttpResponse<String> post(URI endpoint, long timestamp, String signature, String body,
            Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(io.taolun.testing.Await.CEILING)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        if (extraHeaders != null) {
            extraHeaders.forEach(request::setHeader);
        }
        try {
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.net.http.HttpTimeoutException e) {
                throw e;
            } catch (IOException e) {
                // the server closes a keep-alive connection after its 10 s idle timeout; a request sent on it just
                // then fails before the server reads a byte. Slack sends again, and so does this (once, on a new
                // connection): a server that drops the second request too still fails the test
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted posting to " + endpoint, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
