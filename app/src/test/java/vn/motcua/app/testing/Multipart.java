package vn.motcua.app.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * A {@code multipart/form-data} body written byte by byte, as a browser sends it: the tests control every header of
 * every part (hostile file names, missing parts, any content type), which Spring's builders would tidy up.
 *
 * <pre>{@code
 * HttpRequest.Builder request = Multipart.form()
 *         .json("dossier", dossierJson)
 *         .file("ban-chinh", "ban-chinh.pdf", "application/pdf", Uploads.minimalPdf())
 *         .post(app.uri("/api/public/dossiers"));
 * }</pre>
 */
public final class Multipart {

    private static final String BOUNDARY = "motcua-test-boundary";

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private Multipart() {}

    public static Multipart form() {
        return new Multipart();
    }

    /** A plain form field. */
    public Multipart field(String name, String value) {
        return part(
                "Content-Disposition: form-data; name=\"" + name + "\"\r\n", value.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON part ({@code application/json}), such as the dossier of a submission. */
    public Multipart json(String name, String json) {
        return part(
                "Content-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: application/json\r\n",
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** A file part; the file name is written as it is, in UTF-8, whatever it holds. */
    public Multipart file(String name, String fileName, String contentType, byte[] content) {
        return part(
                "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                        + "Content-Type: " + contentType + "\r\n",
                content);
    }

    private Multipart part(String headers, byte[] content) {
        body.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** The value of the request's {@code Content-Type} header. */
    public String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** The request's content type, for Spring's {@code RestClient}: {@code .contentType(m.mediaType()).body(m.bytes())}. */
    public MediaType mediaType() {
        return MediaType.parseMediaType(contentType());
    }

    /** The whole body, closing delimiter included. */
    public byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return all.toByteArray();
    }

    /** A POST of this body to {@code uri}, with its content type; the caller adds headers, a timeout, and sends. */
    public HttpRequest.Builder post(URI uri) {
        return post(HttpRequest.newBuilder(uri));
    }

    /** The POST of this body on a request the caller has begun (address, headers, timeout). */
    public HttpRequest.Builder post(HttpRequest.Builder request) {
        return request.header("Content-Type", contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(bytes()));
    }
}
