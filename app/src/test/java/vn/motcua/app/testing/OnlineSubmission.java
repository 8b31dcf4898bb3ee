package vn.motcua.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import vn.motcua.app.signature.TestPdfs;

/**
 * A dossier submitted online as a citizen's browser would send it ({@code POST /api/public/dossiers}, multipart: the
 * dossier as JSON and one document, a PDF that opens, since uploads are parsed), for tests that need a dossier to
 * work on rather than testing the submission itself.
 */
public final class OnlineSubmission {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private OnlineSubmission() {}

    /** Submits {@code dossierJson} with one PDF as the {@code ban-chinh} document; the 201 answer's body. */
    public static JsonNode submit(String base, String dossierJson, String fileName)
            throws IOException, InterruptedException {
        HttpResponse<String> created = HTTP.send(
                request(base, dossierJson, fileName)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    /** {@link #submit(String, String, String)} on the application's address. */
    public static JsonNode submit(TestApplication app, String dossierJson, String fileName)
            throws IOException, InterruptedException {
        return submit(app.baseUrl(), dossierJson, fileName);
    }

    /** The submission's request, not sent: for tests that look at a refusal or send it with headers of their own. */
    public static HttpRequest.Builder request(String base, String dossierJson, String fileName) {
        return Multipart.form()
                .json("dossier", dossierJson)
                .file("ban-chinh", fileName, "application/pdf", TestPdfs.blankPage())
                .post(URI.create(base + "/api/public/dossiers"));
    }
}
