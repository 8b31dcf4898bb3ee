package vn.motcua.signature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The calls of the Cloud Signature Consortium API v2 (CSC API 2.0) the platform makes, as JSON over HTTP:
 * {@code info}, the OAuth 2.0 client-credentials token, {@code credentials/info}, {@code credentials/authorize} and
 * {@code signatures/signHash}. Only hashes go out; no document, no key. Any failure (no connection, no answer in time,
 * an HTTP error with the API's {@code {"error", "error_description"}}, an answer that is not what the API promises)
 * is a {@link SigningException} naming the call and the cause.
 */
final class CscClient {

    /** SHA-256, the hash the platform sends ({@code hashAlgorithmOID}). */
    static final String SHA_256 = "2.16.840.1.101.3.4.2.1";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A token without {@code expires_in} is used for this long. */
    private static final Duration DEFAULT_TOKEN_LIFE = Duration.ofMinutes(5);

    private final CscProperties properties;
    private final HttpClient http;
    private final Clock clock;
    private final String base;
    private volatile Token token;
    private volatile String authorizationServer;

    CscClient(CscProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.base = withoutTrailingSlash(properties.baseUrl().toString());
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code credentials/info}: the whole chain, the certificate's details, the key's status and the auth mode. */
    JsonNode credentialInfo(String credentialId) {
        ObjectNode body = JSON.createObjectNode()
                .put("credentialID", credentialId)
                .put("certificates", "chain")
                .put("certInfo", true)
                .put("authInfo", true);
        return call("credentials/info", body);
    }

    /** {@code credentials/authorize} for one signature of the hash: the Signature Activation Data. */
    String authorize(String credentialId, String hash) {
        ObjectNode body =
                JSON.createObjectNode().put("credentialID", credentialId).put("numSignatures", 1);
        body.putArray("hashes").add(hash);
        body.put("hashAlgorithmOID", SHA_256);
        JsonNode answer = call("credentials/authorize", body);
        String sad = answer.path("SAD").asText("");
        if (sad.isEmpty()) {
            throw new SigningException("credentials/authorize answered without a SAD");
        }
        return sad;
    }

    /** {@code signatures/signHash} of one hash: the raw signature value. */
    byte[] signHash(String credentialId, String sad, String hash, String signAlgo) {
        ObjectNode body =
                JSON.createObjectNode().put("credentialID", credentialId).put("SAD", sad);
        body.putArray("hashes").add(hash);
        body.put("hashAlgorithmOID", SHA_256).put("signAlgo", signAlgo);
        JsonNode signatures = call("signatures/signHash", body).path("signatures");
        if (!signatures.isArray() || signatures.size() != 1) {
            throw new SigningException("signatures/signHash answered " + signatures.size()
                    + " signatures for one hash (asynchronous operation is not used by the platform)");
        }
        try {
            return Base64.getDecoder().decode(signatures.get(0).asText());
        } catch (IllegalArgumentException e) {
            throw new SigningException("signatures/signHash answered a signature that is not Base64", e);
        }
    }

    private JsonNode call(String method, ObjectNode body) {
        String bearer = bearer();
        HttpResponse<String> answer = post(api(method), "application/json", body.toString(), bearer, method);
        if (answer.statusCode() == 401 && !fixedToken() && token != null) {
            // The service may have ended the token before its announced expiry: one new token, one more try.
            token = null;
            answer = post(api(method), "application/json", body.toString(), bearer(), method);
        }
        return json(method, answer);
    }

    /** The configured token, or one from the authorization server by the client-credentials grant (kept until near its expiry). */
    private String bearer() {
        if (fixedToken()) {
            return properties.token();
        }
        Token current = token;
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return current.value();
        }
        String form = "grant_type=client_credentials&client_id=" + form(properties.clientId()) + "&client_secret="
                + form(properties.clientSecret());
        URI endpoint = URI.create(authorizationServer() + "/oauth2/token");
        JsonNode answer =
                json("oauth2/token", post(endpoint, "application/x-www-form-urlencoded", form, null, "oauth2/token"));
        String value = answer.path("access_token").asText("");
        if (value.isEmpty()) {
            throw new SigningException("oauth2/token answered without an access_token");
        }
        long seconds = answer.path("expires_in").asLong(DEFAULT_TOKEN_LIFE.toSeconds());
        // Renewed a little before the service's expiry, so a signature never starts with a token about to end.
        Instant renewAt = clock.instant().plusSeconds(Math.max(0, seconds - Math.min(60, seconds / 10)));
        token = new Token(value, renewAt);
        return value;
    }

    private boolean fixedToken() {
        return properties.token() != null && !properties.token().isBlank();
    }

    /** The OAuth 2.0 server the service names in {@code info} ({@code oauth2}), else the service itself. */
    private String authorizationServer() {
        String known = authorizationServer;
        if (known != null) {
            return known;
        }
        JsonNode info = json("info", post(api("info"), "application/json", "{}", null, "info"));
        String oauth2 = info.path("oauth2").asText("");
        known = oauth2.isBlank() ? base : withoutTrailingSlash(oauth2);
        authorizationServer = known;
        return known;
    }

    private URI api(String method) {
        return URI.create(base + "/csc/v2/" + method);
    }

    private HttpResponse<String> post(URI uri, String type, String body, String bearer, String method) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.timeout())
                .header("Content-Type", type)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new SigningException(
                    "the CSC service at " + base + " did not answer " + method + " within " + properties.timeout(), e);
        } catch (ConnectException e) {
            throw new SigningException(
                    "cannot connect to the CSC service at " + base + " (" + describe(e) + ") for " + method, e);
        } catch (IOException e) {
            throw new SigningException(
                    "the CSC service at " + base + " failed on " + method + " (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("interrupted while waiting for the CSC service's " + method, e);
        }
    }

    private JsonNode json(String method, HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new SigningException(
                    "the CSC service answered HTTP " + answer.statusCode() + " to " + method + error(answer)
                            + (answer.statusCode() == 401 ? " (check the token or the client id and secret)" : ""));
        }
        try {
            JsonNode json = JSON.readTree(answer.body());
            if (json == null || !json.isObject()) {
                throw new SigningException(
                        "the CSC service answered " + method + " with something other than a JSON " + "object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new SigningException("the CSC service answered " + method + " with something that is not JSON", e);
        }
    }

    /** The API's error ({@code error}, {@code error_description}), when the body carries one. */
    private static String error(HttpResponse<String> answer) {
        try {
            JsonNode json = JSON.readTree(answer.body());
            if (json != null && json.hasNonNull("error")) {
                String description = json.path("error_description").asText("");
                return ": " + json.path("error").asText() + (description.isEmpty() ? "" : " (" + description + ")");
            }
        } catch (JsonProcessingException e) {
            // not the API's error object: the status says enough
        }
        return "";
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private record Token(String value, Instant renewAt) {}
}
