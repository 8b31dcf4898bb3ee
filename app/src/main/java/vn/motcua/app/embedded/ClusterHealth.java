package vn.motcua.app.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /_cluster/health} of the embedded server (this distribution has no {@code GET /}). Usable means green
 * or yellow: yellow is normal for one node, whose replicas cannot be placed.
 */
final class ClusterHealth {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final HttpRequest request;

    ClusterHealth(URI server) {
        request = HttpRequest.newBuilder(server.resolve("/_cluster/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    /** green, yellow, red, or "unreachable" while the server does not answer. */
    String status() {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher status = STATUS.matcher(response.body());
            return response.statusCode() == 200 && status.find() ? status.group(1) : "unreachable";
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unreachable";
        }
    }

    static boolean usable(String status) {
        return status.equals("green") || status.equals("yellow");
    }
}
