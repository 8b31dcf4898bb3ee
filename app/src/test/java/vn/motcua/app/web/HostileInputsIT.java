package vn.motcua.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.app.testing.Multipart;
import vn.motcua.app.testing.TestApplication;

/**
 * The hostile-input corpus ({@code src/test/resources/hostile-inputs.tsv}, one case a line) against the whole
 * application on a real PostgreSQL: every bad input is a 4xx problem+json naming what is wrong, never a 5xx,
 * and the few good controls pass. Cases refer to a live dossier ({@code {CODE}}) and a withdrawn one
 * ({@code {WITHDRAWN}}); placeholders {@code {NUL}}, {@code {RLO}} (right-to-left override) and {@code {A*n}}
 * (n letters) make the bytes no text editor keeps. File parts are {@code part=name:kind[*count]}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.elasticsearch.uris=http://127.0.0.1:9",
            "management.health.elasticsearch.enabled=false",
            "motcua.security.demo-accounts=true"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputsIT {

    static final Path CORPUS = Path.of("src/test/resources/hostile-inputs.tsv");
    private static final String APPLICANT =
            "{\"name\": \"Nguyễn Văn Đoàn\", \"identityNumber\": \"001090012345\", \"phone\": \"0912345678\"}";
    private static final String DATA =
            "{\"documentName\": \"Bằng tốt nghiệp THPT\", \"copyCount\": 2, \"pagesPerCopy\": 1}";
    private static final String VALID = "{\"procedureKey\": \"chung-thuc-ban-sao\", \"agencyCode\": \"000.00.99.H99\","
            + " \"applicant\": {APPLICANT}, \"data\": {DATA}}";
    private static final Pattern REPEAT = Pattern.compile("\\{A\\*(\\d+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static final EmbeddedPostgres POSTGRES = startPostgres();

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class PostgresLifecycle {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() {
            return POSTGRES;
        }

        @Bean
        static BeanFactoryPostProcessor dataSourceDependsOnEmbeddedPostgres() {
            return beanFactory -> {
                for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                    beanFactory.getBeanDefinition(name).setDependsOn("embeddedPostgres");
                }
            };
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @LocalServerPort
    int port;

    private Submitted live;
    private Submitted withdrawn;

    record Submitted(String code, String lookupKey) {}

    record Case(
            String name,
            String method,
            String path,
            String user,
            String kind,
            String body,
            String files,
            List<Integer> statuses,
            String mustContain) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void dossiers() throws Exception {
        live = submit();
        withdrawn = submit();
        HttpResponse<String> withdrawal = send(request("/api/public/dossiers/" + withdrawn.code() + "/withdrawal")
                .header("X-Lookup-Key", withdrawn.lookupKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"không cần nữa\"}")));
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(200);
    }

    static Stream<Case> corpus() throws IOException {
        return Files.readAllLines(CORPUS, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> {
                    String[] c = line.split("\t", -1);
                    return new Case(
                            c[0],
                            c[1],
                            c[2],
                            c[3],
                            c[4],
                            c[5],
                            c[6],
                            Arrays.stream(c[7].split("\\|"))
                                    .map(Integer::valueOf)
                                    .toList(),
                            c[8]);
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyBadInputIsAClientErrorWithProblemDetailsNamingIt(Case c) throws Exception {
        HttpResponse<String> response = send(build(c));

        assertThat(response.statusCode())
                .as("%s answered %s", c.name(), response.body())
                .isIn(c.statuses());
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(c.name())
                    .startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
            assertThat(problem.path("type").asText()).startsWith("https://motcua.vn/problems/");
        }
        assertThat(response.body()).as(c.name()).contains(c.mustContain());
    }

    @Test
    void fileNamesAreStoredWithoutFoldersControlsOrBidiOverridesAndAtMost255Characters() throws Exception {
        String longName = "a".repeat(300) + ".pdf";
        Submitted dossier = submit(List.of(
                new Part("ban-chinh", "../../etc/\u202Efdp.exe", "application/pdf", pdf()),
                new Part("ban-chinh", longName, "application/pdf", pdf())));

        HttpResponse<String> view = send(request("/api/public/dossiers/" + dossier.code())
                .header("X-Lookup-Key", dossier.lookupKey())
                .GET());
        List<String> names = JSON.readTree(view.body()).path("documents").findValuesAsText("fileName");

        assertThat(names).containsExactlyInAnyOrder("fdp.exe", "a".repeat(251) + ".pdf");
    }

    // ---------------------------------------------------------------- requests

    private HttpRequest.Builder build(Case c) {
        String path = c.path().replace("{CODE}", live.code()).replace("{WITHDRAWN}", withdrawn.code());
        HttpRequest.Builder request = request(path);
        if (!"-".equals(c.user())) {
            request.header("Authorization", TestApplication.basic(c.user()));
        } else {
            Submitted owner = c.path().contains("{WITHDRAWN}") ? withdrawn : live;
            request.header("X-Lookup-Key", owner.lookupKey());
        }
        String body = expand(c.body());
        return switch (c.kind().split(":", 2)[0]) {
            case "get" -> request.method(c.method(), HttpRequest.BodyPublishers.noBody());
            case "json" ->
                request.header("Content-Type", "application/json")
                        .method(c.method(), HttpRequest.BodyPublishers.ofString(body));
            case "raw" ->
                request.header("Content-Type", c.kind().split(":", 2)[1])
                        .method(c.method(), HttpRequest.BodyPublishers.ofString(body));
            case "dossier" -> multipart(request, "-".equals(c.body()) ? null : body, parts(c.files()));
            default -> throw new IllegalArgumentException("Unknown kind " + c.kind());
        };
    }

    private static String expand(String template) {
        String text = template.replace("{APPLICANT}", APPLICANT)
                .replace("{DATA}", DATA)
                .replace("{NUL}", "\\u0000")
                .replace("{RLO}", "\u202E");
        Matcher repeat = REPEAT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(out, "a".repeat(Integer.parseInt(repeat.group(1))));
        }
        repeat.appendTail(out);
        return out.toString();
    }

    record Part(String name, String fileName, String contentType, byte[] content) {}

    private static List<Part> parts(String spec) {
        List<Part> parts = new ArrayList<>();
        if ("-".equals(spec)) {
            return parts;
        }
        for (String one : spec.split(";")) {
            String[] nameAndFile = one.split("=", 2);
            String[] fileAndKind = nameAndFile[1].split(":", 2);
            String[] kindAndCount = fileAndKind[1].split("\\*", 2);
            int count = kindAndCount.length > 1 ? Integer.parseInt(kindAndCount[1]) : 1;
            String fileName = expand(fileAndKind[0]).replace("\\u0000", "\u0000");
            for (int i = 0; i < count; i++) {
                parts.add(new Part(nameAndFile[0], fileName, "application/octet-stream", content(kindAndCount[0])));
            }
        }
        return parts;
    }

    private HttpRequest.Builder multipart(HttpRequest.Builder request, String dossierJson, List<Part> parts) {
        Multipart form = Multipart.form();
        if (dossierJson != null) {
            form.json("dossier", dossierJson);
        }
        for (Part part : parts) {
            form.file(part.name(), part.fileName(), part.contentType(), part.content());
        }
        return form.post(request);
    }

    private Submitted submit() throws Exception {
        return submit(List.of(new Part("ban-chinh", "ban-chinh.pdf", "application/pdf", pdf())));
    }

    private Submitted submit(List<Part> parts) throws Exception {
        HttpResponse<String> response = send(multipart(request("/api/public/dossiers"), expand(VALID), parts));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode receipt = JSON.readTree(response.body());
        return new Submitted(
                receipt.path("code").asText(), receipt.path("lookupKey").asText());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- hostile files

    static byte[] content(String kind) {
        return switch (kind) {
            case "pdf" -> pdf();
            case "pdf-javascript" ->
                pdf(document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('x')")));
            case "pdf-launch" ->
                pdf(document -> {
                    PDActionLaunch launch = new PDActionLaunch();
                    launch.getCOSObject().setString(COSName.F, "cmd.exe");
                    document.getDocumentCatalog().setOpenAction(launch);
                });
            case "pdf-attachment" ->
                pdf(document -> {
                    COSDictionary names = new COSDictionary();
                    names.setItem(COSName.EMBEDDED_FILES, new COSDictionary());
                    document.getDocumentCatalog().getCOSObject().setItem(COSName.NAMES, names);
                });
            case "pdf-zip" -> concat(pdf(), zip());
            case "pdf-html" -> ascii("%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n%%EOF\n");
            case "pdf-broken" -> ascii("%PDF-1.7\nthis is not a PDF at all\n%%EOF\n");
            case "png" -> image("png");
            case "png-fake" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
            case "png-html" -> concat(image("png"), ascii("<html><script>alert(1)</script></html>"));
            case "jpeg" -> image("jpeg");
            case "jpeg-zip" -> concat(image("jpeg"), zip());
            case "html" -> ascii("<!doctype html><html><script>alert(1)</script></html>");
            case "svg" -> ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
            default -> throw new IllegalArgumentException("Unknown file kind " + kind);
        };
    }

    static byte[] pdf() {
        return pdf(document -> {});
    }

    interface PdfChange {
        void apply(PDDocument document) throws IOException;
    }

    private static byte[] pdf(PdfChange change) {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            change.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] image(String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local header and end record of a ZIP archive: what a polyglot carries after its first file. */
    private static byte[] zip() {
        return concat(
                new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0},
                ascii("evil.html<script>alert(1)</script>"),
                new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
