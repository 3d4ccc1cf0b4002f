package io.taolun.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's health check, so the image needs no curl: {@code java -cp taolun.jar io.taolun.app.HealthProbe
 * [url]} exits 0 when the URL (default {@code http://127.0.0.1:$TAOLUN_MANAGEMENT_PORT/healthz}, else
 * {@code $TAOLUN_PORT}) answers 200 within 3 seconds,
 * 1 otherwise.
 */
public final class HealthProbe {
    private HealthProbe() {
    }

    public static void main(String[] args) {
        // health answers on the management port when there is one
        String port = System.getenv().getOrDefault("TAOLUN_MANAGEMENT_PORT",
                System.getenv().getOrDefault("TAOLUN_PORT", String.valueOf(PlatformSettings.DEFAULT_PORT)));
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:" + port.strip() + "/healthz";
        System.exit(probe(url) ? 0 : 1);
    }

    static boolean probe(String url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
