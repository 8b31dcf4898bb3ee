package vn.motcua.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.app.testing.OnlineSubmission;

/**
 * Refreshes docs/screenshots/: the main citizen and clerk pages at 360 px (a phone) and 1280 px (a desktop), taken in
 * Debian's headless Chromium on the embedded defaults with a dossier or two. Not part of the suite (its name is no
 * {@code *Test} or {@code *IT}); run it when the pages change (docs/pages.md):
 *
 * <pre>
 * mvn -B -ntp -pl app -am verify -Dtest=none -Dit.test=PageScreenshots \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Each picture is kept under 200 kB: a page too long for that is taken as its first screenful.
 */
class PageScreenshots {

    /** From the app module, where the build runs the tests. */
    private static final Path TARGET = Path.of(System.getProperty("motcua.screenshots", "../docs/screenshots"));

    private static final int PHONE = 360;
    private static final int DESKTOP = 1280;
    private static final long MAX_BYTES = 200 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private String base;

    @Test
    void takeTheMainPages() throws Exception {
        Path dataDir = Files.createTempDirectory("motcua-screenshots-");
        dataDir.toFile().setExecutable(true, false);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotcuaApplication.class)
                .run("--server.port=0", "--motcua.data-dir=" + dataDir)) {
            base = "http://localhost:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();
            JsonNode waiting = submit("Trần Thị Mai");
            JsonNode received = submit("Lê Văn Nam");
            TaskService tasks = app.getBean(TaskService.class);
            tasks.complete(
                    tasks.createTaskQuery()
                            .processInstanceBusinessKey(received.path("code").asText())
                            .singleResult()
                            .getId(),
                    Map.of("receiptDecision", "accept"));
            String code = waiting.path("code").asText();
            String task = tasks.createTaskQuery()
                    .processInstanceBusinessKey(code)
                    .singleResult()
                    .getId();

            Map<String, String> citizen = new LinkedHashMap<>();
            citizen.put("trang-chu", "/");
            citizen.put("thu-tuc", "/thu-tuc/chung-thuc-ban-sao");
            citizen.put("nop-ho-so", "/thu-tuc/chung-thuc-ban-sao/nop");
            citizen.put(
                    "tra-cuu",
                    "/tra-cuu/?ma=" + received.path("code").asText() + "#khoa="
                            + received.path("lookupKey").asText());
            try (Chromium.Page page = Chromium.Page.open(base + "/")) {
                for (var shot : citizen.entrySet()) {
                    take(page, shot.getKey(), shot.getValue(), "main");
                }
            }

            Map<String, String> clerk = new LinkedHashMap<>();
            clerk.put("can-bo-cong-viec", "/can-bo/");
            clerk.put("can-bo-viec", "/can-bo/viec/" + task);
            clerk.put("can-bo-ho-so", "/can-bo/ho-so/" + received.path("code").asText());
            clerk.put("can-bo-tiep-nhan", "/can-bo/tiep-nhan?thu-tuc=chung-thuc-ban-sao");
            clerk.put("can-bo-tim-kiem", "/can-bo/tim-kiem?q=");
            clerk.put("can-bo-thong-ke", "/can-bo/thong-ke");
            try (Chromium.Page page = Chromium.Page.open(base + "/can-bo/")) {
                page.pathOnce("/login");
                page.fill("#username", "tiepnhan01");
                page.fill("#password", "demo");
                page.click("button[type=submit]");
                page.pathOnce("/can-bo/");
                for (var shot : clerk.entrySet()) {
                    take(page, shot.getKey(), shot.getValue(), "main");
                }
            }
        }
    }

    /** The page at a phone's width and a desktop's, once it has drawn (forms and the tracked dossier load late). */
    private void take(Chromium.Page page, String name, String path, String ready) throws Exception {
        page.navigate(base + path);
        page.once(
                "document.querySelector('" + ready + "') && !document.querySelector('#start-form > p, #task-form > p')"
                        + " && !(location.pathname.startsWith('/tra-cuu') && !document.querySelector('ol.timeline li'))"
                        + " ? 'y' : ''",
                "y"::equals);
        for (int width : new int[] {PHONE, DESKTOP}) {
            Path file = TARGET.resolve(name + "-" + width + ".png");
            page.screenshot(file, width);
            if (Files.size(file) > MAX_BYTES) {
                page.viewport(width, width == PHONE ? 1400 : 1000);
                page.screenshot(file);
            }
            assertThat(Files.size(file)).as(file.toString()).isLessThanOrEqualTo(MAX_BYTES);
        }
    }

    private JsonNode submit(String name) throws Exception {
        String json = """
                {"procedureKey": "chung-thuc-ban-sao", "agencyCode": "000.00.99.H99",
                 "applicant": {"name": "%s", "identityNumber": "%s", "phone": "0912345678",
                               "address": "Thôn Đông, xã Minh Tân"},
                 "data": {"documentName": "Bằng tốt nghiệp trung học phổ thông", "copyCount": 2, "pagesPerCopy": 1},
                 "resultDelivery": {"method": "POST", "address": "Số 5, thôn Đông, xã Minh Tân"}}""".formatted(name, "0010906" + String.format("%05d", Math.abs(name.hashCode()) % 100000));
        return OnlineSubmission.submit(base, json, "bang-tot-nghiep.pdf");
    }
}
