package vn.motcua.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A stand-in for a remote-signing service speaking the Cloud Signature Consortium API v2 over HTTP, for tests only
 * (the real services cannot be reached from the test machines): {@code info}, {@code oauth2/token} (client
 * credentials), {@code credentials/info}, {@code credentials/authorize} and {@code signatures/signHash}, with the API's
 * error objects. It holds keys issued by its own {@link TestCertificateAuthority}, signs only the hashes it is sent
 * (the private keys never leave it), requires the bearer token it issued (or the fixed one of {@link #token()}),
 * records every request, and fails on demand ({@link #fail}, {@link #stop}).
 */
public final class CscStandIn implements AutoCloseable {

    /** What the stand-in does wrong, on demand. */
    public enum Failure {
        NONE,
        /** Every API call answers 401 {@code invalid_token}. */
        UNAUTHORIZED,
        /** The keys are disabled: {@code key/status} says so and authorizing is refused. */
        KEY_DISABLED,
        /** {@code cert/status} says the certificates are revoked. */
        CERTIFICATE_REVOKED,
        /** The credentials ask for explicit authorization (a PIN). */
        EXPLICIT_AUTHORIZATION,
        /** signHash answers a valid RSA signature by another key. */
        WRONG_SIGNATURE,
        /** signHash answers 500 with an HTML page. */
        SERVER_ERROR,
        /** signHash answers after {@link #SLOW}. */
        SLOW
    }

    /** How long {@link Failure#SLOW} keeps the caller waiting. */
    public static final Duration SLOW = Duration.ofSeconds(4);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestCertificateAuthority authority;
    private final String clientId = "motcua-" + random(4);
    private final String clientSecret = random(16);
    private final String token = random(16);
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Map<String, Authorization> authorizations = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile Failure failure = Failure.NONE;
    private volatile HttpServer server;
    private volatile boolean running;
    private int port;

    private CscStandIn(TestCertificateAuthority authority) {
        this.authority = authority;
    }

    /** A stand-in on a free local port, its CA kept in the folder. */
    public static CscStandIn start(Path folder) {
        CscStandIn standIn = new CscStandIn(TestCertificateAuthority.openOrCreate(folder));
        standIn.listen(0);
        return standIn;
    }

    /** An agency's organisation key and test certificate at the service; its credentialID. */
    public String agencyCredential(String agencyCode, String agencyName) {
        return add("agency-" + agencyCode, authority.keystore(agencyCode, agencyName));
    }

    /** A person's key and test certificate at the service; its credentialID. */
    public String personalCredential(String userId, String personName, String agencyName) {
        return add("user-" + userId, authority.personalKeystore(userId, personName, agencyName));
    }

    /** A key whose certificate (self-signed) expired yesterday, though the service calls it valid. */
    public String expiredCredential(String credentialId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Hết hạn, OU=" + TestCertificateAuthority.TEST_MARK + ", C=VN");
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    BigInteger.valueOf(now.toEpochMilli()),
                                    Date.from(now.minus(Duration.ofDays(30))),
                                    Date.from(now.minus(Duration.ofDays(1))),
                                    name,
                                    keys.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            this.keys.put(credentialId, new Key(keys.getPrivate(), List.of(certificate)));
            return credentialId;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestCertificateAuthority authority() {
        return authority;
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + port);
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** A fixed bearer token the service accepts, as a provider's portal would issue one. */
    public String token() {
        return token;
    }

    /** Ends every token it issued, before their announced expiry. */
    public void revokeTokens() {
        issuedTokens.clear();
    }

    public void fail(Failure failure) {
        this.failure = failure;
    }

    /** Every request so far, in order. */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The requests to one path, e.g. {@code csc/v2/signatures/signHash}. */
    public List<Recorded> requests(String path) {
        return requests.stream().filter(r -> r.path().equals("/" + path)).toList();
    }

    public void forgetRequests() {
        requests.clear();
    }

    /** Down: connections to its port are refused until {@link #restart}. */
    public synchronized void stop() {
        if (running) {
            server.stop(0);
            running = false;
        }
    }

    /** Up again on the same port, with the same keys (nothing when it is up). */
    public synchronized void restart() {
        if (!running) {
            listen(port);
        }
    }

    @Override
    public void close() {
        stop();
        threads.shutdownNow();
    }

    /** One request as it reached the service. */
    public record Recorded(String path, String authorization, String body) {}

    private record Key(PrivateKey privateKey, List<X509Certificate> chain) {}

    private record Authorization(String credentialId, List<String> hashes) {}

    private void listen(int onPort) {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress("localhost", onPort), 0);
            started.setExecutor(threads);
            started.createContext("/", this::handle);
            started.start();
            server = started;
            port = started.getAddress().getPort();
            running = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the CSC stand-in", e);
        }
    }

    private String add(String credentialId, Path keystore) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, authority.password());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    keys.put(
                            credentialId,
                            new Key((PrivateKey) store.getKey(alias, authority.password()), List.copyOf(chain)));
                    return credentialId;
                }
            }
            throw new IllegalStateException("no key in " + keystore);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Recorded(path, authorization, body));
            if (!exchange.getRequestMethod().equals("POST")) {
                error(exchange, 405, "invalid_request", "POST only");
                return;
            }
            switch (path) {
                case "/csc/v2/info" -> answer(exchange, info());
                case "/oauth2/token" -> token(exchange, body);
                case "/csc/v2/credentials/info", "/csc/v2/credentials/authorize", "/csc/v2/signatures/signHash" -> {
                    if (failure == Failure.UNAUTHORIZED || !authorized(authorization)) {
                        error(exchange, 401, "invalid_token", "The access token is not valid");
                        return;
                    }
                    JsonNode request = JSON.readTree(body);
                    switch (path) {
                        case "/csc/v2/credentials/info" -> credentialInfo(exchange, request);
                        case "/csc/v2/credentials/authorize" -> authorize(exchange, request);
                        default -> signHash(exchange, request);
                    }
                }
                default -> error(exchange, 404, "invalid_request", "No such method " + path);
            }
        } catch (RuntimeException | GeneralSecurityException e) {
            error(exchange, 500, "server_error", String.valueOf(e));
        }
    }

    private ObjectNode info() {
        ObjectNode info = JSON.createObjectNode()
                .put("specs", "2.0.0.2")
                .put("name", "CSC stand-in")
                .put("logo", "")
                .put("region", "VN")
                .put("lang", "vi-VN")
                .put("description", "A remote-signing service for the platform's tests")
                .put("oauth2", baseUrl().toString());
        info.putArray("authType").add("oauth2client");
        info.putArray("methods")
                .add("oauth2/token")
                .add("credentials/info")
                .add("credentials/authorize")
                .add("signatures/signHash");
        return info;
    }

    private void token(HttpExchange exchange, String body) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            error(exchange, 400, "unsupported_grant_type", "Only client_credentials");
        } else if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            error(exchange, 401, "invalid_client", "Client authentication failed");
        } else {
            String issued = random(16);
            issuedTokens.add(issued);
            answer(
                    exchange,
                    JSON.createObjectNode()
                            .put("access_token", issued)
                            .put("token_type", "Bearer")
                            .put("expires_in", 3600));
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        String presented = header.substring("Bearer ".length());
        return presented.equals(token) || issuedTokens.contains(presented);
    }

    private void credentialInfo(HttpExchange exchange, JsonNode request) throws IOException, GeneralSecurityException {
        Key key = keys.get(request.path("credentialID").asText());
        if (key == null) {
            error(exchange, 400, "invalid_request", "Invalid parameter credentialID");
            return;
        }
        ObjectNode info = JSON.createObjectNode().put("description", "Test credential");
        ObjectNode keyInfo = info.putObject("key")
                .put("status", failure == Failure.KEY_DISABLED ? "disabled" : "enabled")
                .put("len", 2048);
        keyInfo.putArray("algo").add(CscSigningProvider.SHA256_WITH_RSA).add(CscSigningProvider.RSA);
        X509Certificate certificate = key.chain().get(0);
        ObjectNode cert = info.putObject("cert")
                .put("status", failure == Failure.CERTIFICATE_REVOKED ? "revoked" : "valid")
                .put("issuerDN", certificate.getIssuerX500Principal().getName())
                .put("serialNumber", certificate.getSerialNumber().toString(16))
                .put("subjectDN", certificate.getSubjectX500Principal().getName());
        var certificates = cert.putArray("certificates");
        List<X509Certificate> returned =
                "single".equals(request.path("certificates").asText("single"))
                        ? key.chain().subList(0, 1)
                        : key.chain();
        for (X509Certificate c : returned) {
            certificates.add(Base64.getEncoder().encodeToString(c.getEncoded()));
        }
        info.putObject("auth").put("mode", failure == Failure.EXPLICIT_AUTHORIZATION ? "explicit" : "implicit");
        info.put("SCAL", "2").put("multisign", 1);
        answer(exchange, info);
    }

    private void authorize(HttpExchange exchange, JsonNode request) throws IOException {
        String credentialId = request.path("credentialID").asText();
        if (!keys.containsKey(credentialId)) {
            error(exchange, 400, "invalid_request", "Invalid parameter credentialID");
            return;
        }
        if (failure == Failure.KEY_DISABLED) {
            error(exchange, 400, "invalid_request", "The key is disabled");
            return;
        }
        List<String> hashes = new ArrayList<>();
        request.path("hashes").forEach(h -> hashes.add(h.asText()));
        if (request.path("numSignatures").asInt() != hashes.size() || hashes.isEmpty()) {
            error(exchange, 400, "invalid_request", "numSignatures does not match the hashes");
            return;
        }
        String sad = random(16);
        authorizations.put(sad, new Authorization(credentialId, hashes));
        answer(exchange, JSON.createObjectNode().put("SAD", sad).put("expiresIn", 300));
    }

    private void signHash(HttpExchange exchange, JsonNode request) throws IOException, GeneralSecurityException {
        String credentialId = request.path("credentialID").asText();
        Authorization authorization = authorizations.remove(request.path("SAD").asText());
        List<String> hashes = new ArrayList<>();
        request.path("hashes").forEach(h -> hashes.add(h.asText()));
        if (authorization == null
                || !authorization.credentialId().equals(credentialId)
                || !authorization.hashes().equals(hashes)) {
            error(exchange, 400, "invalid_request", "Invalid SAD for these hashes");
            return;
        }
        String signAlgo = request.path("signAlgo").asText();
        if (!signAlgo.equals(CscSigningProvider.SHA256_WITH_RSA) && !signAlgo.equals(CscSigningProvider.RSA)) {
            error(exchange, 400, "invalid_request", "Invalid parameter signAlgo");
            return;
        }
        if (!CscClient.SHA_256.equals(request.path("hashAlgorithmOID").asText(CscClient.SHA_256))) {
            error(exchange, 400, "invalid_request", "Invalid parameter hashAlgorithmOID");
            return;
        }
        switch (failure) {
            case SERVER_ERROR -> {
                byte[] page = "<html><body>Internal Server Error</body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(500, page.length);
                exchange.getResponseBody().write(page);
                return;
            }
            case SLOW -> {
                try {
                    Thread.sleep(SLOW.toMillis()); // a service that does not answer in time, not a test waiting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            default -> {}
        }
        PrivateKey signingKey = keys.get(credentialId).privateKey();
        if (failure == Failure.WRONG_SIGNATURE) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            signingKey = generator.generateKeyPair().getPrivate();
        }
        ObjectNode answer = JSON.createObjectNode();
        var signatures = answer.putArray("signatures");
        for (String hash : hashes) {
            byte[] digest = Base64.getDecoder().decode(hash);
            if (digest.length != 32) {
                error(exchange, 400, "invalid_request", "Invalid hash length");
                return;
            }
            // PKCS#1 v1.5 over the DigestInfo of the hash it was given: the document itself never comes here.
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(signingKey);
            rsa.update(
                    new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE), digest)
                            .getEncoded(ASN1Encoding.DER));
            signatures.add(Base64.getEncoder().encodeToString(rsa.sign()));
        }
        answer(exchange, answer);
    }

    private static void answer(HttpExchange exchange, JsonNode json) throws IOException {
        send(exchange, 200, json);
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("error", error).put("error_description", description));
    }

    private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
