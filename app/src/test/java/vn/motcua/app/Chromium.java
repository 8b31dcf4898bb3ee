package vn.motcua.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import vn.motcua.app.testing.TestApplication;

/**
 * Debian's headless Chromium, run as a process: renders a page with its scripts and gives back the
 * resulting DOM, or a screenshot; or keeps a page open ({@link Page}) and acts on it as a person would (picks a
 * file, taps a button) over the DevTools protocol that Chromium itself serves. No driver, no browser download.
 */
final class Chromium {

    private static final String BINARY = "/usr/bin/chromium";

    private Chromium() {}

    /** The page's DOM once its scripts and their requests have settled. */
    static String renderedDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", "--virtual-time-budget=15000", url));
    }

    static void screenshot(String url, Path file, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        run(List.of(
                "--screenshot=" + file.toAbsolutePath(),
                "--window-size=" + width + "," + height,
                "--hide-scrollbars",
                "--virtual-time-budget=15000",
                url));
    }

    private static String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = command(Files.createTempDirectory("chromium-profile-"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish in 60 s: " + command);
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    private static List<String> command(Path profile) {
        if (!Files.isExecutable(Path.of(BINARY))) {
            // The policy of vn.motcua.testing.RequiredTool (delegates' tests): fail loudly, naming the package.
            throw new AssertionError(BINARY
                    + " is missing: install the Debian package chromium (apt-get install chromium; .ci/run does)");
        }
        return new ArrayList<>(List.of(
                BINARY,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=vi-VN",
                "--user-data-dir=" + profile));
    }

    /**
     * A page left open in a headless Chromium, driven over the DevTools protocol on a local port Chromium picks
     * (it writes the port to {@code DevToolsActivePort} in its profile). Real time, real events: a file picked with
     * {@link #pickFile} fires the input's {@code change} as a person's pick does.
     */
    static final class Page implements AutoCloseable {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final Duration PATIENCE = Duration.ofSeconds(30);

        private final Process process;
        private final WebSocket socket;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

        private Page(Process process, URI debugger) {
            this.process = process;
            this.socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(debugger, new Replies())
                    .join();
        }

        /** Opens {@code url} and waits until it has loaded and run its scripts. */
        static Page open(String url) throws IOException, InterruptedException {
            Path profile = Files.createTempDirectory("chromium-profile-");
            List<String> command = command(profile);
            command.addAll(List.of("--remote-debugging-port=0", "--window-size=390,1400", url));
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                Page page = new Page(process, pageDebugger(profile.resolve("DevToolsActivePort")));
                // The first page is about:blank, complete at once; wait for the asked one to have loaded.
                page.waitFor(
                        "location.href !== 'about:blank' && document.readyState === 'complete' ? 'loaded' : ''",
                        "loaded"::equals);
                return page;
            } catch (RuntimeException | IOException | InterruptedException e) {
                process.destroyForcibly();
                throw e;
            }
        }

        /**
         * Opens the staff page {@code path} of the application at {@code base} as {@code user}: the page sends to the
         * sign-in page, which signs in with the demo password and comes back to {@code path}.
         */
        static Page signedIn(String base, String user, String path) throws IOException, InterruptedException {
            Page page = open(base + path);
            try {
                page.pathOnce("/login");
                page.fill("#username", user);
                page.fill("#password", TestApplication.PASSWORD);
                page.click("button[type=submit]");
                page.pathOnce(path);
                return page;
            } catch (RuntimeException e) {
                page.close();
                throw e;
            }
        }

        private static URI pageDebugger(Path portFile) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            HttpClient http = HttpClient.newHttpClient();
            while (System.nanoTime() < deadline) {
                List<String> lines = Files.exists(portFile) ? Files.readAllLines(portFile) : List.of();
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    HttpResponse<String> targets = http.send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + lines.get(0).trim() + "/json/list"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    for (JsonNode target : JSON.readTree(targets.body())) {
                        if ("page".equals(target.path("type").asText())) {
                            return URI.create(
                                    target.path("webSocketDebuggerUrl").asText());
                        }
                    }
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("Chromium opened no page with a debugger in " + PATIENCE);
        }

        /** Picks {@code file} in the file input {@code selector}, as a person choosing it in the dialog. */
        void pickFile(String selector, Path file) {
            int root = call("DOM.getDocument", JSON.createObjectNode())
                    .path("root")
                    .path("nodeId")
                    .asInt();
            ObjectNode query = JSON.createObjectNode().put("nodeId", root).put("selector", selector);
            int input = call("DOM.querySelector", query).path("nodeId").asInt();
            if (input == 0) {
                throw new IllegalStateException("no element " + selector);
            }
            ObjectNode files = JSON.createObjectNode().put("nodeId", input);
            files.putArray("files").add(file.toAbsolutePath().toString());
            call("DOM.setFileInputFiles", files);
        }

        /** Taps the element {@code selector}. */
        void click(String selector) {
            evaluate("document.querySelector(" + quoted(selector) + ").click(), ''");
        }

        /** The attribute {@code name} of {@code selector}, resolved ({@code href} is absolute). */
        String attribute(String selector, String name) {
            return evaluate("document.querySelector(" + quoted(selector) + ")[" + quoted(name) + "]");
        }

        /** The visible text of {@code selector} once {@code until} holds for it. */
        String textOnceShown(String selector, Predicate<String> until) {
            return waitFor("(document.querySelector(" + quoted(selector) + ") || {}).innerText || ''", until);
        }

        /** Types {@code value} into the field {@code selector} and leaves it, firing the events typing does. */
        void fill(String selector, String value) {
            evaluate("(() => { const e = document.querySelector(" + quoted(selector) + "); e.focus(); e.value = "
                    + quoted(value) + "; e.dispatchEvent(new Event('input', {bubbles: true}));"
                    + " e.dispatchEvent(new Event('change', {bubbles: true})); e.blur(); return ''; })()");
        }

        /** The value of a script expression once {@code until} holds for it. */
        String once(String expression, Predicate<String> until) {
            return waitFor(expression, until);
        }

        /** The page's path and query once it shows {@code pathPrefix} and has loaded. */
        String pathOnce(String pathPrefix) {
            return waitFor(
                    "document.readyState === 'complete' ? location.pathname + location.search : ''",
                    path -> path.startsWith(pathPrefix));
        }

        /** A PNG of the page at {@code width} CSS pixels, as tall as its content (at most 2400). */
        void screenshot(Path file, int width) throws IOException {
            ObjectNode metrics = JSON.createObjectNode()
                    .put("width", width)
                    .put("height", 800)
                    .put("deviceScaleFactor", 1)
                    .put("mobile", width < 600);
            call("Emulation.setDeviceMetricsOverride", metrics);
            int height = Math.min(2400, Integer.parseInt(evaluate("String(document.documentElement.scrollHeight)")));
            metrics.put("height", height);
            call("Emulation.setDeviceMetricsOverride", metrics);
            JsonNode shot =
                    call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(
                    file, java.util.Base64.getDecoder().decode(shot.path("data").asText()));
        }

        private String waitFor(String expression, Predicate<String> until) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            String value = evaluateWhileLoading(expression);
            while (!until.test(value)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("still " + value + " after " + PATIENCE + ": " + expression);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                value = evaluateWhileLoading(expression);
            }
            return value;
        }

        /** While a tapped link replaces the page, its old document may vanish under the expression: "" then. */
        private String evaluateWhileLoading(String expression) {
            try {
                return evaluate(expression);
            } catch (IllegalStateException e) {
                return "";
            }
        }

        String evaluate(String expression) {
            ObjectNode params =
                    JSON.createObjectNode().put("expression", expression).put("returnByValue", true);
            JsonNode result = call("Runtime.evaluate", params);
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException(
                        expression + " threw " + result.path("exceptionDetails").toString());
            }
            return result.path("result").path("value").asText();
        }

        private JsonNode call(String method, ObjectNode params) {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            pending.put(id, reply);
            ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
            message.set("params", params);
            socket.sendText(message.toString(), true).join();
            JsonNode answer =
                    reply.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.path("error"));
            }
            return answer.path("result");
        }

        /** The value of a script expression, as text (what {@code Runtime.evaluate} returns by value). */
        String eval(String expression) {
            return evaluate(expression);
        }

        /** Waits until a script expression's value satisfies {@code until}; returns that value. */
        String waitUntil(String expression, Predicate<String> until) {
            return waitFor(expression, until);
        }

        /**
         * Types {@code text} into the input or textarea {@code selector} as a person would: it takes the focus, input
         * and change fire, and the focus leaves it (which flushes a form-js field's debounced change).
         */
        void type(String selector, String text) {
            evaluate("(function (e) { var p = e instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype"
                    + " : HTMLInputElement.prototype; e.focus();"
                    + " Object.getOwnPropertyDescriptor(p, 'value').set.call(e, " + quoted(text) + ");"
                    + " e.dispatchEvent(new Event('input', {bubbles: true}));"
                    + " e.dispatchEvent(new Event('change', {bubbles: true})); e.blur(); return ''; })"
                    + "(document.querySelector(" + quoted(selector) + "))");
        }

        /** Goes to {@code url} in the same tab (cookies kept) and waits until it has loaded. */
        void navigate(String url) {
            evaluate("window.__motcuaOld = true, ''");
            call("Page.navigate", JSON.createObjectNode().put("url", url));
            waitFor("!window.__motcuaOld && document.readyState === 'complete' ? 'loaded' : ''", "loaded"::equals);
        }

        /** A phone-sized (or any) viewport, as a phone would report it. */
        void viewport(int width, int height) {
            call(
                    "Emulation.setDeviceMetricsOverride",
                    JSON.createObjectNode()
                            .put("width", width)
                            .put("height", height)
                            .put("deviceScaleFactor", 1)
                            .put("mobile", true));
        }

        /** The locale the page's scripts see ({@code Intl}, {@code navigator.language}), as a phone set to it. */
        void locale(String languageTag) {
            call("Emulation.setLocaleOverride", JSON.createObjectNode().put("locale", languageTag));
        }

        /** Files the page downloads (a link with {@code download}, an attachment) are saved in {@code folder}. */
        void downloadsTo(Path folder) {
            ObjectNode params = JSON.createObjectNode()
                    .put("behavior", "allow")
                    .put("downloadPath", folder.toAbsolutePath().toString());
            try {
                call("Browser.setDownloadBehavior", params);
            } catch (IllegalStateException e) {
                call("Page.setDownloadBehavior", params);
            }
        }

        /** A slow line for every request from now on: latency, and throughput in bytes per second; no cache. */
        void throttle(int latencyMillis, int downloadBytesPerSecond, int uploadBytesPerSecond) {
            call("Network.enable", JSON.createObjectNode());
            call("Network.setCacheDisabled", JSON.createObjectNode().put("cacheDisabled", true));
            call(
                    "Network.emulateNetworkConditions",
                    JSON.createObjectNode()
                            .put("offline", false)
                            .put("latency", latencyMillis)
                            .put("downloadThroughput", downloadBytesPerSecond)
                            .put("uploadThroughput", uploadBytesPerSecond));
        }

        /** A PNG of the viewport, written to {@code file}. */
        void screenshot(Path file) throws IOException {
            String data = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"))
                    .path("data")
                    .asText();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, java.util.Base64.getDecoder().decode(data));
        }

        private static String quoted(String text) {
            return JSON.getNodeFactory().textNode(text).toString();
        }

        @Override
        public void close() throws InterruptedException {
            socket.abort();
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        /** Answers to our calls, matched by id; the protocol's events are not needed and dropped. */
        private final class Replies implements WebSocket.Listener {

            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        JsonNode message = JSON.readTree(partial.toString());
                        CompletableFuture<JsonNode> reply = message.has("id")
                                ? pending.remove(message.path("id").asInt())
                                : null;
                        if (reply != null) {
                            reply.complete(message);
                        }
                    } catch (IOException e) {
                        pending.values().forEach(reply -> reply.completeExceptionally(e));
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }
    }
}
