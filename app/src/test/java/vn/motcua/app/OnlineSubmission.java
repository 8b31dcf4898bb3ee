package vn.motcua.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import vn.motcua.app.signature.TestPdfs;

/**
 * A dossier submitted online as a citizen's browser would send it ({@code POST /api/public/dossiers}, multipart: the
 * dossier as JSON and one document, a PDF that opens, since uploads are parsed), for tests that need a dossier to
 * work on rather than testing the submission itself.
 */
final class OnlineSubmission {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "motcua-online-submission";

    private OnlineSubmission() {}

    /** Submits {@code dossierJson} with one PDF as the {@code ban-chinh} document; the 201 answer's body. */
    static JsonNode submit(String base, String dossierJson, String fileName) throws IOException, InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"dossier\"\r\n"
                        + "Content-Type: application/json\r\n\r\n" + dossierJson + "\r\n--" + BOUNDARY + "\r\n"
                        + "Content-Disposition: form-data; name=\"ban-chinh\"; filename=\"" + fileName + "\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(TestPdfs.blankPage());
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/public/dossiers"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }
}
