package vn.motcua.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Page weight and time to interactive of the citizen's pages on throttled connections, in a real headless Chromium
 * with an empty cache: the bytes that crossed the wire (compressed, headers included: the navigation's and every
 * resource's {@code transferSize}) and the time from the navigation's start until the page can be used (its
 * deferred scripts have run: {@code domContentLoadedEventEnd}; on the submission page, until the form-js viewer has
 * mounted the start form). Not a test: run it on demand with
 * {@code mvn -B -ntp -pl app -am verify -Dtest=PagesBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs};
 * it writes docs/benchmarks/pages.md. {@link CitizenPagesIT} runs its smoke mode (one profile, one run).
 */
class PagesBenchmark {

    /** A connection profile as DevTools' network throttling takes it. */
    record Profile(String name, int latencyMillis, int downKbps, int upKbps) {}

    static final List<Profile> PROFILES = List.of(
            // Chrome DevTools' "Regular 3G" and "Slow 3G"-like presets (kbit/s, round-trip latency)
            new Profile("3G (100 ms, 750 kbit/s down, 250 kbit/s up)", 100, 750, 250),
            new Profile("slow 3G (400 ms, 400 kbit/s down, 400 kbit/s up)", 400, 400, 400));

    static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/", "the procedure catalogue");
        PAGES.put("/?q=khai+sinh", "a search without diacritics");
        PAGES.put("/thu-tuc/chung-thuc-ban-sao", "a procedure");
        PAGES.put("/thu-tuc/chung-thuc-ban-sao/nop", "online submission (form-js start form)");
        PAGES.put("/tra-cuu/", "tracking");
    }

    record Measure(long bytes, int requests, long interactiveMillis) {}

    @Test
    void pageWeightAndTimeToInteractiveOnThrottledConnections() throws Exception {
        Path dataDir = Files.createTempDirectory("motcua-bench-pages-");
        dataDir.toFile().setExecutable(true, false);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(MotcuaApplication.class)
                .run("--server.port=0", "--motcua.data-dir=" + dataDir);
        try {
            String base = "http://localhost:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();
            Path report = System.getProperty("benchmark.report-dir") == null
                    ? Path.of("..", "docs", "benchmarks", "pages.md")
                    : Path.of(System.getProperty("benchmark.report-dir"), "pages.md");
            measure(base, report.toAbsolutePath().normalize(), false);
        } finally {
            app.close();
        }
    }

    /**
     * Measures every page on every profile ({@code smoke}: the first profile, one run each, otherwise the median of
     * three) and writes the report.
     */
    static void measure(String base, Path report, boolean smoke) throws IOException, InterruptedException {
        String loadAtStart = loadAverage();
        List<Profile> profiles = smoke ? PROFILES.subList(0, 1) : PROFILES;
        int runs = smoke ? 1 : 3;
        StringBuilder md = new StringBuilder("# Pages on a slow connection\n\n")
                .append("Written by `PagesBenchmark`")
                .append(smoke ? " in its smoke mode (figures mean nothing)" : "")
                .append(". Headless Chromium (Debian's), empty cache, DevTools network throttling; the application on ")
                .append("its embedded defaults on this machine, so server time is included. Weight: bytes over the ")
                .append("wire (compressed, with headers), all requests of the page. Interactive: from the ")
                .append("navigation's start until the deferred scripts have run (the submission page: until the ")
                .append("form-js viewer has mounted the start form). Median of ")
                .append(runs)
                .append(runs == 1 ? " run" : " runs")
                .append(". Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, shared; load average (1, 5, 15 min) at start ")
                .append(loadAtStart)
                .append(", at the end LOAD_AT_END.\n\n## Page weight and time to interactive\n\n");
        for (Profile profile : profiles) {
            md.append("### ").append(profile.name()).append("\n\n");
            md.append("| page | what | requests | weight (kB) | interactive (s) |\n|---|---|---|---|---|\n");
            for (Map.Entry<String, String> page : PAGES.entrySet()) {
                List<Measure> measures = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    measures.add(once(base, page.getKey(), profile));
                }
                measures.sort(java.util.Comparator.comparingLong(Measure::interactiveMillis));
                Measure m = measures.get(measures.size() / 2);
                md.append(String.format(
                        Locale.ROOT,
                        "| `%s` | %s | %d | %.1f | %.2f |%n",
                        page.getKey(),
                        page.getValue(),
                        m.requests(),
                        m.bytes() / 1000.0,
                        m.interactiveMillis() / 1000.0));
            }
            md.append('\n');
        }
        Files.createDirectories(report.getParent());
        Files.writeString(report, md.toString().replace("LOAD_AT_END", loadAverage()));
        System.out.println("[benchmark] report written to " + report + "\n" + md);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Measure once(String base, String path, Profile profile) throws IOException, InterruptedException {
        // A small page first, so the throttle is set before the measured navigation starts.
        try (Chromium.Page browser = Chromium.Page.open(base + "/favicon.ico")) {
            browser.throttle(profile.latencyMillis(), profile.downKbps() * 1000 / 8, profile.upKbps() * 1000 / 8);
            browser.navigate(base + path);
            boolean form = path.endsWith("/nop");
            if (form) {
                browser.waitUntil(CitizenPagesIT.FORM_READY, "true"::equals);
            }
            String figures = browser.eval("(function () {"
                    + " var n = performance.getEntriesByType('navigation')[0];"
                    + " var r = performance.getEntriesByType('resource');"
                    + " var bytes = n.transferSize + r.reduce(function (s, e) { return s + e.transferSize; }, 0);"
                    + " var ready = performance.getEntriesByName('motcua:form-ready')[0];"
                    + " var interactive = " + (form ? "ready ? ready.startTime : -1" : "n.domContentLoadedEventEnd")
                    + ";"
                    + " return bytes + ' ' + (r.length + 1) + ' ' + Math.round(interactive); })()");
            String[] parts = figures.split(" ");
            return new Measure(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        }
    }
}
